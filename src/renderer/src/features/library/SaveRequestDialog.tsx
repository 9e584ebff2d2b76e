// Saves the composer's request. A token typed into the request is never written to the library:
// the user chooses to move it into the vault (as a new workspace) or to strip it.
import { useEffect, useState, type FormEvent } from 'react'
import type { SavedFolder, SavedRequest, SecretFinding } from '../../../../shared/library'
import { operationFor } from '../../../../shared/intercom/operation-for'
import type { Region, RequestDraft, Workspace } from '../../../../shared/model'
import { api, errorMessage } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { composer } from '../../state/composer'
import { notifyLibraryChanged } from './events'
import { LocationFields, tidyFolder, type Location } from './LocationFields'
import { workspaceSharing } from './sharing'
import { showToast } from '../../lib/Toast'
import { ErrorText } from '../../lib/ErrorText'
import { RegionSelect } from '../../lib/RegionSelect'
import { useAction } from '../../lib/useAction'

type SecretsChoice = 'refuse' | 'strip' | 'vault'

/**
 * The saved request's name, else the summary of the catalog operation the request is (the shared
 * rule: its operationId only while the method and path still fit it), else "METHOD /path".
 */
export function defaultName(draft: RequestDraft, saved: { name: string } | null): string {
  return saved?.name ?? operationFor(draft)?.summary ?? `${draft.method} ${draft.path}`
}

export function SaveRequestDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const [{ draft, saved }] = useState(() => composer.get())
  const [name, setName] = useState(() => defaultName(draft, saved))
  const [location, setLocation] = useState<Location>({ sharing: workspaceSharing(workspace.id), folder: '' })
  const [existing, setExisting] = useState<SavedRequest | null>(null)
  const [known, setKnown] = useState<{ requests: SavedRequest[]; folders: SavedFolder[] }>({ requests: [], folders: [] })
  const [saveAsNew, setSaveAsNew] = useState(false)
  const [findings, setFindings] = useState<SecretFinding[] | null>(null)
  const [region, setRegion] = useState<Region>(workspace.region)
  const { busy, error, setError, run } = useAction()

  useEffect(() => {
    let current = true
    api.library.list({ workspaceId: workspace.id }).then(
      (r) => {
        if (!current) return
        setKnown({ requests: r.requests, folders: r.folders })
        const found = saved ? r.requests.find((q) => q.id === saved.id) : undefined
        if (found) {
          setExisting(found)
          setLocation({ sharing: found.sharing, folder: found.folder })
        }
      },
      (e: unknown) => current && setError(errorMessage(e))
    )
    return () => {
      current = false
    }
  }, [workspace.id, saved, setError])

  const save = (secrets: SecretsChoice) =>
    run(async () => {
      const result = await api.library.save({
        id: existing && !saveAsNew ? existing.id : undefined,
        name,
        folder: tidyFolder(location.folder),
        sharing: location.sharing,
        draft,
        secrets,
        region
      })
      const ref = { id: result.saved.id, name: result.saved.name }
      // Stripped or vaulted: the composer must not keep the token either.
      if (secrets === 'refuse') composer.markSaved(ref)
      else composer.load(result.saved.draft, ref)
      notifyLibraryChanged()
      showToast(`Saved “${result.saved.name}”.${result.vaultedWorkspaceId ? ' The token is now in the vault as a new workspace.' : ''}`)
      if (result.vaultError)
        showToast(`The request was saved without the token, but the token could not be added to the vault: ${result.vaultError}`, {
          tone: 'error'
        })
      onClose()
    })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    let found: SecretFinding[] = []
    if (!(await run(async () => (found = (await api.library.detectSecrets({ draft })).findings)))) return
    if (found.length > 0) setFindings(found)
    else await save('refuse')
  }

  return (
    <Dialog title="Save request" onClose={onClose}>
      <h2>{existing && !saveAsNew ? 'Update saved request' : 'Save request'}</h2>
      {findings === null ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="save-name">Name</label>
          <input id="save-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
          <LocationFields workspace={workspace} value={location} onChange={setLocation} folders={known.folders} requests={known.requests} />
          {existing ? (
            <label className="check">
              <input type="checkbox" checked={saveAsNew} onChange={(e) => setSaveAsNew(e.target.checked)} />
              Save as a new request (keep “{existing.name}” as it is)
            </label>
          ) : null}
          <ErrorText error={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <div className="form" role="group" aria-label="Secret found">
          <p role="alert" className="warn-text">
            This request holds what looks like a secret. Saved requests are plain files that may end up in git, so it will not be saved as
            it is.
          </p>
          <ul className="findings">
            {findings.map((f, i) => (
              <li key={i}>
                {f.location} <strong>{f.name}</strong>: <code>{f.preview}</code>
              </li>
            ))}
          </ul>
          <label htmlFor="save-vault-region">Region of the token's workspace</label>
          <RegionSelect id="save-vault-region" value={region} onChange={setRegion} />
          <ErrorText error={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" disabled={busy} onClick={() => void save('strip')}>
              Remove it from the request
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save('vault')}>
              Move the token into the vault
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
