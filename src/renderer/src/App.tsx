import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { WorkspaceProvider, useWorkspaces } from './state/workspaces'
import { useTabWorkspaceBinding } from './state/useTabWorkspace'
import { Sidebar } from './shell/Sidebar'
import { StatusBar } from './shell/StatusBar'
import { CommandPalette } from './shell/CommandPalette'
import { installShortcutHandler, useCommands, workspaceShortcut, type Command } from './shell/commands'
import { AddWorkspaceDialog } from './features/workspaces/AddWorkspaceDialog'
import { WorkspacePanel } from './features/workspaces/WorkspacePanel'
import { Notices } from './shell/Notices'
import { ExplorerView } from './features/explorer/ExplorerView'
import { ScopesView } from './features/scopes/ScopesView'
import { LibraryPanel } from './features/library/LibraryPanel'
import { LibraryCommands } from './features/library/LibraryCommands'
import { SnippetPanel } from './features/snippets/SnippetPanel'
import { focusPathField } from './features/explorer/focus'
import { PanelToggle } from './shell/PanelToggle'
import { useLayout } from './state/layout'

const VIEWS = [
  { id: 'explorer', label: 'Explorer', shortcut: 'Mod+Shift+E' },
  { id: 'scopes', label: 'Scopes', shortcut: 'Mod+Shift+S' },
  { id: 'workspace', label: 'Workspace settings', shortcut: 'Mod+,' }
] as const
type View = (typeof VIEWS)[number]['id']

function Shell() {
  const { workspaces, setActive, loading, info } = useWorkspaces()
  useTabWorkspaceBinding()
  const [paletteOpen, setPaletteOpen] = useState(false)
  const [adding, setAdding] = useState(false)
  const [view, setView] = useState<View>('explorer')

  const { panelsHidden } = useLayout()

  useEffect(() => installShortcutHandler(), [])

  const onViewKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const at = VIEWS.findIndex((v) => v.id === view)
    const next = VIEWS[(at + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!
    setView(next.id)
    const buttons = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role=tab]')
    buttons[VIEWS.indexOf(next)]?.focus()
  }

  const commands = useMemo<Command[]>(
    () => [
      { id: 'palette.open', title: 'Open command palette', shortcut: 'Mod+K', run: () => setPaletteOpen(true) },
      { id: 'workspace.add', title: 'Add workspace', section: 'Workspaces', run: () => setAdding(true) },
      ...VIEWS.map((v) => ({
        id: `view.${v.id}`,
        title: `Show ${v.label}`,
        section: 'View',
        shortcut: v.shortcut,
        run: () => setView(v.id)
      })),
      ...workspaces.map((w, i) => ({
        id: `workspace.switch.${w.id}`,
        title: `Switch to ${w.name} (${w.region})`,
        section: 'Workspaces',
        shortcut: i < 9 ? workspaceShortcut(i + 1, info?.host) : undefined,
        run: () => void setActive(w.id)
      }))
    ],
    [workspaces, setActive, info?.host]
  )
  useCommands(commands)

  // The main area comes first in the page so the request path is a few Tab stops from the top;
  // the grid still draws the sidebar on the left.
  return (
    <div className={`app${panelsHidden ? ' panels-hidden' : ''}`} data-app-state={loading ? 'loading' : 'loaded'}>
      <main className="main" aria-label="Main">
        <Notices />
        <div className="row view-bar">
          {panelsHidden ? <PanelToggle /> : null}
          <div role="tablist" aria-label="Views" className="view-tabs" onKeyDown={onViewKey}>
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                aria-selected={view === v.id}
                tabIndex={view === v.id ? 0 : -1}
                className={view === v.id ? 'tab active' : 'tab'}
                onClick={() => setView(v.id)}
              >
                {v.label}
              </button>
            ))}
          </div>
        </div>
        {view === 'explorer' ? (
          <ExplorerView aside={<LibraryPanel />} codePanel={<SnippetPanel />} onOpenScopes={() => setView('scopes')} />
        ) : null}
        {view === 'scopes' ? <ScopesView /> : null}
        {view === 'workspace' ? <WorkspacePanel onAdd={() => setAdding(true)} /> : null}
      </main>
      {panelsHidden ? null : <Sidebar onAdd={() => setAdding(true)} />}
      <StatusBar />
      {paletteOpen ? (
        <CommandPalette
          onClose={() => {
            setPaletteOpen(false)
            focusPathField()
          }}
        />
      ) : null}
      {adding ? <AddWorkspaceDialog onClose={() => setAdding(false)} /> : null}
      <LibraryCommands />
    </div>
  )
}

export function App() {
  return (
    <WorkspaceProvider>
      <Shell />
    </WorkspaceProvider>
  )
}
