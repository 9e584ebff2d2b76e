import { useWorkspaces } from '../../state/workspaces'
import { shortcutLabel } from '../../shell/commands'

export function StatusBar() {
  const { info, active } = useWorkspaces()
  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <span>{active ? `${active.name} · ${active.region} · API ${active.intercomVersion}` : 'No workspace'}</span>
      {info ? (
        <span className={info.vault.secure ? '' : 'warn-text'} title={info.vault.notice ?? undefined}>
          Secrets: {info.vault.label}
        </span>
      ) : null}
      {info?.sandboxUrl ? <span>Sandbox at {info.sandboxUrl}</span> : null}
      <span className="spacer" />
      <span className="muted">{shortcutLabel('Mod+K')} commands</span>
      {info ? (
        <span className="muted">
          {info.host === 'web' ? 'browser mode' : 'desktop'} · v{info.version}
        </span>
      ) : null}
    </footer>
  )
}
