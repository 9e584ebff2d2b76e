import { useState } from 'react'
import { api, errorMessage } from '../../api/client'
import type { VaultInfo } from '../../../../shared/contract/app'
import { useWorkspaces } from '../../state/workspaces'

/** The secret store's situation in plain words; the technical detail stays behind "How to fix". */
export function vaultInPlainWords(vault: VaultInfo): string {
  if (!vault.persistent) return 'Tokens are kept in memory only: they are lost when Token Desk stops, and must be entered again.'
  if (!vault.secure) return 'Tokens are saved with weak obfuscation, not real encryption.'
  return 'Tokens are stored encrypted.'
}

/** Said once: dismissing it is remembered (in main's settings) across reloads and restarts. */
function VaultNotice({ vault, dismissed, onDismiss }: { vault: VaultInfo; dismissed: string[]; onDismiss: () => void }) {
  const id = `vault:${vault.id}`
  if (!vault.notice || dismissed.includes(id)) return null
  return (
    <div className="notice" role="alert" aria-label="Secret storage">
      <span>{vaultInPlainWords(vault)}</span>
      <details>
        <summary>How to fix</summary>
        <p>{vault.notice}</p>
      </details>
      <button type="button" className="link" onClick={() => void api.app.dismissNotice({ id }).then(onDismiss)}>
        Dismiss
      </button>
    </div>
  )
}

/** One-time notices from main (insecure secret storage, a corrupt file set aside, ...). */
export function Notices() {
  const { info, error, refresh } = useWorkspaces()
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
  const vaultNotice = info?.vault.notice && !info.dismissedNotices.includes(`vault:${info.vault.id}`)
  if (notices.length === 0 && !info?.weakStorage.offered && !vaultNotice) return null
  return (
    <div className="notices">
      {info ? <VaultNotice vault={info.vault} dismissed={info.dismissedNotices} onDismiss={() => void refresh()} /> : null}
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
