// Postman Collection v2.1 in and out. Import reports what it could not carry over (scripts,
// file bodies, variables, credentials) instead of dropping it silently.
import { useState, type FormEvent } from 'react'
import type { ImportReport } from '../../../../shared/library'
import { api, errorMessage } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { useWorkspaces } from '../../state/workspaces'
import { notifyLibraryChanged, LocationFields, tidyFolder, type Location, workspaceSharing } from '../library'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

export type PostmanMode = 'import' | 'export'

export function PostmanDialog({ mode, onClose }: { mode: PostmanMode; onClose: () => void }) {
  return mode === 'import' ? <PostmanImport onClose={onClose} /> : <PostmanExport onClose={onClose} />
}

function PostmanImport({ onClose }: { onClose: () => void }) {
  const { active } = useWorkspaces()
  const [json, setJson] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [location, setLocation] = useState<Location>({ sharing: active ? workspaceSharing(active.id) : { kind: 'shared' }, folder: '' })
  const [report, setReport] = useState<(ImportReport & { saved: number }) | null>(null)
  const { busy, error, setError, run } = useAction()

  const readFile = (file: File | undefined) => {
    if (!file) return
    setError(null)
    file.text().then(
      (text) => {
        setJson(text)
        setFileName(file.name)
      },
      (e: unknown) => setError(`Could not read ${file.name}: ${errorMessage(e)}`)
    )
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      setReport(await api.import.postman({ json, sharing: location.sharing, folder: tidyFolder(location.folder) }))
      notifyLibraryChanged()
    })
  }

  return (
    <Dialog title="Import Postman collection" onClose={onClose} className="wide">
      <h2>Import Postman collection</h2>
      {report ? (
        <ImportReportView report={report} onClose={onClose} />
      ) : (
        <form className="form wide-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="postman-file">Collection file (v2.1 JSON)</label>
          <input id="postman-file" type="file" accept=".json,application/json" onChange={(e) => readFile(e.target.files?.[0])} />
          <label htmlFor="postman-json">Or paste the collection JSON</label>
          <textarea
            id="postman-json"
            className="mono"
            rows={6}
            spellCheck={false}
            value={json}
            onChange={(e) => {
              setJson(e.target.value)
              setFileName(null)
            }}
          />
          {fileName ? <p className="muted">Read {fileName}.</p> : null}
          {active ? <LocationFields workspace={active} value={location} onChange={setLocation} folders={[]} requests={[]} /> : null}
          <ErrorText error={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || !json.trim()}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}

function ImportReportView({ report, onClose }: { report: ImportReport & { saved: number }; onClose: () => void }) {
  return (
    <div className="form wide-form import-report">
      <p role="status">
        Imported {report.saved} of {report.requestCount} request{report.requestCount === 1 ? '' : 's'} in {report.folderCount} folder
        {report.folderCount === 1 ? '' : 's'} from “{report.collectionName}”.
      </p>
      {report.warnings.length > 0 ? (
        <section aria-label="Not imported or changed">
          <h3>Not imported or changed ({report.warnings.length})</h3>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.itemPath || 'Collection'}</strong>: {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.credentials.length > 0 ? (
        <section aria-label="Credentials found">
          <h3>Credentials found ({report.credentials.length})</h3>
          <p className="warn-text">These were NOT imported. Add the token as a workspace instead, so it stays in the vault.</p>
          <ul>
            {report.credentials.map((c) => (
              <li key={c.id}>
                <strong>{c.itemPath || 'Collection'}</strong> ({c.source.replace('_', ' ')} {c.name}): <code>{c.preview}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.variables.length > 0 ? (
        <section aria-label="Variables left as text">
          <h3>Variables left as text ({report.variables.length})</h3>
          <p className="muted">Replace them in the saved requests; the base URL and token come from the active workspace.</p>
          <ul>
            {report.variables.map((v) => (
              <li key={v.name}>
                <code>{`{{${v.name}}}`}</code> in {v.itemPaths.length} place{v.itemPaths.length === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  )
}

type ExportScope = 'visible' | 'workspace' | 'shared'

function PostmanExport({ onClose }: { onClose: () => void }) {
  const { active } = useWorkspaces()
  const [sharing, setScope] = useState<ExportScope>('visible')
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const download = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const { filename, text } = await api.library.exportPostman({ workspaceId: active?.id, sharing })
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
      const link = document.createElement('a')
      link.href = url
      link.download = filename
      link.click()
      // Revoke later: the download reads the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      setMessage(`Downloaded ${filename}.`)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const choices: Array<{ id: ExportScope; label: string }> = [
    { id: 'visible', label: `Everything ${active?.name ?? 'this workspace'} sees (its own and shared)` },
    { id: 'workspace', label: `Only ${active?.name ?? 'this workspace'}'s own requests` },
    { id: 'shared', label: 'Only requests shared by all workspaces' }
  ]
  return (
    <Dialog title="Export Postman collection" onClose={onClose}>
      <h2>Export Postman collection</h2>
      <form className="form" onSubmit={(e) => void download(e)}>
        <fieldset>
          <legend>Requests to export</legend>
          {choices.map((c) => (
            <label key={c.id} className="check">
              <input type="radio" name="postman-export-sharing" checked={sharing === c.id} onChange={() => setScope(c.id)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          A Postman Collection v2.1 file. It holds no token: requests use {'{{baseUrl}}'} and {'{{token}}'} variables.
        </p>
        {message ? <p role="status">{message}</p> : null}
        <ErrorText error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary">
            Download
          </button>
        </div>
      </form>
    </Dialog>
  )
}
