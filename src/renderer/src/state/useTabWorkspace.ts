// A request tab sends as its own workspace, and the sidebar shows which: showing a tab makes its
// workspace the active one, and choosing another workspace (sidebar, palette, `tokendesk use`)
// rebinds the tab on screen. The shell mounts this, so it holds while another view is open.
import { useEffect } from 'react'
import { composer, useComposer } from './composer'
import { useWorkspaces } from './workspaces'

export function useTabWorkspaceBinding(): void {
  const { active, workspaces, setActive } = useWorkspaces()
  const { activeId, tabs } = useComposer()
  const tabWorkspace = tabs.find((t) => t.id === activeId)?.workspaceId ?? null
  // Only when another tab is shown: the workspace list arriving must not undo the active workspace.
  useEffect(() => {
    if (tabWorkspace && workspaces.some((w) => w.id === tabWorkspace)) {
      if (active?.id !== tabWorkspace) void setActive(tabWorkspace)
    } else if (active) composer.bind(activeId, active.id)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the tab on screen changes
  }, [activeId])
  useEffect(() => {
    if (active) composer.bind(composer.get().activeId, active.id)
  }, [active?.id]) // eslint-disable-line react-hooks/exhaustive-deps -- only on a workspace switch
}
