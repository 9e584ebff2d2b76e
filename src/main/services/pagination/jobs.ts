// "Fetch all pages" jobs: each runs until done or cancelled, and the last few keep their items
// for export.
import { AppError } from '../../../shared/errors'
import type { PaginationResult } from '../../../shared/contract/pagination'
import { operationFor } from '../../../shared/intercom/operation-for'
import type { RequestDraft } from '../../../shared/model'
import type { EventHub } from '../core/events'
import type { Clock } from '../ports'
import type { WorkspaceSender } from '../requests/workspace-sender'
import type { ScopeBook } from '../scopes/scope-book'
import { csvLines, jsonLines, ndjsonLines, type ExportFormat } from './export'
import { fetchAllPages, withCursor, type PaginationProgress } from './paginate'

/** Finished jobs whose items stay available for export. */
const KEPT_JOBS = 3

const EXPORTS: Record<ExportFormat, { ext: string; mime: string; lines: (items: readonly unknown[]) => Generator<string> }> = {
  json: { ext: 'json', mime: 'application/json', lines: jsonLines },
  ndjson: { ext: 'ndjson', mime: 'application/x-ndjson', lines: ndjsonLines },
  csv: { ext: 'csv', mime: 'text/csv', lines: csvLines }
}

interface Job {
  controller: AbortController
  items: unknown[]
  operationId: string | null
  done: boolean
}

export interface PageJobsDeps {
  sender: WorkspaceSender
  scopes: ScopeBook
  events: EventHub
  clock: Clock
}

export class PageJobs {
  readonly #jobs = new Map<string, Job>()
  constructor(private readonly deps: PageJobsDeps) {}

  async start(jobId: string, workspaceId: string, draft: RequestDraft): Promise<PaginationResult> {
    const { sender, scopes, events, clock } = this.deps
    const op = operationFor(draft)
    const kind = op?.pagination
    if (!op || (kind !== 'cursor' && kind !== 'search' && kind !== 'page')) {
      throw new AppError(
        'invalid_input',
        `${draft.method} ${draft.path} is not a list or search operation that Token Desk can page through.`
      )
    }
    if (this.#jobs.has(jobId)) throw new AppError('busy', 'That pagination job is already running.')
    const job: Job = { controller: new AbortController(), items: [], operationId: op.operationId, done: false }
    this.#jobs.set(jobId, job)
    // Collected items are kept for export; only the last few jobs' worth.
    for (const [old, other] of this.#jobs) if (this.#jobs.size > KEPT_JOBS && other.done) this.#jobs.delete(old)
    let total: number | null = null
    const progress = (p: PaginationProgress, done = false) => {
      total = p.total ?? total
      events.emit('paginationProgress', {
        jobId,
        pages: p.pages,
        items: p.items,
        ratePerSec: p.ratePerSec,
        waitingUntil: p.waitingUntil ?? null,
        total,
        done
      })
    }
    const result = await fetchAllPages({
      kind,
      listKey: op.listKey ?? undefined,
      signal: job.controller.signal,
      clock,
      onProgress: (p) => progress(p),
      send: async (cursor, signal) => {
        const { response } = await sender.send(workspaceId, withCursor(draft, kind, cursor), { signal })
        await scopes.learn(workspaceId, draft, response)
        return response
      }
    })
    job.items = result.items
    job.done = true
    progress({ pages: result.pages, items: result.items.length, ratePerSec: 0 }, true)
    return {
      jobId,
      pages: result.pages,
      items: result.items.length,
      complete: result.complete,
      stoppedReason: result.complete ? null : (result.message ?? result.stoppedReason ?? null),
      status: result.status ?? null
    }
  }

  /** Cancels a job; false when there is none under that id. */
  cancel(jobId: string): boolean {
    const job = this.#jobs.get(jobId)
    job?.controller.abort()
    return !!job
  }

  export(jobId: string, format: ExportFormat): { filename: string; mimeType: string; text: string; items: number } {
    const job = this.#jobs.get(jobId)
    if (!job) throw new AppError('not_found', 'Fetch the pages first; nothing was collected for this job.')
    const spec = EXPORTS[format]
    const text = [...spec.lines(job.items)].join('')
    const stamp = new Date(this.deps.clock.now()).toISOString().replace(/[:.]/g, '-')
    return { filename: `${job.operationId ?? 'items'}-${stamp}.${spec.ext}`, mimeType: spec.mime, text, items: job.items.length }
  }
}
