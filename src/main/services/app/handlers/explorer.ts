import type { Handlers } from '../../core/dispatch'
import { AppError, isAppError } from '../../../../shared/errors'
import type { CatalogOperation } from '../../../../shared/intercom/catalog'
import { operationFor } from '../../../../shared/intercom/operation-for'
import { contentLength, maskSecret } from '../../../../shared/request/build'
import type { ResponseSummary } from '../../../../shared/contract/requests'
import { explainAuthFailure } from '../../http/intercom-errors'
import type { ExecutedResponse } from '../../requests/executor'
import { isJsonContentType } from '../../../../shared/json-document/content-type'
import { csvLines, jsonLines, ndjsonLines, type ExportFormat } from '../../pagination/export'
import { fetchAllPages, withCursor, type PaginationProgress } from '../../pagination/paginate'
import { ScopeBook } from '../../scopes/scope-book'
import type { AppContext } from '../context'
import { RecentResponses } from '../../responses/recent-responses'

type ExplorerHandlers = Pick<
  Handlers,
  | 'requests.send'
  | 'requests.cancel'
  | 'responses.body'
  | 'responses.open'
  | 'responses.query'
  | 'pagination.start'
  | 'pagination.cancel'
  | 'pagination.export'
  | 'scopes.get'
  | 'scopes.inspect'
  | 'scopes.plan'
>

/** Finished "fetch all pages" jobs whose items stay available for export. */
const KEPT_JOBS = 3

/** Bodies up to this size travel with the summary; larger ones are fetched on demand. */
const INLINE_BODY_LIMIT = 1024 * 1024

const EXPORTS: Record<ExportFormat, { ext: string; mime: string; lines: (items: readonly unknown[]) => Generator<string> }> = {
  json: { ext: 'json', mime: 'application/json', lines: jsonLines },
  ndjson: { ext: 'ndjson', mime: 'application/x-ndjson', lines: ndjsonLines },
  csv: { ext: 'csv', mime: 'text/csv', lines: csvLines }
}

export { operationFor }

function maskAuthorization(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.map(([name, value]) => {
    if (name.toLowerCase() !== 'authorization') return [name, value]
    const [scheme, secret = ''] = value.split(' ')
    return [name, `${scheme} ${maskSecret(secret)}`]
  })
}

function withContentLength(sent: { method: string; headers: Array<[string, string]>; body: string | null }): Array<[string, string]> {
  const length = contentLength(sent)
  return length === null ? sent.headers : [...sent.headers, ['Content-Length', length]]
}

export function explorerHandlers(ctx: AppContext): ExplorerHandlers {
  const inFlight = new Map<string, AbortController>()
  const recent = new RecentResponses(10)
  const scopes = new ScopeBook(ctx)
  const jobs = new Map<string, { controller: AbortController; items: unknown[]; operationId: string | null; done: boolean }>()

  const track = <T>(id: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (inFlight.has(id)) throw new AppError('busy', `Request ${id} is already running.`)
    const controller = new AbortController()
    inFlight.set(id, controller)
    return run(controller.signal).finally(() => inFlight.delete(id))
  }

  const summarize = (
    requestId: string,
    sent: { method: string; url: string; headers: Array<[string, string]>; body: string | null },
    response: ExecutedResponse,
    op: CatalogOperation | null,
    legacyKey = false
  ): ResponseSummary => {
    const explanation = explainAuthFailure(response.status, response.intercomErrors, {
      requiredPermission: op?.permission ?? null,
      legacyKey
    })
    const inline = response.body.kind === 'inline' && response.bytes <= INLINE_BODY_LIMIT ? response.body.text : null
    return {
      requestId,
      method: sent.method,
      url: sent.url,
      // Everything that went out but Host and Connection, which the HTTP client owns.
      sentHeaders: maskAuthorization(withContentLength(sent)),
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      contentType: response.contentType,
      bodyText: inline,
      bodyOnDisk: inline === null,
      bodyPreview:
        response.body.kind === 'file'
          ? response.body.preview
          : inline === null && response.body.kind === 'inline'
            ? response.body.text.slice(0, 64 * 1024)
            : null,
      bytes: response.bytes,
      timing: { totalMs: response.timing.totalMs, ttfbMs: response.timing.ttfbMs, downloadMs: response.timing.downloadMs },
      redirects: response.redirects,
      rateLimit: response.rateLimit,
      intercomErrors: response.intercomErrors,
      explanation: explanation
        ? { cause: explanation.cause, title: explanation.title, detail: explanation.detail, permission: explanation.permission ?? null }
        : null
    }
  }

  return {
    'requests.send': ({ requestId, workspaceId, draft }) =>
      track(requestId, async (signal) => {
        const id = ctx.workspaceId(workspaceId)
        const op = operationFor(draft)
        const started = ctx.deps.clock.now()
        try {
          const { prepared, response, secrets } = await ctx.sender.send(id, draft, { signal })
          recent.add(requestId, response.body)
          await ctx.history
            .record(
              {
                workspaceId: id,
                draft,
                sentAt: started,
                status: response.status,
                timing: { totalMs: response.timing.totalMs, ttfbMs: response.timing.ttfbMs },
                contentType: response.contentType,
                responseBody: response.body.kind === 'inline' ? response.body.text : null,
                bytes: response.bytes
              },
              { knownSecrets: secrets }
            )
            .then(() => ctx.events.emit('historyChanged', { workspaceId: id }))
            .catch((e: unknown) => ctx.deps.logger.warn('history was not recorded', { error: isAppError(e) ? e.message : String(e) }))
          // Every answer teaches what this token may do (the inspector and the badge follow it).
          scopes.learn(id, draft, response)
          const legacyKey = draft.authMode === 'legacy' && ctx.registry.get(id).authKind === 'legacy_api_key'
          const summary = summarize(requestId, prepared, response, op, legacyKey)
          // The page will ask main to format this body: start now, while the summary travels.
          if (summary.bodyOnDisk)
            void ctx.documents.open(requestId, response.body, isJsonContentType(response.contentType)).catch(() => undefined)
          return summary
        } catch (error) {
          // Failed sends are history too (no secrets: the draft never holds one).
          if (isAppError(error) && error.code !== 'invalid_input') {
            await ctx.history
              .record({
                workspaceId: id,
                draft,
                sentAt: started,
                status: null,
                error: error.message,
                timing: { totalMs: ctx.deps.clock.now() - started }
              })
              .then(() => ctx.events.emit('historyChanged', { workspaceId: id }))
              .catch(() => undefined)
          }
          throw error
        }
      }),

    'requests.cancel': ({ requestId }) => {
      const controller = inFlight.get(requestId) ?? jobs.get(requestId)?.controller
      controller?.abort()
      return { cancelled: !!controller }
    },

    'responses.body': async ({ requestId, offset, length }) => {
      const text = await recent.text(requestId)
      if (text === null) throw new AppError('not_found', 'That response is no longer kept; send the request again.')
      return { text: text.slice(offset, offset + length), offset, total: text.length }
    },

    'responses.open': ({ requestId, json }) => {
      const body = recent.body(requestId)
      if (!body) throw new AppError('not_found', 'That response is no longer kept; send the request again.')
      return ctx.documents.open(requestId, body, json)
    },

    'responses.query': ({ requestId, query }) => ctx.documents.query(requestId, query),

    'pagination.start': async ({ jobId, workspaceId, draft }) => {
      const id = ctx.workspaceId(workspaceId)
      const op = operationFor(draft)
      const kind = op?.pagination
      if (!op || (kind !== 'cursor' && kind !== 'search' && kind !== 'page')) {
        throw new AppError(
          'invalid_input',
          `${draft.method} ${draft.path} is not a list or search operation that Token Desk can page through.`
        )
      }
      if (jobs.has(jobId)) throw new AppError('busy', 'That pagination job is already running.')
      const job = { controller: new AbortController(), items: [] as unknown[], operationId: op.operationId, done: false }
      jobs.set(jobId, job)
      // Collected items are kept for export; only the last few jobs' worth.
      for (const [old, other] of jobs) if (jobs.size > KEPT_JOBS && other.done) jobs.delete(old)
      let total: number | null = null
      const progress = (p: PaginationProgress, done = false) => {
        total = p.total ?? total
        ctx.events.emit('paginationProgress', {
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
        clock: ctx.deps.clock,
        onProgress: (p) => progress(p),
        send: async (cursor, signal) => {
          const { response } = await ctx.sender.send(id, withCursor(draft, kind, cursor), { signal })
          scopes.learn(id, draft, response)
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
    },

    'pagination.cancel': ({ jobId }) => {
      const job = jobs.get(jobId)
      job?.controller.abort()
      return { cancelled: !!job }
    },

    'pagination.export': ({ jobId, format }) => {
      const job = jobs.get(jobId)
      if (!job) throw new AppError('not_found', 'Fetch the pages first; nothing was collected for this job.')
      const spec = EXPORTS[format]
      const text = [...spec.lines(job.items)].join('')
      const stamp = new Date(ctx.deps.clock.now()).toISOString().replace(/[:.]/g, '-')
      return { filename: `${job.operationId ?? 'items'}-${stamp}.${spec.ext}`, mimeType: spec.mime, text, items: job.items.length }
    },

    'scopes.get': ({ workspaceId }) => scopes.get(ctx.workspaceId(workspaceId)),

    'scopes.inspect': ({ workspaceId, writes }) => scopes.inspect(ctx.workspaceId(workspaceId), writes),

    'scopes.plan': () => scopes.plan()
  }
}
