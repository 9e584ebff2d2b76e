// The explorer's left aside: saved requests and history for the active workspace.
import { useState } from 'react'
import { useWorkspaces } from '../../state/workspaces'
import { HistoryPanel } from './HistoryPanel'
import { SavedRequests } from './SavedRequests'
import './library.css'

type Tab = 'saved' | 'history'

export function LibraryPanel() {
  const { active } = useWorkspaces()
  const [tab, setTab] = useState<Tab>('saved')
  return (
    <section className="library" aria-label="Library">
      <div className="tabs" role="tablist" aria-label="Library">
        {(['saved', 'history'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`library-tab-${t}`}
            className="tab"
            aria-selected={tab === t}
            aria-controls={`library-panel-${t}`}
            onClick={() => setTab(t)}
          >
            {t === 'saved' ? 'Saved' : 'History'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`library-panel-${tab}`} aria-labelledby={`library-tab-${tab}`} className="library-body">
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
