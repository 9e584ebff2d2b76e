// The explorer's left aside: saved requests and history for the active workspace.
import { useState } from 'react'
import { useWorkspaces } from '../../state/workspaces'
import { HistoryPanel } from '../history'
import { SavedRequests } from './SavedRequests'
import { TabList, tabPanelProps } from '../../lib/Tabs'

type Tab = 'saved' | 'history'
const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'saved', label: 'Saved' },
  { id: 'history', label: 'History' }
]

export function LibraryPanel() {
  const { active } = useWorkspaces()
  const [tab, setTab] = useState<Tab>('saved')
  return (
    <section className="library" aria-label="Library">
      <TabList label="Library" idPrefix="library" tabs={TABS} value={tab} onChange={setTab} />
      <div {...tabPanelProps('library', tab)} tabIndex={-1} className="library-body">
        {!active ? (
          <p className="muted">Add a workspace to save requests and keep a history.</p>
        ) : tab === 'saved' ? (
          <SavedRequests key={active.id} workspace={active} />
        ) : (
          <HistoryPanel key={active.id} workspace={active} />
        )}
      </div>
    </section>
  )
}
