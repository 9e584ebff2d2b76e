import { useEffect, useMemo, useState } from 'react'
import { WorkspaceProvider, useWorkspaces } from './state/workspaces'
import { useTabWorkspaceBinding } from './state/useTabWorkspace'
import { Sidebar } from './shell/Sidebar'
import { CommandPalette } from './shell/CommandPalette'
import { installShortcutHandler, useCommands, workspaceShortcut, type Command } from './shell/commands'
import { AddWorkspaceDialog, WorkspacePanel } from './features/workspaces'
import { Notices, StatusBar } from './features/app'
import { ExplorerView } from './features/explorer'
import { ScopesView } from './features/scopes'
import { LibraryPanel, LibraryCommands } from './features/library'
import { SnippetPanel } from './features/snippets'
import { focusPathField } from './features/requests'
import { useDraftPersistence } from './features/drafts'
import { CliCommands } from './features/cli'
import { PanelToggle } from './shell/PanelToggle'
import { useLayout } from './state/layout'
import { TabList, tabPanelProps } from './lib/Tabs'
import { Toasts } from './lib/Toast'
import { VIEWS, showView, useView } from './shell/views'

function Shell() {
  const { workspaces, setActive, loading, info } = useWorkspaces()
  useTabWorkspaceBinding()
  // Here, not in the Explorer: the tabs must be kept (and restored once) while another view is shown.
  useDraftPersistence()
  const [paletteOpen, setPaletteOpen] = useState(false)
  const [adding, setAdding] = useState(false)
  const view = useView()

  const { panelsHidden } = useLayout()

  useEffect(() => installShortcutHandler(), [])

  const commands = useMemo<Command[]>(
    () => [
      { id: 'palette.open', title: 'Open command palette', shortcut: 'Mod+K', run: () => setPaletteOpen(true) },
      { id: 'workspace.add', title: 'Add workspace', section: 'Workspaces', run: () => setAdding(true) },
      ...VIEWS.map((v) => ({
        id: `view.${v.id}`,
        title: `Show ${v.label}`,
        section: 'View',
        shortcut: v.shortcut,
        run: () => showView(v.id)
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
          <TabList label="Views" idPrefix="view" className="view-tabs" tabs={VIEWS} value={view} onChange={showView} />
        </div>
        <div {...tabPanelProps('view', view)} tabIndex={-1} className="view-panel">
          {view === 'explorer' ? (
            <ExplorerView aside={<LibraryPanel />} codePanel={<SnippetPanel />} onOpenScopes={() => showView('scopes')} />
          ) : null}
          {view === 'scopes' ? <ScopesView /> : null}
          {view === 'workspace' ? <WorkspacePanel onAdd={() => setAdding(true)} /> : null}
        </div>
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
      <CliCommands />
      <Toasts />
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
