// Benchmarks for the executor and "fetch all pages", against the sandbox on 127.0.0.1.
// Run: npx tsx bench/executor.bench.ts — prints a table and writes test-results/bench/executor.json (bench/results/ with --save).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { RequestDraft } from '../src/shared/model'
import { buildRequest, type BuildContext } from '../src/shared/request/build'
import { executeRequest } from '../src/main/services/requests/executor'
import { fetchAllPages, withCursor } from '../src/main/services/pagination/paginate'
import { startSandbox } from '../src/main/sandbox'
import { writeResult } from './results'

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** Times `a` and `b` alternately so both see the same JIT, GC and socket conditions. */
async function timeInterleaved(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  const ta: number[] = []
  const tb: number[] = []
  for (let i = 0; i < n; i++) {
    for (const [fn, times] of i % 2
      ? ([
          [a, ta],
          [b, tb]
        ] as const)
      : ([
          [b, tb],
          [a, ta]
        ] as const)) {
      const t = performance.now()
      await fn()
      times.push(performance.now() - t)
    }
  }
  return [ta, tb]
}

async function executorOverhead(spoolDir: string) {
  const sandbox = await startSandbox({ contacts: 10, rateLimit: { perWindow: 100_000, windowSeconds: 10 } })
  try {
    const token = sandbox.workspaces[0]?.tokens.extended ?? ''
    const ctx: BuildContext = { baseUrl: sandbox.url, defaultVersion: '2.16', credential: { kind: 'token', token } }
    const prepared = buildRequest(RequestDraft.parse({ method: 'GET', path: '/me' }), ctx)
    const viaExecutor = () => executeRequest(prepared, { spoolDir })
    const viaFetch = async () => (await fetch(prepared.url, { headers: prepared.headers })).text()
    await timeInterleaved(50, viaExecutor, viaFetch)
    const [executorTimes, fetchTimes] = await timeInterleaved(500, viaExecutor, viaFetch)
    const executor = median(executorTimes)
    const baseline = median(fetchTimes)
    return {
      name: 'executor overhead (500 GET /me, median)',
      value: executor,
      baseline,
      ratio: executor / baseline,
      target: '≤ 1.3×',
      unit: 'ms'
    }
  } finally {
    await sandbox.close()
  }
}

/**
 * The fastest any client could have fetched the same pages under the limit, starting at
 * `startedAt` (ms) and taking the same time per page as the run did (`latencies`, ms): send while
 * the (epoch-aligned) window has room, then wait for the next one. Windows are what make a naive
 * "pages per second" ratio meaningless.
 */
function idealSeconds(latencies: readonly number[], limit: { perWindow: number; windowSeconds: number }, startedAt: number): number {
  const windowMs = limit.windowSeconds * 1000
  let now = startedAt
  let window = Math.floor(now / windowMs)
  let used = 0
  for (const latency of latencies) {
    if (Math.floor(now / windowMs) !== window) {
      window = Math.floor(now / windowMs)
      used = 0
    }
    if (used === limit.perWindow) {
      window += 1
      now = window * windowMs
      used = 0
    }
    used++
    now += latency
  }
  return (now - startedAt) / 1000
}

async function paginationThroughput(spoolDir: string) {
  const limit = { perWindow: 50, windowSeconds: 5 }
  const sandbox = await startSandbox({ contacts: 20_000, rateLimit: limit })
  try {
    const token = sandbox.workspaces[0]?.tokens.standard ?? ''
    const ctx: BuildContext = { baseUrl: sandbox.url, defaultVersion: '2.16', credential: { kind: 'token', token } }
    const draft = RequestDraft.parse({ method: 'GET', path: '/contacts', query: [{ name: 'per_page', value: '150' }] })
    let failed = 0
    const latencies: number[] = []
    const startedAt = Date.now()
    const t = performance.now()
    const result = await fetchAllPages({
      kind: 'cursor',
      listKey: 'data',
      send: async (cursor) => {
        const res = await executeRequest(buildRequest(withCursor(draft, 'cursor', cursor), ctx), { spoolDir })
        latencies.push(res.timing.totalMs)
        if (res.status !== 200) failed++
        return res
      }
    })
    const seconds = (performance.now() - t) / 1000
    const ideal = idealSeconds(latencies.slice(0, result.pages), limit, startedAt)
    if (!result.complete || result.items.length !== 20_000)
      throw new Error(`pagination incomplete: ${result.stoppedReason ?? ''} ${result.message ?? ''}`)
    return {
      name: `pagination (20,000 contacts, 150/page, ${limit.perWindow} per ${limit.windowSeconds} s)`,
      value: seconds,
      baseline: ideal,
      ratio: ideal / seconds,
      target: `≥ 0.9 of the fastest schedule the limit allows, no failed page (${failed} non-200)`,
      unit: 's',
      nonOkResponses: failed
    }
  } finally {
    await sandbox.close()
  }
}

const spoolDir = await mkdtemp(join(tmpdir(), 'td-bench-'))
try {
  const rows = [await executorOverhead(spoolDir), await paginationThroughput(spoolDir)]
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      value: `${r.value.toFixed(2)} ${r.unit}`,
      baseline: `${r.baseline.toFixed(2)} ${r.unit}`,
      ratio: r.ratio.toFixed(3),
      target: r.target
    }))
  )
  await writeResult('executor', { ranAt: new Date().toISOString(), node: process.version, results: rows })
} finally {
  await rm(spoolDir, { recursive: true, force: true })
}
