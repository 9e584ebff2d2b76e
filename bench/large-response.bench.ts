// How long until a 50 MB JSON response is shown and scrollable in the UI (browser mode, Chromium),
// and the longest main-thread task meanwhile. Baseline, measured in the same page and run: the
// time Chromium's own JSON.parse takes on the same bytes (the least any viewer must spend).
// Run: npx tsx bench/large-response.bench.ts — prints a table and writes test-results/bench/large-response.json (bench/results/ with --save).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/support/chromium'
import { startBrowserMode, stopBrowserMode } from '../e2e/support/browser-mode'
import { writeResult } from './results'

const BYTES = 50_000_000
const userData = mkdtempSync(path.join(os.tmpdir(), 'td-bench-ui-'))
const { child, info } = await startBrowserMode(userData, ['--sandbox-options', JSON.stringify({ faults: { oversizedBytes: BYTES } })])
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(info.url)
  await page.locator('[data-app-state="loaded"]').waitFor()
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await page.getByLabel('Method').selectOption('GET')
  await page.getByLabel('Path', { exact: true }).fill('/sandbox/oversized')

  await page.evaluate(() => {
    const w = window as unknown as { longest: number }
    w.longest = 0
    performance.setResourceTimingBufferSize(10_000)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration)
    }).observe({ entryTypes: ['longtask'] })
  })
  const started = Date.now()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await page.getByRole('status', { name: 'Response status' }).filter({ hasText: '200' }).waitFor({ timeout: 120_000 })
  const summaryMs = Date.now() - started
  await page.locator('body[data-response-ready="1"]').waitFor({ state: 'attached', timeout: 120_000 })
  const shownMs = Date.now() - started
  // Scrollable: the viewer's scroller moves to the end and renders lines there.
  const scroller = page.locator('[role="tree"][aria-label="Response body"]')
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
  // Rendered there: the first contact is gone and the last row on screen has its text.
  await page.waitForFunction(() => {
    const tree = document.querySelector('[role="tree"][aria-label="Response body"]')
    const rows = tree?.querySelectorAll('[role="treeitem"]') ?? []
    return (
      rows.length > 0 &&
      !tree!.textContent!.includes('"email": "person.0@example.org"') &&
      (rows[rows.length - 1]!.textContent ?? '') !== ''
    )
  })
  const scrolledMs = Date.now() - started
  // The body stays in main: one call formats it there, then only screenfuls of rows cross over.
  // (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
  const calls = await page.evaluate(() =>
    ['responses.open', 'responses.query', 'responses.body'].map((call) =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes(call))
    )
  )
  const [opens, queries, bodyReads] = [calls[0]!, calls[1]!, calls[2]!]
  const openMs = Math.max(0, ...opens.map((e) => e.duration))
  console.log(
    `formatting in main (responses.open): ${Math.round(openMs)} ms; ${queries.length} row queries; ${bodyReads.length} body reads`
  )
  const longestTaskMs = await page.evaluate(() => (window as unknown as { longest: number }).longest)

  // Baseline: parse the same number of bytes of JSON in the same page.
  const parseMs = await page.evaluate((bytes) => {
    const item = JSON.stringify({
      type: 'contact',
      id: 'x',
      email: 'person@example.org',
      name: 'Person',
      custom_attributes: { plan: 'pro', seats: 1 }
    })
    const count = Math.floor(bytes / (item.length + 1))
    const text = `{"type":"list","data":[${new Array(count).fill(item).join(',')}]}`
    const t = performance.now()
    JSON.parse(text)
    return performance.now() - t
  }, BYTES)

  const uiMs = scrolledMs - summaryMs
  const rows = [
    {
      name: 'large response: 50 MB JSON shown and scrollable, from Send',
      value: scrolledMs,
      baseline: parseMs,
      ratio: scrolledMs / parseMs,
      unit: 'ms',
      target: '< 2000 ms'
    },
    {
      name: 'large response: the UI part (summary received → shown and scrollable)',
      value: uiMs,
      baseline: parseMs,
      ratio: uiMs / parseMs,
      unit: 'ms',
      target: '< 2000 ms'
    },
    {
      name: 'large response: longest main-thread task while loading',
      value: longestTaskMs,
      baseline: parseMs,
      ratio: longestTaskMs / parseMs,
      unit: 'ms',
      target: '< 200 ms'
    }
  ]
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      value: `${r.value.toFixed(0)} ${r.unit}`,
      baseline: `${r.baseline.toFixed(0)} ms (JSON.parse)`,
      ratio: r.ratio.toFixed(2),
      target: r.target
    }))
  )
  console.log(`response summary after ${summaryMs} ms (request through main), first lines shown after ${shownMs} ms`)
  await writeResult('large-response', { ranAt: new Date().toISOString(), bytes: BYTES, summaryMs, shownMs, results: rows })
} finally {
  await browser.close()
  await stopBrowserMode(child)
  rmSync(userData, { recursive: true, force: true })
}
