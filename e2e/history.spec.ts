// Request history, driven as a person would: restore an entry, view a body, search, clear.
import { test, expect } from './support/desk'
import { openExplorer, send, setRequest } from './fixtures/ui'

test('history: restore an entry, view a body, clear', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await send(page)
  await setRequest(page, 'GET', '/contacts')
  await send(page)

  await page.getByRole('tab', { name: 'History' }).click()
  const table = page.getByRole('table', { name: 'Request history' })
  // Newest first.
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table.getByRole('row').nth(1)).toContainText('/contacts')
  await expect(table.getByRole('row').nth(2)).toContainText('/me')
  await expect(table.getByRole('row').nth(2)).toContainText('200')

  await table.getByRole('button', { name: 'GET /me', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/me')

  await table.getByRole('button', { name: /View body of GET \/me/ }).click()
  const bodyDialog = page.getByRole('dialog', { name: 'Response body' })
  await expect(bodyDialog).toContainText('"app"')
  await bodyDialog.getByRole('button', { name: 'Close' }).click()

  await page.getByRole('searchbox', { name: 'Search history' }).fill('contacts')
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByRole('searchbox', { name: 'Search history' }).fill('')

  await page.getByRole('button', { name: 'Clear', exact: true }).click()
  await page.getByRole('alertdialog', { name: 'Clear history' }).getByRole('button', { name: 'Clear history' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Cleared 2 history entries.' })).toBeVisible()
  await expect(page.getByText('Nothing sent from this workspace yet.')).toBeVisible()
})

test('at 1024×640 each history entry shows its status, time, size and date whole, without sideways scrolling', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts?per_page=50&starting_after=WzE3MDAwMDAwMDAwMDAsMTIzNDVd')
  await send(page)
  await page.getByRole('tab', { name: 'History' }).click()
  const table = page.getByRole('table', { name: 'Request history' })
  await expect(table.getByRole('row')).toHaveCount(2)
  // Status, time, size and when are short values: each is shown whole, inside the pane, with no
  // sideways scrolling needed to read it.
  const cut = await table.evaluate((t) => {
    const pane = t.closest('.history-scroll')!.getBoundingClientRect()
    return [...t.querySelectorAll('td')]
      .filter((cell) => cell.cellIndex > 0 && cell.textContent)
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.getBoundingClientRect().right > pane.right + 1)
      .map((cell) => cell.textContent)
  })
  expect(cut).toEqual([])
  const row = table.getByRole('row').nth(1)
  for (const text of ['200', 'ms', 'B']) await expect(row).toContainText(text)
  // The headings are still there for a screen reader.
  await expect(table.getByRole('columnheader', { name: 'Status' })).toHaveCount(1)
})
