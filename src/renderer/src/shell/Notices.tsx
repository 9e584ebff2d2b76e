import { useState } from 'react'
import { api, errorMessage } from '../api/client'
import { useWorkspaces } from '../state/workspaces'

/** One-time notices from main (insecure secret storage, a corrupt file set aside, ...). */
export function Notices() {
  const { info, error } = useWorkspaces()
  const [dismissed, setDismissed] = useState<string[]>([])
  const [weakStorageMessage, setWeakStorageMessage] = useState<string | null>(null)
  const notices = [...(error ? [error] : []), ...(info?.notices ?? [])].filter((n) => !dismissed.includes(n))
  const setWeakStorage = (allow: boolean) =>
    void api.app.setWeakStorage({ allow }).then(
      ({ restartRequired }) =>
        setWeakStorageMessage(
          `${allow ? 'Tokens will be saved with weak obfuscation' : 'Tokens will be kept in memory only'}${restartRequired ? ' from the next start: restart Token Desk.' : '.'}`
        ),
      (e: unknown) => setWeakStorageMessage(errorMessage(e))
    )
  if (notices.length === 0 && !info?.weakStorage.offered) return null
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n} className="notice" role="alert">
          <span>{n}</span>
          <button type="button" className="link" onClick={() => setDismissed((d) => [...d, n])}>
            Dismiss
          </button>
        </div>
      ))}
      {info?.weakStorage.offered ? (
        <div className="notice" role="group" aria-label="Weaker secret storage">
          <span>
            {weakStorageMessage ??
              (info.weakStorage.enabled
                ? 'Tokens are saved with weak obfuscation (no keyring).'
                : 'No keyring: tokens are kept in memory for this run.')}
          </span>
          <button type="button" onClick={() => setWeakStorage(!info.weakStorage.enabled)}>
            {info.weakStorage.enabled ? 'Keep tokens in memory only (restart required)' : 'Use weaker encryption (restart required)'}
          </button>
        </div>
      ) : null}
    </div>
  )
}
