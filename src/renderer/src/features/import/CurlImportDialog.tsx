// Paste a curl command (e.g. from Intercom's docs) and it becomes the composer's request. A token
// in it is held by main and only ever shown masked; the user may move it into the vault.
import { useState, type FormEvent } from 'react'
import type { CurlImport } from '../../../../shared/contract/import'
import { REGIONS, type Region } from '../../../../shared/model'
import { api } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { composer } from '../../state/composer'
import { useWorkspaces } from '../../state/workspaces'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

export function CurlImportDialog({ onClose }: { onClose: () => void }) {
  const { active, setActive } = useWorkspaces()
  const [command, setCommand] = useState('')
  const [result, setResult] = useState<CurlImport | null>(null)
  const [region, setRegion] = useState<Region>('US')
  const [credential, setCredential] = useState<'pending' | 'ignored' | { workspaceId: string }>('pending')
  const { busy, error, run } = useAction()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const imported = await api.import.curl({ command })
      composer.load(imported.draft)
      setResult(imported)
      setRegion(imported.region ?? active?.region ?? 'US')
    })
  }

  const vault = () => {
    if (result) void run(async () => setCredential(await api.import.vaultCredential({ importId: result.importId, region })))
  }

  return (
    <Dialog title="Import curl command" onClose={onClose} className="wide">
      <h2>Import curl command</h2>
      {!result ? (
        <form className="form wide-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="curl-command">curl command</label>
          <textarea
            id="curl-command"
            className="mono"
            rows={8}
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            placeholder={"curl https://api.intercom.io/contacts \\\n  -H 'Authorization: Bearer <token>' \\\n  -H 'Intercom-Version: 2.16'"}
            required
            autoFocus
            spellCheck={false}
          />
          <ErrorText error={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || !command.trim()}>
              Import
            </button>
          </div>
        </form>
      ) : (
        <div className="form wide-form">
          <p role="status">
            Loaded into the composer:{' '}
            <code>
              {result.draft.method} {result.draft.path}
            </code>
            {result.region && active && result.region !== active.region
              ? ` (the command targets the ${result.region} region; the composer sends to ${active.name}, ${active.region})`
              : ''}
          </p>
          {result.warnings.length > 0 ? (
            <ul className="import-warnings" aria-label="Warnings">
              {result.warnings.map((w) => (
                <li key={w} className="warn-text">
                  {w}
                </li>
              ))}
            </ul>
          ) : null}
          {result.detectedCredential ? (
            <div className="notice" role="group" aria-label="Credential found">
              <span>
                The command holds a {result.detectedCredential.kind === 'bearer' ? 'Bearer token' : 'Basic credential'}{' '}
                <code>{result.detectedCredential.preview}</code>. It was not put into the request.
              </span>
              {credential === 'pending' ? (
                <div className="row">
                  <label htmlFor="curl-vault-region">Region</label>
                  <select id="curl-vault-region" value={region} onChange={(e) => setRegion(e.target.value as Region)}>
                    {REGIONS.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="primary" disabled={busy} onClick={() => void vault()}>
                    Add it to the vault as a new workspace
                  </button>
                  <button type="button" disabled={busy} onClick={() => setCredential('ignored')}>
                    Ignore
                  </button>
                </div>
              ) : credential === 'ignored' ? (
                <span className="muted">Ignored: the token was not stored.</span>
              ) : (
                <span role="status" className="row">
                  Added to the vault as a new workspace.
                  <button type="button" className="link" onClick={() => void setActive(credential.workspaceId).then(onClose)}>
                    Switch to it
                  </button>
                </span>
              )}
            </div>
          ) : null}
          <ErrorText error={error} />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
