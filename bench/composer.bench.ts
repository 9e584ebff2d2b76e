// The composer under load, in browser mode (Chromium), each figure beside a baseline measured in
// the same page and run:
// - pasting a 6 MB JSON body: the longest main-thread task (baseline: pasting 10 KB);
// - typing with 6 MB in the body editor: the latency of each key (Event Timing: from the key press
//   to the next paint), median and worst of 20 keys (baseline: the same with a 10 KB body). Above
//   512 KB the editor is read-only by design, so this measures that the window stays responsive;
// - opening a new tab and switching tabs with 20 tabs open (baseline: with 2 tabs open).
// Run: npx tsx bench/composer.bench.ts — prints a table and writes test-results/bench/composer.json (bench/results/ with --save).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/support/chromium'
import { startBrowserMode, stopBrowserMode } from '../e2e/support/browser-mode'
import { writeResult } from './results'

const KEYS = 20

/** A JSON body of about `bytes` characters. */
function jsonBody(bytes: number): string {
  const item = JSON.stringify({ type: 'contact', email: 'person@example.org', name: 'Person', custom_attributes: { plan: 'pro' } })
  const count = Math.max(1, Math.floor(bytes / (item.length + 2)))
  return `{"data":[\n${new Array(count).fill(item).join(',\n')}\n]}`
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { tasks: number[]; events: Map<number, number> }
    w.tasks = []
    w.events = new Map()
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push(e.duration)
    }).observe({ entryTypes: ['longtask'] })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        if (e.interactionId) w.events.set(e.interactionId, Math.max(w.events.get(e.interactionId) ?? 0, e.duration))
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
  })
}

async function reset(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { tasks: number[]; events: Map<number, number> }
    w.tasks = []
    w.events.clear()
  })
}

async function readings(page: Page): Promise<{ longestTask: number; interactions: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { tasks: number[]; events: Map<number, number> }
    return { longestTask: Math.max(0, ...w.tasks), interactions: [...w.events.values()] }
  })
}

/** Pastes `text` into the body editor as a person would (a paste event with clipboard data). */
async function pasteBody(page: Page, text: string): Promise<{ longestTask: number }> {
  await page.getByRole('textbox', { name: 'Request body (JSON)' }).click()
  await page.keyboard.press('Control+a')
  // The text reaches the page before the clock starts: handing 6 MB to the page is the harness's cost.
  await page.evaluate((t) => ((window as unknown as { pasteText: string }).pasteText = t), text)
  await page.waitForTimeout(500)
  await reset(page)
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', (window as unknown as { pasteText: string }).pasteText)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await page.waitForTimeout(2000) // let highlighting, validation and storing run their course
  return { longestTask: (await readings(page)).longestTask }
}

/** Types KEYS characters at the end of the body; Event Timing says how long each took to paint. */
async function typeKeys(page: Page): Promise<{ median: number; worst: number }> {
  await page.getByRole('textbox', { name: 'Request body (JSON)' }).focus()
  await page.keyboard.press('Control+End')
  await page.waitForTimeout(300)
  const latencies: number[] = []
  for (let i = 0; i < KEYS; i++) {
    await reset(page)
    await page.keyboard.press('x')
    await page.waitForTimeout(150)
    // Interactions under 16 ms are not reported: they count as 16 ms.
    latencies.push(Math.max(16, ...(await readings(page)).interactions))
  }
  return { median: median(latencies), worst: Math.max(...latencies) }
}

async function interaction(page: Page, act: () => Promise<void>): Promise<number> {
  await reset(page)
  await act()
  await page.waitForTimeout(200)
  return Math.max(16, ...(await readings(page)).interactions)
}

/** Opening a tab (Alt+T) and switching to another by click, with `open` tabs already open (five rounds). */
async function tabTimes(page: Page, open: number): Promise<{ newTab: number; switchTab: number }> {
  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')
  const dialog = page.getByRole('dialog', { name: 'Unsaved changes' })
  while ((await tabs.count()) > 1) {
    await page.keyboard.press('Alt+w')
    await page.waitForTimeout(100)
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close without saving' }).click()
  }
  for (let i = 1; i < open; i++) await page.keyboard.press('Alt+t')
  const newTab: number[] = []
  const switchTab: number[] = []
  for (let r = 0; r < 5; r++) {
    newTab.push(await interaction(page, () => page.keyboard.press('Alt+t')))
    switchTab.push(await interaction(page, () => tabs.nth(r % 3).click()))
  }
  return { newTab: median(newTab), switchTab: median(switchTab) }
}

const userData = mkdtempSync(path.join(os.tmpdir(), 'td-bench-composer-'))
const { child, info } = await startBrowserMode(userData, [])
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(info.url)
  await page.locator('[data-app-state="loaded"]').waitFor()
  await page.getByRole('textbox', { name: 'Path' }).fill('/contacts/search')
  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST')
  await page.getByRole('tab', { name: 'Body', exact: true }).click()
  await page.getByRole('button', { name: 'Add a JSON body' }).click()
  await watch(page)

  const small = jsonBody(10 * 1024)
  const large = jsonBody(6 * 1024 * 1024)
  const pasteSmall = await pasteBody(page, small)
  const typeSmall = await typeKeys(page)
  const pasteLarge = await pasteBody(page, large)
  const typeLarge = await typeKeys(page)
  // Above 512 KB the body is shown read-only with a note giving its size: the paste arrived whole.
  const note = (await page.getByRole('note', { name: 'Large body' }).textContent()) ?? ''
  if (!note.includes(`${(large.length / 1024 / 1024).toFixed(1)} MB`)) throw new Error(`the 6 MB paste did not arrive whole: ${note}`)

  const tabs2 = await tabTimes(page, 2)
  const tabs20 = await tabTimes(page, 20)

  const rows = [
    {
      name: 'paste a 6 MB JSON body: longest main-thread task',
      value: pasteLarge.longestTask,
      baseline: pasteSmall.longestTask,
      base: 'paste 10 KB',
      target: '< 100 ms'
    },
    {
      name: 'typing with 6 MB in the body editor: median key latency',
      value: typeLarge.median,
      baseline: typeSmall.median,
      base: '10 KB body',
      target: '< 50 ms'
    },
    {
      name: 'typing with 6 MB in the body editor: worst key latency',
      value: typeLarge.worst,
      baseline: typeSmall.worst,
      base: '10 KB body',
      target: '< 50 ms'
    },
    {
      name: 'new tab with 20 tabs open (Alt+T to paint)',
      value: tabs20.newTab,
      baseline: tabs2.newTab,
      base: '2 tabs open',
      target: '< 50 ms'
    },
    {
      name: 'switch tab with 20 tabs open (click to paint)',
      value: tabs20.switchTab,
      baseline: tabs2.switchTab,
      base: '2 tabs open',
      target: '< 50 ms'
    }
  ].map((r) => ({ ...r, ratio: r.baseline > 0 ? r.value / r.baseline : null }))
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      value: `${r.value.toFixed(0)} ms`,
      baseline: `${r.baseline.toFixed(0)} ms (${r.base})`,
      ratio: r.ratio === null ? '—' : r.ratio.toFixed(2),
      target: r.target
    }))
  )
  console.log('Event Timing reports interactions of 16 ms or more; shorter ones count as 16 ms. A 0 ms task means none over 50 ms.')
  console.log(`wrote ${await writeResult('composer', { ranAt: new Date().toISOString(), largeBodyChars: large.length, results: rows })}`)
} finally {
  await browser.close()
  await stopBrowserMode(child)
  rmSync(userData, { recursive: true, force: true })
}
