// The API explorer, driven as a person would: compose and send, pick from the catalog, read the
// response, switch auth modes, read 401/403 explanations, and page through a list.
import { readFile } from 'node:fs/promises'
import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'
import type { Page } from '@playwright/test'

async function openExplorer(page: Page) {
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await expect(page.getByRole('form', { name: 'Request' })).toBeVisible()
}

async function setPath(page: Page, method: string, path: string) {
  await page.getByLabel('Method').selectOption(method)
  await page.getByLabel('Path', { exact: true }).fill(path)
}

const status = (page: Page) => page.getByRole('status', { name: 'Response status' })
const explanation = (page: Page) => page.getByRole('alert', { name: 'Why this failed' })
const responseTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Response views' }).getByRole('tab', { name })
const line = (page: Page, text: string | RegExp) =>
  page.getByRole('tree', { name: 'Response body' }).getByRole('treeitem').filter({ hasText: text })

async function pickFromCatalog(page: Page, query: string) {
  await page.getByLabel('Path', { exact: true }).click()
  await page.keyboard.press('Control+P')
  const search = page.getByLabel('Search endpoints')
  await expect(search).toBeFocused()
  await search.fill(query)
  await page.keyboard.press('Enter')
  await expect(search).toBeHidden()
}

test('compose, send, browse and copy from a response', async ({ page, desk, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await openExplorer(page)

  // GET /me with Ctrl+Enter answers with the sandbox workspace's admin.
  await setPath(page, 'GET', '/me')
  await page.keyboard.press('Control+Enter')
  await expect(status(page)).toContainText('200')
  const tree = page.getByRole('tree', { name: 'Response body' })
  await expect(tree).toContainText('"type": "admin"')
  await expect(tree).toContainText('"email"')
  await expect(page.getByText('Identify an admin')).toBeVisible()

  // The catalog fills the composer with "List all contacts".
  await pickFromCatalog(page, 'List all contacts')
  await expect(page.getByLabel('Path', { exact: true })).toHaveValue('/contacts')
  await expect(page.getByRole('region', { name: 'Pagination' })).toBeVisible()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(status(page)).toContainText('200')
  await expect(tree).toContainText('"type": "list"')
  await expect(tree).toContainText('"data": [')

  // Collapse all, then open "data" by hand, then expand everything again.
  await page.getByRole('button', { name: 'Collapse all' }).click()
  await expect(line(page, '"data": […]')).toBeVisible()
  await expect(tree).not.toContainText('"email"')
  await page.getByRole('button', { name: 'Expand data' }).click()
  await expect(page.getByRole('button', { name: 'Collapse data' })).toBeVisible()
  await page.getByRole('button', { name: 'Expand all' }).click()
  await expect(tree).toContainText('"email"')

  // Search finds every email key; next/previous move the current match.
  await page.getByRole('button', { name: 'Collapse all' }).click()
  await page.getByLabel('Search the response').fill('email')
  const count = page.locator('.search-count')
  await expect(count).toHaveText(/^1 of \d+$/)
  const current = page.locator('.line.current')
  await expect(current).toContainText('"email"')
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(count).toHaveText(/^2 of \d+$/)
  await page.getByRole('button', { name: 'Previous match' }).click()
  await expect(count).toHaveText(/^1 of \d+$/)

  // Select the current match and copy its JSON path.
  await current.click()
  await expect(page.getByLabel('Selected JSON path')).toHaveText(/^\$\.data\[0\]\.email$/)
  await page.getByRole('button', { name: 'Copy JSON path' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('$.data[0].email')
  await page.getByRole('button', { name: 'Copy value' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/@/)

  // Raw and Headers views.
  await responseTab(page, 'Raw').click()
  await expect(page.getByRole('document', { name: 'Raw response body' })).toContainText('"type":"list"')
  await responseTab(page, 'Headers').click()
  await expect(page.getByRole('table', { name: /Request headers/ })).toContainText('Intercom-Version')
  await responseTab(page, 'Pretty').click()
  await page.screenshot({ path: screenshotPath('explorer.png') })

  // Save the body: a JSON file named after the operation.
  const saving = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save body…' }).click()
  const saved = await saving
  expect(saved.suggestedFilename()).toMatch(/^ListContacts-200-.*\.json$/)
  expect(JSON.parse(await readFile((await saved.path())!, 'utf8'))).toMatchObject({ type: 'list' })
})

test('auth modes, a 401 and a 403 with their explanations', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setPath(page, 'GET', '/me')

  const preview = page.getByTestId('auth-preview')
  await expect(preview).toHaveText(/^Authorization: Bearer \S+…\S+$/)
  await page.getByRole('radio', { name: 'Basic' }).check()
  await expect(preview).toHaveText(/^Authorization: Basic base64\(\S+…\S+:\)$/)
  await expect(page.getByRole('radio', { name: 'Legacy app_id:api_key' })).toBeDisabled()
  await page.keyboard.press('Control+Enter')
  await expect(status(page)).toContainText('200')
  await responseTab(page, 'Headers').click()
  await expect(page.getByRole('table', { name: /Request headers/ })).toContainText('Basic ')

  await page.getByRole('radio', { name: 'None' }).check()
  await expect(preview).toHaveText('No Authorization header is sent.')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(status(page)).toContainText('401')
  await expect(explanation(page)).toContainText(/token is invalid|invalid or missing token/i)

  // Sandbox EU has a standard-scope token: listing admins needs the extended read_admins.
  await page.getByRole('radio', { name: 'Bearer' }).check()
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await expect(page.getByText(/Sending as\s*Sandbox EU/)).toBeVisible()
  await setPath(page, 'GET', '/admins')
  await page.keyboard.press('Control+Enter')
  await expect(status(page)).toContainText('403')
  await expect(explanation(page)).toContainText('read_admins')
  await expect(explanation(page)).toContainText(/Developer Hub/)
})

test('fetch all pages with progress and export CSV', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await pickFromCatalog(page, 'List all contacts')
  await page.keyboard.press('Control+Enter')
  await expect(status(page)).toContainText('200')
  // The list is long: fold it so total_count is on screen (only visible lines are rendered).
  await page.getByRole('button', { name: 'Collapse all' }).click()
  const totalLine = line(page, /"total_count": \d+/)
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

test('a query typed into the path fills Params, and Params edits show in the path', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  const path = page.getByLabel('Path', { exact: true })
  await setPath(page, 'GET', '/contacts?per_page=2&name=a+b')
  await page.getByRole('tab', { name: /^Params/ }).click()
  await expect(page.getByLabel('Query parameter per_page value')).toHaveValue('2')
  await expect(page.getByLabel('Query parameter name value')).toHaveValue('a b')
  // Leaving the field shows the path exactly as it will be sent.
  await path.blur()
  await expect(path).toHaveValue('/contacts?per_page=2&name=a%20b')
  await page.getByLabel('Query parameter per_page value').fill('5')
  await expect(path).toHaveValue('/contacts?per_page=5&name=a%20b')
  await page.getByRole('checkbox', { name: 'Send query parameter name' }).uncheck()
  await expect(path).toHaveValue('/contacts?per_page=5')
  await page.keyboard.press('Control+Enter')
  await expect(status(page)).toContainText('200')
})
