import { useWorkspaces } from '../state/workspaces'
import { shortcutLabel, workspaceShortcut } from './commands'
import { PanelToggle } from './PanelToggle'

export function Sidebar({ onAdd }: { onAdd: () => void }) {
  const { workspaces, active, setActive, loading, info } = useWorkspaces()
  return (
    <nav className="sidebar" aria-label="Workspaces">
      <header className="sidebar-header">
        <span className="brand">Token Desk</span>
        <PanelToggle />
      </header>
      <h2 className="sidebar-title">Workspaces</h2>
      {!loading && workspaces.length === 0 ? (
        <div className="empty-state">
          <p>No workspace yet.</p>
          <p className="muted">Add one with an Access Token or sign in with OAuth.</p>
        </div>
      ) : null}
      <ul className="workspace-list">
        {workspaces.map((w, i) => (
          <li key={w.id}>
            <button
              type="button"
              className={`workspace-item ${active?.id === w.id ? 'active' : ''}`}
              aria-current={active?.id === w.id ? 'true' : undefined}
              title={i < 9 ? `Switch with ${shortcutLabel(workspaceShortcut(i + 1, info?.host))}` : undefined}
              onClick={() => void setActive(w.id)}
            >
              <span className="dot" style={{ background: w.color }} aria-hidden />
              <span className="workspace-name">{w.name}</span>
              <span className="badge">{w.region}</span>
              {w.sandbox ? <span className="badge sandbox">sandbox</span> : null}
              {w.authKind === 'legacy_api_key' ? <span className="badge warn">retired key</span> : null}
              {w.secretMissing ? (
                <span
                  className="badge warn"
                  title="This run's secret store has no token for this workspace: enter it again in its settings."
                >
                  no token
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="add-workspace" onClick={onAdd}>
        + Add workspace
      </button>
    </nav>
  )
}
