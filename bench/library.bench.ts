// Saved-request search benchmark: how much slower is a search over 10,000 saved requests than over
// 100, measured in the same run on the same machine (a ratio, so the numbers travel between machines).
// Run: npx tsx bench/library.bench.ts   → prints a table, writes bench/results/library.json
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SavedRequestStore } from '../src/main/services/library/saved-requests'
import { writeResult } from './results'

const FOLDERS = [
  'Contacts',
  'Conversations/Replies',
  'Tickets',
  'Billing/Invoices',
  'Admins',
  'Articles/Help Center',
  'Data Events',
  'Companies'
]
const VERBS = ['List', 'Get', 'Create', 'Update', 'Delete', 'Search', 'Attach', 'Detach']
const QUERIES = ['List item 42', 'invoices', '/things/9', 'dlt itm', 'Conversations/Replies', 'zzzz-no-match']
const ROUNDS = 40

async function buildCollection(root: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - start) }, async (_, k) => {
        const i = start + k
        const folder = `${FOLDERS[i % FOLDERS.length]!}/Batch ${Math.floor(i / 500)}`
        const dir = path.join(root, 'shared', ...folder.split('/'))
        await fs.mkdir(dir, { recursive: true })
        const file = {
          format: 'token-desk/request@1',
          id: `gen-${i}`,
          name: `${VERBS[i % VERBS.length]!} item ${i}`,
          order: i,
          request: { method: 'GET', path: `/things/${i}` }
        }
        await fs.writeFile(path.join(dir, `item-${i}.json`), JSON.stringify(file))
      })
    )
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!

async function measure(count: number): Promise<{ items: number; loadMs: number; medianMs: number; p95Ms: number }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `td-bench-${count}-`))
  try {
    await buildCollection(root, count)
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
