// The "History" tab: what was sent from the active workspace, newest first; one click restores it.
import { useCallback, useEffect, useState } from 'react'
import type { HistoryEntry } from '../../../../shared/library'
import type { Workspace } from '../../../../shared/model'
import { api, errorMessage, on } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { openHistoryEntry } from './HistoryResponse'
import { ErrorText } from '../../lib/ErrorText'
import { formatBytes } from '../../../../shared/format-bytes'

// A <pre> with megabytes of text freezes the window; the start is what people look at here.
const BODY_VIEW_CHARS = 1024 * 1024

const formatWhen = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })

export function HistoryPanel({ workspace }: { workspace: Workspace }) {
  const [query, setQuery] = useState('')
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [problems, setProblems] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [body, setBody] = useState<{ entry: HistoryEntry; text: string | null } | null>(null)
  const [tick, setTick] = useState(0)
  const refresh = useCallback(() => setTick((t) => t + 1), [])

  useEffect(() => {
    let current = true
    api.history.list({ workspaceId: workspace.id, query }).then(
      (r) => {
        if (!current) return
        setEntries(r.entries)
        setProblems(r.problems.length)
        setError(null)
      },
      (e: unknown) => current && setError(errorMessage(e))
    )
    return () => {
      current = false
    }
  }, [workspace.id, query, tick])

  // New sends show up as main records them.
  useEffect(() => on.historyChanged(({ workspaceId }) => workspaceId === workspace.id && refresh()), [refresh, workspace.id])

  const clear = async () => {
    setConfirming(false)
    try {
      const { removed } = await api.history.clear({ workspaceId: workspace.id })
      setMessage(`Cleared ${removed} history entr${removed === 1 ? 'y' : 'ies'}.`)
      refresh()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const viewBody = (entry: HistoryEntry) =>
    void api.history.body({ workspaceId: workspace.id, entryId: entry.id }).then(
      (r) => setBody({ entry, text: r.text }),
      (e: unknown) => setError(errorMessage(e))
    )

  return (
    <div className="history">
      <div className="row">
        <input
          type="search"
          aria-label="Search history"
          placeholder="Search method, path, status…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="danger" disabled={!entries?.length} onClick={() => setConfirming(true)}>
          Clear
        </button>
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label="Clear history">
          <span>Clear the whole history of {workspace.name}? Stored response bodies are deleted too.</span>
          <div className="row">
            <button type="button" className="danger" onClick={() => void clear()}>
              Clear history
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <ErrorText error={error} />
      {problems > 0 ? <p className="warn-text">{problems} history line(s) could not be read and were skipped.</p> : null}
      {entries && entries.length === 0 ? (
        <p className="muted empty-state">{query ? 'Nothing in the history matches.' : 'Nothing sent from this workspace yet.'}</p>
      ) : null}
      {entries && entries.length > 0 ? (
        <div className="history-scroll">
          <table className="history-table" aria-label="Request history">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Time</th>
                <th scope="col">Size</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Body</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <button
                      type="button"
                      className="tree-open"
                      title="Open in a new tab with its stored response"
                      onClick={() => openHistoryEntry(entry)}
                    >
                      <span className={`method method-${entry.draft.method}`}>{entry.draft.method}</span> {entry.draft.path}
                    </button>
                  </td>
                  <td className={entry.status !== null && entry.status < 400 ? 'ok-text' : 'error'} title={entry.error ?? undefined}>
                    {entry.status ?? 'error'}
                  </td>
                  <td>{Math.round(entry.timing.totalMs)} ms</td>
                  <td>{formatBytes(entry.bytes)}</td>
                  <td>
                    <time dateTime={entry.sentAt}>{formatWhen(entry.sentAt)}</time>
                  </td>
                  <td>
                    {entry.bodyStored ? (
                      <button
                        type="button"
                        className="link"
                        aria-label={`View body of ${entry.draft.method} ${entry.draft.path} at ${formatWhen(entry.sentAt)}`}
                        onClick={() => viewBody(entry)}
                      >
                        View body
                      </button>
                    ) : entry.bodyTooLarge ? (
                      <span className="muted">too large to keep</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {body ? (
        <Dialog title="Response body" onClose={() => setBody(null)} className="wide">
          <h2>
            {body.entry.draft.method} {body.entry.draft.path} · {body.entry.status ?? 'error'}
          </h2>
          {body.text === null ? (
            <p className="muted">The body is no longer on disk.</p>
          ) : (
            <>
              {body.text.length > BODY_VIEW_CHARS ? (
                <p className="muted">
                  Showing the first {formatBytes(BODY_VIEW_CHARS)} of {formatBytes(body.text.length)}.
                </p>
              ) : null}
              <pre className="history-body">{body.text.slice(0, BODY_VIEW_CHARS)}</pre>
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setBody(null)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}
