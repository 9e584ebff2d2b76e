// How fast the shell starts in browser mode: from navigation to the loaded app (workspaces listed),
// over 10 cold page loads. Baseline, same server and run: navigating to its tiny refusal page,
// i.e. the cost of a page load itself. Run: npx tsx bench/startup.bench.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../e2e/support/chromium'
import { startBrowserMode, stopBrowserMode } from '../e2e/support/browser-mode'
import { writeResult } from './results'

const RUNS = 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const userData = mkdtempSync(path.join(os.tmpdir(), 'td-bench-start-'))
const { child, info } = await startBrowserMode(userData)
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  const shell: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each time: no cache, no cookie, like a first start.
    const context = await browser.newContext()
    const page = await context.newPage()
    let t = Date.now()
    await page.goto(info.origin)
    baseline.push(Date.now() - t)
    t = Date.now()
    await page.goto(info.url)
    await page.locator('[data-app-state="loaded"]').waitFor()
    await page
      .getByRole('navigation', { name: 'Workspaces' })
      .getByRole('button', { name: /Sandbox US/ })
      .waitFor()
    shell.push(Date.now() - t)
    await context.close()
  }
  const row = {
    name: 'shell start-up in browser mode (median of 10 cold loads)',
    value: median(shell),
    baseline: median(baseline),
    unit: 'ms',
    target: '< 1000 ms'
  }
  console.table([
    {
      benchmark: row.name,
      value: `${row.value} ms`,
      baseline: `${row.baseline} ms (refusal page)`,
      ratio: (row.value / row.baseline).toFixed(2),
      target: row.target
    }
  ])
  await writeResult('startup', {
    ranAt: new Date().toISOString(),
    runs: { shell, baseline },
    results: [{ ...row, ratio: row.value / row.baseline }]
  })
} finally {
  await browser.close()
  await stopBrowserMode(child)
  rmSync(userData, { recursive: true, force: true })
}
