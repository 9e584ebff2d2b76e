// Saved-request search benchmark: how much slower is a search over 10,000 saved requests than over
// 100, measured in the same run on the same machine (a ratio, so the numbers travel between machines).
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

async function measure(count: number): Promise<{ items: number; loadMs: number; medianMs: number; p95Ms: number }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `td-bench-${count}-`))
  try {
    await writeSavedCollection(root, count, 200)
    const store = new SavedRequestStore({ root })
    let t = performance.now()
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
    return { items: count, loadMs, medianMs: median(samples), p95Ms: p95(samples) }
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
    'load ms': round(r.loadMs),
    'search median ms': round(r.medianMs),
    'search p95 ms': round(r.p95Ms)
  }))
)
console.log(`search 10k / 100 (median): ${ratio.toFixed(1)}x`)

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
