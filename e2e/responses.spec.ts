// Reading a response, driven as a person would: pick from the catalog, send, browse, search and
// copy from the tree, switch views, and save the body.
import { readFile } from 'node:fs/promises'
import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'
import { openExplorer, pickFromCatalog, responseLine, responseStatus, responseTab, setRequest } from './fixtures/ui'

test('compose, send, browse and copy from a response', async ({ page, desk, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await openExplorer(page)

  // GET /me with Ctrl+Enter answers with the sandbox workspace's admin.
  await setRequest(page, 'GET', '/me')
  await page.keyboard.press('Control+Enter')
  await expect(responseStatus(page)).toContainText('200')
  const tree = page.getByRole('tree', { name: 'Response body' })
  await expect(tree).toContainText('"type": "admin"')
  await expect(tree).toContainText('"email"')
  await expect(page.getByText('Identify an admin')).toBeVisible()

  // The catalog fills the composer with "List all contacts".
  await pickFromCatalog(page, 'List all contacts')
  await expect(page.getByLabel('Path', { exact: true })).toHaveValue('/contacts')
  await expect(page.getByRole('region', { name: 'Pagination' })).toBeVisible()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(responseStatus(page)).toContainText('200')
  await expect(tree).toContainText('"type": "list"')
  await expect(tree).toContainText('"data": [')

  // Collapse all, then open "data" by hand, then expand everything again.
  await page.getByRole('button', { name: 'Collapse all' }).click()
  await expect(responseLine(page, '"data": […]')).toBeVisible()
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
