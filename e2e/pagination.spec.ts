// Paging through a list, driven as a person would: fetch all pages with progress, export CSV, and
// cancel a long run.
import { readFile } from 'node:fs/promises'
import { test, expect } from './support/desk'
import { openExplorer, pickFromCatalog, responseLine, responseStatus } from './fixtures/ui'

test('fetch all pages with progress and export CSV', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await pickFromCatalog(page, 'List all contacts')
  await page.keyboard.press('Control+Enter')
  await expect(responseStatus(page)).toContainText('200')
  // The list is long: fold it so total_count is on screen (only visible lines are rendered).
  await page.getByRole('button', { name: 'Collapse all' }).click()
  const totalLine = responseLine(page, /"total_count": \d+/)
  const total = Number(/"total_count": (\d+)/.exec((await totalLine.textContent()) ?? '')?.[1])
  expect(total).toBeGreaterThan(0)

  const pagination = page.getByRole('region', { name: 'Pagination' })
  await pagination.getByRole('button', { name: 'Fetch all pages' }).click()
  await expect(pagination.getByText(new RegExp(`^Complete: ${total.toLocaleString('en-US')} items from \\d+ pages?$`))).toBeVisible({
    timeout: 30_000
  })

  const downloading = page.waitForEvent('download')
  await pagination.getByRole('button', { name: 'CSV' }).click()
  const csv = await readFile((await (await downloading).path())!, 'utf8')
  const rows = csv.trim().split(/\r?\n/)
  expect(rows[0]).toContain('email')
  expect(rows.length).toBeGreaterThanOrEqual(total + 1)
})

test.describe('on a slow sandbox', () => {
  // 100 ms per answer makes a one-contact-per-page run last long enough to cancel, whatever the machine.
  test.use({ deskArgs: ['--sandbox-options', JSON.stringify({ faults: { latencyMs: 100 } })] })

  test('cancel a long "fetch all pages" run', async ({ page, desk }) => {
    await desk.open(page)
    await openExplorer(page)
    await pickFromCatalog(page, 'List all contacts')
    const pagination = page.getByRole('region', { name: 'Pagination' })
    await page.getByRole('tab', { name: /Params/ }).click()
    await page.getByRole('button', { name: 'Add query parameter' }).click()
    await page.getByLabel('Query parameter 2 name').fill('per_page')
    await page.getByLabel('Query parameter per_page value').fill('1')
    await expect(page.getByRole('checkbox', { name: 'Send query parameter per_page' })).toBeChecked()
    await pagination.getByRole('button', { name: 'Fetch all pages' }).click()
    const bar = pagination.getByRole('progressbar', { name: 'Fetching pages' })
    await expect(bar).toBeVisible()
    await expect(pagination.getByText(/^[2-9]\d* pages, /)).toBeVisible()
    await pagination.getByRole('button', { name: 'Cancel fetching' }).click()
    await expect(pagination.getByText(/^Stopped \(.+\): \d+ items from \d+ pages?$/)).toBeVisible()
    await expect(bar).toBeHidden()
  })
})
