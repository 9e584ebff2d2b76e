// "Fetch all pages": runs a pagination job in main, shows its progress (pages, items, rate,
// rate-limit waits), can cancel it, and exports what it collected.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PaginationProgress } from '../../../../shared/contract/pagination'
import type { RequestDraft } from '../../../../shared/model'
import { api, errorMessage, on } from '../../api/client'
import { useCommands, type Command } from '../../shell/commands'
import { downloadText } from '../../lib/download'
import { formatCountdown } from '../../lib/format'

type Job =
  | { phase: 'running'; jobId: string; progress: PaginationProgress | null }
  | { phase: 'done'; jobId: string; pages: number; items: number; complete: boolean; stoppedReason: string | null }
  | { phase: 'failed'; message: string }

export function PaginationPanel({ draft, workspaceId }: { draft: RequestDraft; workspaceId: string }) {
  const [job, setJob] = useState<Job | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)
  const running = job?.phase === 'running'
  const jobId = job && 'jobId' in job ? job.jobId : null

  useEffect(() => {
    if (!running || !jobId) return
    return on.paginationProgress((progress) => {
      if (progress.jobId === jobId) setJob((j) => (j?.phase === 'running' && j.jobId === jobId ? { ...j, progress } : j))
    })
  }, [running, jobId])

  const start = useCallback(() => {
    if (running) return
    const id = crypto.randomUUID()
    setExportError(null)
    setJob({ phase: 'running', jobId: id, progress: null })
    api.pagination.start({ jobId: id, workspaceId, draft }).then(
      (r) => setJob({ phase: 'done', jobId: id, pages: r.pages, items: r.items, complete: r.complete, stoppedReason: r.stoppedReason }),
      (e: unknown) => setJob({ phase: 'failed', message: errorMessage(e) })
    )
  }, [running, workspaceId, draft])
  const cancel = () => jobId && void api.pagination.cancel({ jobId })

  const commands = useMemo<Command[]>(
    () => [{ id: 'explorer.fetchAll', title: 'Fetch all pages', section: 'Explorer', run: start }],
    [start]
  )
  useCommands(commands)

  const exportAs = async (format: 'json' | 'ndjson' | 'csv') => {
    if (!jobId) return
    try {
      const file = await api.pagination.export({ jobId, format })
      downloadText(file.text, file.filename, file.mimeType)
    } catch (e) {
      setExportError(errorMessage(e))
    }
  }

  return (
    <section className="pagination" aria-label="Pagination">
      <div className="row">
        <button type="button" onClick={start} disabled={running}>
          Fetch all pages
        </button>
        {running ? (
          <button type="button" className="danger" onClick={cancel}>
            Cancel fetching
          </button>
        ) : null}
        {job?.phase === 'running' ? <Progress progress={job.progress} /> : null}
        {job?.phase === 'done' ? (
          <span role="status" className={job.complete ? 'ok-text' : 'warn-text'}>
            {job.complete ? 'Complete' : `Stopped (${job.stoppedReason ?? 'incomplete'})`}: {job.items.toLocaleString()} items from{' '}
            {job.pages} {job.pages === 1 ? 'page' : 'pages'}
          </span>
        ) : null}
        {job?.phase === 'failed' ? (
          <span role="alert" className="error">
            {job.message}
          </span>
        ) : null}
      </div>
      {job?.phase === 'done' && job.items > 0 ? (
        <div className="row" role="group" aria-label="Export items">
          <span className="muted">Export {job.complete ? 'all' : 'collected'} items:</span>
          <button type="button" onClick={() => void exportAs('json')}>
            JSON
          </button>
          <button type="button" onClick={() => void exportAs('ndjson')}>
            NDJSON
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            CSV
          </button>
        </div>
      ) : null}
      {exportError ? (
        <p role="alert" className="error">
          {exportError}
        </p>
      ) : null}
    </section>
  )
}

function Progress({ progress }: { progress: PaginationProgress | null }) {
  const [now, setNow] = useState(() => Date.now())
  const waiting = progress?.waitingUntil ?? null
  useEffect(() => {
    if (waiting === null) return
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [waiting])
  const total = progress?.total ?? null
  const items = progress?.items ?? 0
  return (
    <>
      <div
        className={`progress-bar${total ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label="Fetching pages"
        aria-valuemin={total ? 0 : undefined}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? items : undefined}
      >
        <div className="progress-fill" style={total ? { width: `${Math.min(100, (items / total) * 100)}%` } : undefined} />
      </div>
      <span role="status" className="pagination-status">
        {progress
          ? `${progress.pages} ${progress.pages === 1 ? 'page' : 'pages'}, ${items.toLocaleString()}${total ? ` of ${total.toLocaleString()}` : ''} items, ${progress.ratePerSec.toFixed(1)} items/s`
          : 'Starting…'}
        {waiting !== null && waiting > now ? (
          <span className="warn-text"> — waiting for rate limit reset ({formatCountdown(waiting - now)})</span>
        ) : null}
      </span>
    </>
  )
}
