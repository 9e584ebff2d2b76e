// Saved-request library benchmark: loading and searching 10,000 saved requests against 100, measured
// in the same run on the same machine (ratios, so the numbers travel between machines). A load is
// measured twice: the first start (every file read) and a later one (the index, files unchanged).
// Run: npx tsx bench/library.bench.ts   → prints a table, writes test-results/bench/library.json (bench/results/ with --save)
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SavedRequestStore } from '../src/main/services/library/saved-requests'
import { writeSavedCollection } from '../test/support/saved-collection'
import { writeResult } from './results'

const QUERIES = ['List item 42', 'invoices', '/things/9', 'dlt itm', 'Conversations/Replies', 'zzzz-no-match']
const ROUNDS = 40

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!

async function measure(count: number): Promise<{ items: number; firstLoadMs: number; loadMs: number; medianMs: number; p95Ms: number }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `td-bench-${count}-`))
  try {
    await writeSavedCollection(path.join(root, 'collections'), count, 200)
    // Files written a while ago, as a library's are when the app starts.
    const then = new Date(Date.now() - 60_000)
    const shared = path.join(root, 'collections', 'shared')
    for (const rel of await fs.readdir(shared, { recursive: true })) await fs.utimes(path.join(shared, rel), then, then)
    const open = () => new SavedRequestStore({ root: path.join(root, 'collections'), indexFile: path.join(root, 'library-index.json') })
    let t = performance.now()
    await open().list()
    const firstLoadMs = performance.now() - t
    const store = open()
    t = performance.now()
    await store.list()
    const loadMs = performance.now() - t
    for (const q of QUERIES) await store.search(q, 50) // warm-up
    const samples: number[] = []
    for (let r = 0; r < ROUNDS; r++)
      for (const q of QUERIES) {
        t = performance.now()
        await store.search(q, 50)
        samples.push(performance.now() - t)
      }
    return { items: count, firstLoadMs, loadMs, medianMs: median(samples), p95Ms: p95(samples) }
  } finally {
    await fs.rm(root, { recursive: true, force: true })
  }
}

const baseline = await measure(100)
const large = await measure(10_000)
const ratio = large.medianMs / baseline.medianMs
const round = (n: number) => Math.round(n * 1000) / 1000
console.table(
  [baseline, large].map((r) => ({
    items: r.items,
    'first load ms': round(r.firstLoadMs),
    'load ms': round(r.loadMs),
    'search median ms': round(r.medianMs),
    'search p95 ms': round(r.p95Ms)
  }))
)
console.log(`search 10k / 100 (median): ${ratio.toFixed(1)}x`)
console.log(
  `load 10k / 100: ${(large.loadMs / baseline.loadMs).toFixed(1)}x; first load: ${(large.firstLoadMs / baseline.firstLoadMs).toFixed(1)}x`
)

const out = await writeResult('library', {
  date: new Date().toISOString(),
  node: process.version,
  queries: QUERIES,
  rounds: ROUNDS,
  baseline,
  large,
  ratio: round(ratio)
})
console.log(`wrote ${out}`)
