// "Fetch all pages": follows Intercom's cursors page by page, paces itself from the rate-limit
// headers instead of running into 429s, retries what is worth retrying, and stops cleanly (with
// everything collected so far) rather than dropping or repeating a page.
import { readFile } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { AppError, isAppError } from '../../../shared/errors'
import type { RequestDraft } from '../../../shared/model'
import { systemClock, type Clock } from '../ports'
import type { ExecutedResponse } from '../requests/executor'

/**
 * cursor: `?starting_after=` in the query (most list endpoints);
 * search: `pagination.starting_after` in the JSON body (POST …/search);
 * page:   `?page=N` (GET /companies, POST /companies/list and other older lists).
 */
export type PaginationKind = 'cursor' | 'search' | 'page'

export type PageResponse = Pick<ExecutedResponse, 'status' | 'body' | 'rateLimit'> & { headers?: ExecutedResponse['headers'] }

export interface PaginationProgress {
  pages: number
  items: number
  /** Items per second since the start. */
  ratePerSec: number
  /** Set while pausing for the rate limit or a retry: epoch ms when sending resumes. */
  waitingUntil?: number
  /** The list's `total_count` as the first page reports it, when it does. */
  total?: number
}

export type StopReason = 'cancelled' | 'http_error' | 'retries_exhausted' | 'invalid_response' | 'cursor_repeated' | 'request_failed'

export interface FetchAllResult {
  items: unknown[]
  pages: number
  complete: boolean
  stoppedReason?: StopReason
  /** What stopped it, in plain words. */
  message?: string
  /** The HTTP status of the answer that stopped it, if any. */
  status?: number
}

export interface FetchAllOptions {
  /** Sends the request for one page; `cursor` is null for the first page. */
  send: (cursor: string | null, signal?: AbortSignal) => Promise<PageResponse>
  kind: PaginationKind
  /** The response property holding the items (`data`, `conversations`, ...); found automatically when omitted. */
  listKey?: string
  signal?: AbortSignal
  onProgress?: (progress: PaginationProgress) => void
  clock?: Clock
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Retries per page for 429, 5xx and network failures. */
  maxRetries?: number
  /** Calls left in a rate-limit window below which it waits for the reset (kept free for other requests). */
  reserve?: number
}

export const PAGINATION_DEFAULTS = { maxRetries: 5, reserve: 1, backoffMs: 500, maxWaitMs: 60_000, resetMarginMs: 100 } as const

const PARAM: Record<Exclude<PaginationKind, 'search'>, string> = { cursor: 'starting_after', page: 'page' }

/** A copy of `draft` asking for the page at `cursor` (null: the first page). */
export function withCursor(draft: RequestDraft, kind: PaginationKind, cursor: string | null): RequestDraft {
  if (kind === 'search') {
    let body: unknown = {}
    if (draft.body !== null && draft.body.trim() !== '') {
      try {
        body = JSON.parse(draft.body)
      } catch {
        throw new AppError('invalid_input', 'The search body is not valid JSON, so the page cursor cannot be added to it.')
      }
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AppError('invalid_input', 'The search body must be a JSON object to carry a page cursor.')
    const { starting_after: _previous, ...pagination } = ((body as { pagination?: unknown }).pagination ?? {}) as Record<string, unknown>
    const next = cursor === null ? pagination : { ...pagination, starting_after: cursor }
    return { ...draft, body: JSON.stringify({ ...body, pagination: next }) }
  }
  const name = PARAM[kind]
  const query = draft.query.filter((row) => row.name !== name)
  return { ...draft, query: cursor === null ? query : [...query, { name, value: cursor, enabled: true }] }
}

/** Which pagination an operation uses, from its method, path and declared query parameters; null if none. */
export function paginationKindFor(op: { method: string; path: string; queryParams?: readonly string[] }): PaginationKind | null {
  const method = op.method.toUpperCase()
  if (method === 'POST' && /\/search$/.test(op.path)) return 'search'
  if (op.queryParams?.includes('starting_after')) return 'cursor'
  if (op.queryParams?.includes('page') || (method === 'POST' && op.path === '/companies/list')) return 'page'
  // The spec omits `starting_after` on GET /contacts, which the docs say takes it.
  if (method === 'GET' && op.path === '/contacts') return 'cursor'
  return null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The cursor for the page after `body`, or null on the last page. */
export function nextCursor(kind: PaginationKind, body: unknown): string | null {
  const pages = isRecord(body) ? body.pages : undefined
  if (!isRecord(pages)) return null
  const next = pages.next
  if (kind === 'page') {
    const page = Number(pages.page)
    const total = Number(pages.total_pages)
    if (Number.isInteger(page) && Number.isInteger(total)) return page < total ? String(page + 1) : null
    return typeof next === 'string' ? paramOf(next, 'page') : null
  }
  if (isRecord(next)) return typeof next.starting_after === 'string' && next.starting_after !== '' ? next.starting_after : null
  // Some lists (`pages_link`) give the next page as a URL.
  return typeof next === 'string' ? paramOf(next, 'starting_after') : null
}

function paramOf(url: string, name: string): string | null {
  try {
    return new URL(url, 'https://placeholder.invalid').searchParams.get(name)
  } catch {
    return null
  }
}

function listOf(body: unknown, listKey: string | undefined): unknown[] | null {
  if (!isRecord(body)) return null
  if (listKey) return Array.isArray(body[listKey]) ? (body[listKey] as unknown[]) : null
  if (Array.isArray(body.data)) return body.data
  const arrays = Object.values(body).filter(Array.isArray)
  return arrays.length === 1 ? (arrays[0] as unknown[]) : null
}

async function readJson(res: PageResponse): Promise<unknown> {
  const text = res.body.kind === 'inline' ? res.body.text : await readFile(res.body.path, 'utf8')
  return JSON.parse(text)
}

type Attempt =
  | { kind: 'page'; body: unknown; res: PageResponse }
  | { kind: 'retry'; waitMs: number; why: string }
  | { kind: 'stop'; result: Omit<FetchAllResult, 'items' | 'pages' | 'complete'> }

export async function fetchAllPages(opts: FetchAllOptions): Promise<FetchAllResult> {
  const clock = opts.clock ?? systemClock
  const sleep = opts.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }))
  const maxRetries = opts.maxRetries ?? PAGINATION_DEFAULTS.maxRetries
  const reserve = opts.reserve ?? PAGINATION_DEFAULTS.reserve
  const { signal } = opts
  const startedAt = clock.now()
  const items: unknown[] = []
  const seen = new Set<string>()
  let pages = 0
  let cursor: string | null = null
  let total: number | undefined

  const progress = (waitingUntil?: number) => {
    const seconds = (clock.now() - startedAt) / 1000
    const p: PaginationProgress = { pages, items: items.length, ratePerSec: seconds > 0 ? items.length / seconds : 0 }
    if (waitingUntil !== undefined) p.waitingUntil = waitingUntil
    if (total !== undefined) p.total = total
    opts.onProgress?.(p)
  }
  const stop = (result: Omit<FetchAllResult, 'items' | 'pages' | 'complete'>): FetchAllResult => ({
    items,
    pages,
    complete: false,
    ...result
  })
  const cancelled = () => stop({ stoppedReason: 'cancelled', message: `Cancelled after ${pages} pages.` })
  /** Waits, reporting when sending resumes; false if cancelled meanwhile. */
  const wait = async (ms: number): Promise<boolean> => {
    const bounded = Math.min(Math.max(ms, 0), PAGINATION_DEFAULTS.maxWaitMs)
    progress(clock.now() + bounded)
    try {
      await sleep(bounded, signal)
    } catch {
      return false
    }
    return !signal?.aborted
  }
  const untilReset = (res: PageResponse) => (res.rateLimit ? res.rateLimit.resetAt - clock.now() + PAGINATION_DEFAULTS.resetMarginMs : null)

  const attempt = async (retry: number): Promise<Attempt> => {
    let res: PageResponse
    try {
      res = await opts.send(cursor, signal)
    } catch (err) {
      if (signal?.aborted || (isAppError(err) && err.code === 'cancelled')) return { kind: 'stop', result: { stoppedReason: 'cancelled' } }
      if (isAppError(err) && (err.code === 'network' || err.code === 'timeout'))
        return { kind: 'retry', waitMs: PAGINATION_DEFAULTS.backoffMs * 2 ** retry, why: err.message }
      return {
        kind: 'stop',
        result: { stoppedReason: 'request_failed', message: isAppError(err) ? err.message : 'The page request failed.' }
      }
    }
    if (res.status === 429) {
      const retryAfter = Number(res.headers?.find(([n]) => n.toLowerCase() === 'retry-after')?.[1])
      const reset = untilReset(res)
      const waitMs =
        reset !== null && reset > 0
          ? reset
          : Number.isFinite(retryAfter)
            ? retryAfter * 1000
            : PAGINATION_DEFAULTS.backoffMs * 2 ** (retry + 1)
      return { kind: 'retry', waitMs, why: 'Rate limit exceeded (429).' }
    }
    if (res.status >= 500)
      return { kind: 'retry', waitMs: PAGINATION_DEFAULTS.backoffMs * 2 ** retry, why: `Intercom answered ${res.status}.` }
    if (res.status < 200 || res.status >= 300)
      return {
        kind: 'stop',
        result: { stoppedReason: 'http_error', status: res.status, message: `Page ${pages + 1} was answered with ${res.status}.` }
      }
    try {
      return { kind: 'page', body: await readJson(res), res }
    } catch {
      return {
        kind: 'stop',
        result: { stoppedReason: 'invalid_response', status: res.status, message: `Page ${pages + 1} is not valid JSON.` }
      }
    }
  }

  for (;;) {
    if (signal?.aborted) return cancelled()
    let outcome = await attempt(0)
    for (let retry = 1; outcome.kind === 'retry'; retry++) {
      if (retry > maxRetries)
        return stop({
          stoppedReason: 'retries_exhausted',
          message: `Page ${pages + 1} still failed after ${maxRetries} retries: ${outcome.why}`
        })
      if (!(await wait(outcome.waitMs))) return cancelled()
      outcome = await attempt(retry)
    }
    if (outcome.kind === 'stop') return outcome.result.stoppedReason === 'cancelled' ? cancelled() : stop(outcome.result)

    const list = listOf(outcome.body, opts.listKey)
    if (!list)
      return stop({
        stoppedReason: 'invalid_response',
        message: opts.listKey ? `Page ${pages + 1} has no "${opts.listKey}" list.` : `Page ${pages + 1} has no list of items.`
      })
    items.push(...list)
    if (pages === 0) total = totalCountOf(outcome.body)
    pages++
    progress()

    const next = nextCursor(opts.kind, outcome.body)
    if (next === null) return { items, pages, complete: true }
    if (seen.has(next))
      return stop({
        stoppedReason: 'cursor_repeated',
        message: 'Intercom returned a page cursor it had already given; stopped to avoid repeating pages.'
      })
    seen.add(next)
    cursor = next
    // Pace: when the window is (nearly) used up, wait for its reset rather than earn a 429.
    const reset = untilReset(outcome.res)
    if (outcome.res.rateLimit && outcome.res.rateLimit.remaining <= reserve && reset !== null && reset > 0 && !(await wait(reset)))
      return cancelled()
  }
}

function totalCountOf(body: unknown): number | undefined {
  const value = body !== null && typeof body === 'object' ? (body as { total_count?: unknown }).total_count : undefined
  return typeof value === 'number' ? value : undefined
}
