// A history entry opened in a tab: the response stored with it (status, timing, body), or a note
// saying that none was kept. Never the answer to another request.
import type { ResponseSummary } from '../../../../shared/contract/requests'
import type { HistoryEntry } from '../../../../shared/library'
import { api, errorMessage } from '../../api/client'
import { composer, type TabResponse } from '../../state/composer'
import { ResponseViewer } from '../responses'
import { formatBytes } from '../../../../shared/format-bytes'

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })

function storedSummary(entry: HistoryEntry, bodyText: string | null): ResponseSummary {
  return {
    requestId: `history-${entry.id}`,
    method: entry.draft.method,
    url: entry.draft.path,
    sentHeaders: [],
    status: entry.status ?? 0,
    statusText: '',
    headers: [],
    contentType: entry.contentType,
    bodyText,
    bodyOnDisk: false,
    bodyPreview: null,
    bytes: entry.bytes,
    timing: {
      totalMs: entry.timing.totalMs,
      ttfbMs: entry.timing.ttfbMs ?? 0,
      downloadMs: Math.max(0, entry.timing.totalMs - (entry.timing.ttfbMs ?? 0))
    },
    redirects: [],
    rateLimit: null,
    intercomErrors: null,
    explanation: null
  }
}

/** Opens a history entry in a new tab, bound to its workspace, with the response stored with it. */
export function openHistoryEntry(entry: HistoryEntry): void {
  const note =
    entry.status === null
      ? `This request did not get a response: ${entry.error ?? 'it failed'}.`
      : entry.bodyTooLarge
        ? 'The response body was too large to keep in the history; status and timing are shown.'
        : !entry.bodyStored && entry.bytes > 0
          ? 'No response body was kept for this entry.'
          : null
  const omitted =
    entry.requestBodyOmitted !== null
      ? ` The request body (${formatBytes(entry.requestBodyOmitted)}) was too large to keep in the history and is not restored.`
      : ''
  const tabId = composer.open(entry.draft, {
    workspaceId: entry.workspaceId,
    response: {
      phase: 'history',
      entry,
      summary: entry.bodyStored ? null : storedSummary(entry, ''),
      note: note || omitted ? `${note ?? ''}${omitted}`.trim() : null
    }
  })
  if (!entry.bodyStored) return
  const settle = (response: TabResponse) => {
    const now = composer.get().tabs.find((t) => t.id === tabId)?.response
    if (now?.phase === 'history' && now.entry.id === entry.id) composer.setResponse(tabId, response)
  }
  api.history.body({ workspaceId: entry.workspaceId, entryId: entry.id }).then(
    ({ text }) =>
      settle({
        phase: 'history',
        entry,
        summary: storedSummary(entry, text ?? ''),
        note: `${text === null ? 'The stored response body is no longer on disk.' : ''}${omitted}`.trim() || null
      }),
    (e: unknown) => settle({ phase: 'history', entry, summary: storedSummary(entry, ''), note: errorMessage(e) })
  )
}

export function HistoryResponse({ state, operationId }: { state: Extract<TabResponse, { phase: 'history' }>; operationId: string | null }) {
  return (
    <>
      <p className="muted history-note" role="note" aria-label="Stored response">
        From the history: sent {when(state.entry.sentAt)}.{state.note ? ` ${state.note}` : ''}
      </p>
      {state.summary === null ? (
        <p role="status" className="muted response-empty">
          Loading the stored response…
        </p>
      ) : state.entry.status !== null ? (
        <ResponseViewer
          key={`${state.summary.requestId}:${state.summary.bodyText?.length ?? 0}`}
          summary={state.summary}
          operationId={operationId}
        />
      ) : null}
    </>
  )
}
