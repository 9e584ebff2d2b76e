import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { buildRequest } from '../../../shared/request/build'
import { executeRequest } from '../requests/executor'
import {
  fetchAllPages,
  nextCursor,
  paginationKindFor,
  withCursor,
  type FetchAllOptions,
  type PaginationKind,
  type PaginationProgress
} from './paginate'
import { startServer, type TestServer } from '../http/test-server'

/** A fake clock the test server and the paginator share: sleeping moves time, nothing really waits. */
function fakeTime() {
  const t = { now: 1_700_000_000_000, sleeps: [] as number[] }
  return {
    t,
    clock: { now: () => t.now },
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Error('aborted')
      t.sleeps.push(ms)
      t.now += ms
    }
  }
}

interface ListServerOptions {
  total: number
  limit?: number
  windowSeconds?: number
  now: () => number
  /** Status to answer instead, by request number (1-based). */
  faults?: Record<number, number>
  /** Cursor to hand out instead of the real one, by request number. */
  badCursor?: Record<number, string>
}

/** A small Intercom-like list API: cursor (GET /contacts), search (POST /contacts/search), page (GET /companies). */
async function listServer(o: ListServerOptions) {
  const items = Array.from({ length: o.total }, (_, i) => ({ type: 'contact', id: `c${i}` }))
  const stats = { requests: 0, tooMany: 0, served: [] as string[] }
  const windows = new Map<number, number>()
  const server = await startServer((req, res, body) => {
    stats.requests++
    const n = stats.requests
    const url = new URL(req.url ?? '/', 'https://base.invalid')
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (o.limit) {
      const windowMs = (o.windowSeconds ?? 10) * 1000
      const window = Math.floor(o.now() / windowMs)
      const used = (windows.get(window) ?? 0) + 1
      windows.set(window, used)
      Object.assign(headers, {
        'x-ratelimit-limit': String(o.limit),
        'x-ratelimit-remaining': String(Math.max(o.limit - used, 0)),
        'x-ratelimit-reset': String(((window + 1) * windowMs) / 1000)
      })
      if (used > o.limit) {
        stats.tooMany++
        res.writeHead(429, headers)
        return void res.end(
          JSON.stringify({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded', message: `Exceeded rate limit of ${o.limit}` }] })
        )
      }
    }
    const fault = o.faults?.[n]
    if (fault) {
      res.writeHead(fault, headers)
      return void res.end(
        JSON.stringify({ type: 'error.list', errors: [{ code: fault === 429 ? 'rate_limit_exceeded' : 'server_error' }] })
      )
    }
    let perPage = Number(url.searchParams.get('per_page') ?? 2)
    let start = 0
    if (url.pathname === '/companies') {
      const page = Number(url.searchParams.get('page') ?? 1)
      start = (page - 1) * perPage
      const data = items.slice(start, start + perPage)
      stats.served.push(...data.map((x) => x.id))
      res.writeHead(200, headers)
      return void res.end(
        JSON.stringify({ type: 'list', data, pages: { type: 'pages', page, per_page: perPage, total_pages: Math.ceil(o.total / perPage) } })
      )
    }
    let after: string | null = url.searchParams.get('starting_after')
    if (url.pathname === '/contacts/search') {
      const parsed = JSON.parse(body) as { pagination?: { per_page?: number; starting_after?: string } }
      perPage = parsed.pagination?.per_page ?? 2
      after = parsed.pagination?.starting_after ?? null
    }
    if (after) start = Number(Buffer.from(after, 'base64url').toString()) + 1
    const data = items.slice(start, start + perPage)
    stats.served.push(...data.map((x) => x.id))
    const end = start + data.length
    const cursor = o.badCursor?.[n] ?? Buffer.from(String(end - 1)).toString('base64url')
    const pages = { type: 'pages', per_page: perPage, ...(end < o.total ? { next: { starting_after: cursor } } : {}) }
    res.writeHead(200, headers)
    res.end(JSON.stringify({ type: 'list', data, total_count: o.total, pages }))
  })
  return { server, stats }
}

const servers: TestServer[] = []
let spoolDir: string
beforeEach(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), 'td-page-'))
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await rm(spoolDir, { recursive: true, force: true })
})

const draftFor = (input: RequestDraftInput) => RequestDraft.parse(input)

async function run(kind: PaginationKind, draftInput: RequestDraftInput, server: ListServerOptions, extra: Partial<FetchAllOptions> = {}) {
  const { server: s, stats } = await listServer(server)
  servers.push(s)
  const draft = draftFor(draftInput)
  const ctx = { baseUrl: s.origin, defaultVersion: '2.16', credential: { kind: 'token' as const, token: 'secret-token' } }
  const progress: PaginationProgress[] = []
  const result = await fetchAllPages({
    kind,
    send: (cursor, signal) =>
      executeRequest(buildRequest(withCursor(draft, kind, cursor), ctx), signal ? { spoolDir, signal } : { spoolDir }),
    onProgress: (p) => progress.push(p),
    ...extra
  })
  return { result, stats, progress, requests: s.requests }
}

const ids = (items: unknown[]) => items.map((x) => (x as { id: string }).id)
const range = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`)

describe('fetchAllPages', () => {
  it('follows query cursors to the last page', async () => {
    const time = fakeTime()
    const { result, requests, progress } = await run(
      'cursor',
      { method: 'GET', path: '/contacts', query: [{ name: 'per_page', value: '5' }] },
      { total: 23, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(result).toMatchObject({ complete: true, pages: 5 })
    expect(ids(result.items)).toEqual(range(23))
    expect(requests[0]?.url).toBe('/contacts?per_page=5')
    expect(requests[1]?.url).toMatch(/^\/contacts\?per_page=5&starting_after=/)
    // The first page's total_count is reported with every step, so progress can say "n of 23".
    expect(progress.map((p) => p.total)).toEqual([23, 23, 23, 23, 23])
    expect(progress.at(-1)).toMatchObject({ pages: 5, items: 23 })
    expect(time.t.sleeps).toEqual([])
  })

  it('puts the search cursor in the body and keeps the query', async () => {
    const time = fakeTime()
    const query = { field: 'role', operator: '=', value: 'user' }
    const { result, requests } = await run(
      'search',
      { method: 'POST', path: '/contacts/search', body: JSON.stringify({ query, pagination: { per_page: 4 } }) },
      { total: 10, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(ids(result.items)).toEqual(range(10))
    expect(result.pages).toBe(3)
    const bodies = requests.map((r) => JSON.parse(r.body) as { query: unknown; pagination: Record<string, unknown> })
    expect(bodies.every((b) => JSON.stringify(b.query) === JSON.stringify(query))).toBe(true)
    expect(bodies[0]?.pagination).toEqual({ per_page: 4 })
    expect(bodies[1]?.pagination.starting_after).toEqual(expect.any(String))
    expect(requests.every((r) => !r.url.includes('starting_after'))).toBe(true)
  })

  it('walks page numbers', async () => {
    const time = fakeTime()
    const { result, requests } = await run(
      'page',
      { method: 'GET', path: '/companies', query: [{ name: 'per_page', value: '3' }] },
      { total: 8, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(ids(result.items)).toEqual(range(8))
    expect(requests.map((r) => new URL(r.url, 'https://base.invalid').searchParams.get('page'))).toEqual([null, '2', '3'])
  })

  it('paces itself under a rate limit instead of hitting 429', async () => {
    const time = fakeTime()
    const { result, stats, progress } = await run(
      'cursor',
      { method: 'GET', path: '/contacts', query: [{ name: 'per_page', value: '2' }] },
      { total: 30, limit: 4, windowSeconds: 10, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(result.complete).toBe(true)
    expect(ids(result.items)).toEqual(range(30))
    expect(stats.tooMany).toBe(0)
    expect(time.t.sleeps.length).toBeGreaterThan(0)
    expect(progress.some((p) => p.waitingUntil !== undefined)).toBe(true)
    // Each window serves at most `limit` pages, so 15 pages need at least 4 windows.
    expect(time.t.now - 1_700_000_000_000).toBeGreaterThanOrEqual(3 * 10_000)
  })

  it('backs off on 429 until the reset, then retries the same page without duplicating it', async () => {
    const time = fakeTime()
    const { result, stats } = await run(
      'cursor',
      { method: 'GET', path: '/contacts', query: [{ name: 'per_page', value: '3' }] },
      { total: 9, now: time.clock.now, faults: { 2: 429 } },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(result.complete).toBe(true)
    expect(ids(result.items)).toEqual(range(9))
    expect(stats.requests).toBe(4)
    expect(time.t.sleeps).toHaveLength(1)
  })

  it('on 429 waits until X-RateLimit-Reset, even with pacing turned off', async () => {
    const time = fakeTime()
    const { result, stats } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 12, limit: 3, windowSeconds: 10, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep, reserve: -1 }
    )
    expect(result.complete).toBe(true)
    expect(ids(result.items)).toEqual(range(12))
    expect(stats.tooMany).toBeGreaterThan(0)
    expect(stats.served).toEqual(range(12))
    // Every wait ends just after a window boundary.
    expect(time.t.sleeps.every((ms) => ms > 0 && ms <= 10_100)).toBe(true)
    expect(time.t.now % 10_000).toBe(100)
  })

  it('retries 5xx a bounded number of times, then stops with what it has', async () => {
    const time = fakeTime()
    const ok = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 4, now: time.clock.now, faults: { 2: 503, 3: 500 } },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(ok.result.complete).toBe(true)
    expect(ids(ok.result.items)).toEqual(range(4))

    const time2 = fakeTime()
    const faults = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 2, 500]))
    const bad = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 6, now: time2.clock.now, faults },
      { clock: time2.clock, sleep: time2.sleep, maxRetries: 3 }
    )
    expect(bad.result).toMatchObject({ complete: false, stoppedReason: 'retries_exhausted', pages: 1 })
    expect(ids(bad.result.items)).toEqual(range(2))
    expect(bad.stats.requests).toBe(1 + 4)
    // Exponential backoff: each wait longer than the last.
    expect(time2.t.sleeps).toEqual([...time2.t.sleeps].sort((a, b) => a - b))
    expect(new Set(time2.t.sleeps).size).toBe(3)
  })

  it('stops on a client error and keeps the pages it has', async () => {
    const time = fakeTime()
    const { result } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 6, now: time.clock.now, faults: { 3: 404 } },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(result).toMatchObject({ complete: false, stoppedReason: 'http_error', status: 404, pages: 2 })
    expect(ids(result.items)).toEqual(range(4))
  })

  it('can be cancelled between pages', async () => {
    const time = fakeTime()
    const controller = new AbortController()
    const { result, stats } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 20, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep, signal: controller.signal, onProgress: (p) => p.pages === 2 && controller.abort() }
    )
    expect(result).toMatchObject({ complete: false, stoppedReason: 'cancelled', pages: 2 })
    expect(stats.requests).toBe(2)
  })

  it('can be cancelled while waiting for the rate limit to reset', async () => {
    const time = fakeTime()
    const controller = new AbortController()
    const sleep = async (ms: number, signal?: AbortSignal) => {
      controller.abort()
      return time.sleep(ms, signal)
    }
    const { result, stats } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 20, limit: 2, now: time.clock.now },
      { clock: time.clock, sleep, signal: controller.signal }
    )
    expect(result).toMatchObject({ complete: false, stoppedReason: 'cancelled', pages: 1 })
    expect(stats.requests).toBe(1)
  })

  it('stops rather than loop when a cursor comes back twice', async () => {
    const time = fakeTime()
    const { result } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 20, now: time.clock.now, badCursor: { 1: 'MQ', 2: 'MQ' } },
      { clock: time.clock, sleep: time.sleep }
    )
    expect(result).toMatchObject({ complete: false, stoppedReason: 'cursor_repeated', pages: 2 })
  })

  it('reports a response without the expected list', async () => {
    const time = fakeTime()
    const { result } = await run(
      'cursor',
      { method: 'GET', path: '/contacts' },
      { total: 3, now: time.clock.now },
      { clock: time.clock, sleep: time.sleep, listKey: 'conversations' }
    )
    expect(result).toMatchObject({ complete: false, stoppedReason: 'invalid_response', pages: 0 })
    expect(result.message).toContain('conversations')
  })
})

describe('withCursor', () => {
  const base = draftFor({
    method: 'GET',
    path: '/contacts',
    query: [
      { name: 'per_page', value: '50' },
      { name: 'starting_after', value: 'old' }
    ]
  })

  it('replaces the query cursor, or removes it for the first page', () => {
    expect(withCursor(base, 'cursor', 'abc').query).toEqual([
      { name: 'per_page', value: '50', enabled: true },
      { name: 'starting_after', value: 'abc', enabled: true }
    ])
    expect(withCursor(base, 'cursor', null).query).toEqual([{ name: 'per_page', value: '50', enabled: true }])
    expect(base.query).toHaveLength(2)
  })

  it('sets the page number for page lists', () => {
    expect(withCursor(base, 'page', '3').query.at(-1)).toEqual({ name: 'page', value: '3', enabled: true })
  })

  it('puts the cursor in the search body, keeping per_page', () => {
    const search = draftFor({
      method: 'POST',
      path: '/contacts/search',
      body: '{"query":{"field":"x","operator":"=","value":1},"pagination":{"per_page":150}}'
    })
    expect(JSON.parse(withCursor(search, 'search', 'cur').body ?? '')).toEqual({
      query: { field: 'x', operator: '=', value: 1 },
      pagination: { per_page: 150, starting_after: 'cur' }
    })
    expect(JSON.parse(withCursor(draftFor({ method: 'POST', path: '/contacts/search' }), 'search', 'c').body ?? '')).toEqual({
      pagination: { starting_after: 'c' }
    })
  })

  it('refuses a search body that is not a JSON object', () => {
    expect(() => withCursor(draftFor({ method: 'POST', path: '/x/search', body: '{oops' }), 'search', 'c')).toThrow(AppError)
    expect(() => withCursor(draftFor({ method: 'POST', path: '/x/search', body: '[1]' }), 'search', 'c')).toThrow(/object/)
  })
})

describe('nextCursor and paginationKindFor', () => {
  it('reads pages.next in its object, URL and page-number forms', () => {
    expect(nextCursor('cursor', { pages: { next: { page: 2, starting_after: 'WzE3' } } })).toBe('WzE3')
    expect(nextCursor('cursor', { pages: { next: 'https://api.intercom.io/x?per_page=2&starting_after=abc' } })).toBe('abc')
    expect(nextCursor('cursor', { pages: { page: 1 } })).toBeNull()
    expect(nextCursor('page', { pages: { page: 2, total_pages: 3 } })).toBe('3')
    expect(nextCursor('page', { pages: { page: 3, total_pages: 3 } })).toBeNull()
  })

  it('picks the kind from the operation', () => {
    expect(paginationKindFor({ method: 'POST', path: '/conversations/search' })).toBe('search')
    expect(paginationKindFor({ method: 'GET', path: '/conversations', queryParams: ['per_page', 'starting_after'] })).toBe('cursor')
    expect(paginationKindFor({ method: 'GET', path: '/companies', queryParams: ['page', 'per_page'] })).toBe('page')
    expect(paginationKindFor({ method: 'GET', path: '/contacts' })).toBe('cursor')
    expect(paginationKindFor({ method: 'GET', path: '/me' })).toBeNull()
  })
})

describe('fetchAllPages against the sandbox', () => {
  it('collects every contact under a tight rate limit without a 429', async () => {
    const { startSandbox } = await import('../../sandbox')
    const time = fakeTime()
    const sandbox = await startSandbox({ contacts: 40, rateLimit: { perWindow: 3, windowSeconds: 10 }, clock: time.clock.now })
    try {
      const ws = sandbox.workspaces[0]
      if (!ws) throw new Error('the sandbox has no workspace')
      const draft = draftFor({ method: 'GET', path: '/contacts', query: [{ name: 'per_page', value: '5' }] })
      const ctx = { baseUrl: sandbox.url, defaultVersion: '2.16', credential: { kind: 'token' as const, token: ws.tokens.standard } }
      const statuses: number[] = []
      const result = await fetchAllPages({
        kind: 'cursor',
        listKey: 'data',
        clock: time.clock,
        sleep: time.sleep,
        send: async (cursor) => {
          const res = await executeRequest(buildRequest(withCursor(draft, 'cursor', cursor), ctx), { spoolDir })
          statuses.push(res.status)
          return res
        }
      })
      expect(result).toMatchObject({ complete: true, pages: 8 })
      const got = ids(result.items)
      expect(got).toHaveLength(40)
      expect(new Set(got).size).toBe(40)
      expect(statuses.every((s) => s === 200)).toBe(true)
      expect(time.t.sleeps.length).toBeGreaterThan(0)
    } finally {
      await sandbox.close()
    }
  })
})
