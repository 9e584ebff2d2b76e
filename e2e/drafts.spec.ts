// The composer as people coming from Postman, Insomnia or Bruno use it: request tabs with their
// own answers and workspaces, drafts that survive a reload, history opened with its own answer,
// the "As sent" view, collapsible panels, a resizable split and the keyboard paths.
import { test, expect } from './support/desk'
import { openExplorer, readClipboard, send, setRequest, switchWorkspace, savedTree } from './fixtures/ui'
import type { Page } from '@playwright/test'

const tabList = (page: Page) => page.getByRole('tablist', { name: 'Open requests' })
const requestTabs = (page: Page) => tabList(page).getByRole('tab')
const activeTab = (page: Page) => tabList(page).getByRole('tab', { selected: true })
const path = (page: Page) => page.getByRole('textbox', { name: 'Path' })
const status = (page: Page) => page.getByRole('status', { name: 'Response status' })
const body = (page: Page) => page.getByRole('tree', { name: 'Response body' })

async function saveAs(page: Page, name: string) {
  await path(page).press('Control+s')
  const dialog = page.getByRole('dialog', { name: 'Save request' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
}

test('tabs: new, own answer and workspace, reorder by keyboard and drag, close', async ({ page, desk }) => {
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox US')
  await openExplorer(page)
  await expect(requestTabs(page)).toHaveCount(1)

  // Tab 1: GET /me as Sandbox US.
  await setRequest(page, 'GET', '/me')
  await send(page)
  await expect(body(page)).toContainText('Sandbox US')
  await expect(activeTab(page)).toContainText('Sandbox US')

  // Tab 2 (Alt+T in browser mode; the palette shows the key): GET /contacts as Sandbox EU.
  await page.keyboard.press('Alt+t')
  await expect(requestTabs(page)).toHaveCount(2)
  await switchWorkspace(page, 'Sandbox EU')
  await setRequest(page, 'GET', '/contacts')
  await expect(status(page)).toHaveCount(0)
  await send(page)
  await expect(body(page)).toContainText('"type": "list"')
  await expect(activeTab(page)).toContainText('Sandbox EU')

  // Back to tab 1: its own answer and its own workspace come back with it.
  await requestTabs(page).first().click()
  await expect(path(page)).toHaveValue('/me')
  await expect(body(page)).toContainText('Sandbox US')
  await expect(page.getByRole('navigation', { name: 'Workspaces' }).locator('[aria-current="true"]')).toContainText('Sandbox US')

  // Reorder by keyboard: tab 1 moves right.
  await activeTab(page).focus()
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect(requestTabs(page).nth(1)).toContainText('/me')
  await expect(requestTabs(page).nth(0)).toContainText('/contacts')
  // And back by drag and drop.
  await tabList(page).locator('.request-tab').nth(1).dragTo(tabList(page).locator('.request-tab').nth(0))
  await expect(requestTabs(page).nth(0)).toContainText('/me')

  // Close the active tab with Alt+W: the other one remains, with its answer.
  await page.keyboard.press('Alt+w')
  await expect(requestTabs(page)).toHaveCount(1)
  await expect(path(page)).toHaveValue('/contacts')
  await expect(body(page)).toContainText('"type": "list"')

  // The palette lists the tab keys for this mode.
  await page.keyboard.press('Control+K')
  await page.getByRole('textbox', { name: 'Type a command' }).fill('request tab')
  await expect(page.getByRole('option', { name: /New request tab/ })).toContainText('Alt+T')
  await page.keyboard.press('Escape')
})

test('a saved request tab: unsaved marker, ask before closing, Ctrl+S saves into it', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')
  await saveAs(page, 'All contacts')
  await expect(activeTab(page)).toContainText('All contacts')
  await expect(activeTab(page).getByLabel('unsaved changes')).toHaveCount(0)

  // An edit marks the tab.
  await page.getByRole('tab', { name: /^Params/ }).click()
  await page.getByRole('button', { name: /Add query parameter/i }).click()
  await page.getByRole('textbox', { name: /Query parameter 1 name/i }).fill('per_page')
  await page.getByRole('textbox', { name: 'Query parameter per_page value' }).fill('5')
  await expect(activeTab(page).getByLabel('unsaved changes')).toBeVisible()

  // Closing asks; keep editing keeps the tab.
  await tabList(page).getByRole('button', { name: 'Close All contacts' }).click()
  const ask = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(ask).toContainText('All contacts')
  await ask.getByRole('button', { name: 'Keep editing' }).click()
  await expect(requestTabs(page)).toHaveCount(1)

  // Ctrl+S saves into the saved request, without a dialog; the marker goes.
  await path(page).press('Control+s')
  await expect(page.getByRole('dialog', { name: 'Save request' })).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Saved “All contacts”.' }).last()).toBeVisible()
  await expect(activeTab(page).getByLabel('unsaved changes')).toHaveCount(0)

  // The stored request has the edit: open it from a fresh tab.
  await page.keyboard.press('Alt+t')
  await page.keyboard.press('Alt+w')
  await savedTree(page).getByRole('button', { name: 'All contacts', exact: true }).click()
  await expect(page.getByRole('tab', { name: /^Params \(1\)/ })).toBeVisible()

  // Closing a dirty tab and confirming drops it.
  await path(page).fill('/contacts/search')
  await tabList(page).getByRole('button', { name: 'Close All contacts' }).click()
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Close without saving' }).click()
  await expect(tabList(page)).not.toContainText('All contacts')
})

test('three dirty tabs come back as they were after a reload', async ({ page, desk }) => {
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')
  await saveAs(page, 'Contacts list')
  await path(page).fill('/contacts?per_page=3')

  await page.keyboard.press('Alt+t')
  await switchWorkspace(page, 'Sandbox EU')
  await setRequest(page, 'DELETE', '/tags/123')

  await page.keyboard.press('Alt+t')
  await setRequest(page, 'POST', '/contacts/search')
  await page.getByRole('tab', { name: 'Body', exact: true }).click()
  await page.getByRole('button', { name: 'Add a JSON body' }).click()
  const editor = page.getByRole('textbox', { name: 'Request body (JSON)' })
  await editor.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.insertText('{"query":{"field":"role","operator":"=","value":"lead"}}')
  // A token typed into a header is never stored with the draft.
  await page.getByRole('tab', { name: /^Headers/ }).click()
  await page.getByRole('button', { name: /Add header/i }).click()
  await page.getByRole('textbox', { name: /Header 1 name/i }).fill('Authorization')
  await page.getByRole('textbox', { name: 'Header Authorization value' }).fill('Bearer dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w')
  await expect(requestTabs(page)).toHaveCount(3)
  await page.waitForTimeout(800) // the drafts are stored a moment after the last edit

  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await openExplorer(page)
  await expect(requestTabs(page)).toHaveCount(3)
  await expect(requestTabs(page).nth(0)).toContainText('Contacts list')
  await expect(requestTabs(page).nth(0).getByLabel('unsaved changes')).toBeVisible()
  await expect(requestTabs(page).nth(0)).toContainText('Sandbox US')
  await expect(requestTabs(page).nth(1)).toContainText('/tags/123')
  await expect(requestTabs(page).nth(1)).toContainText('Sandbox EU')
  await expect(requestTabs(page).nth(2)).toContainText('/contacts/search')

  // The last active tab is active again, with its body; the typed token was not kept.
  await expect(path(page)).toHaveValue('/contacts/search')
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST')
  await page.getByRole('tab', { name: 'Body', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Request body (JSON)' })).toContainText('"value":"lead"')
  await expect(page.getByRole('tab', { name: /^Headers/ })).toHaveText('Headers')

  await requestTabs(page).nth(0).click()
  await expect(path(page)).toHaveValue('/contacts?per_page=3')
  await requestTabs(page).nth(1).click()
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('DELETE')
  await expect(page.getByRole('navigation', { name: 'Workspaces' }).locator('[aria-current="true"]')).toContainText('Sandbox EU')
})

test('an edit made just before another view is shown is there on return and after a reload', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await path(page).fill('/admins')
  // Straight to another view and back, before the draft's pause-to-store has passed.
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await expect(page.getByRole('heading', { name: /^Scopes of / })).toBeVisible()
  await openExplorer(page)
  await expect(path(page)).toHaveValue('/admins')

  await page.waitForTimeout(800) // the drafts are stored a moment after the last edit
  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await openExplorer(page)
  await expect(path(page)).toHaveValue('/admins')
})

test('history opens in a tab with its own answer; a new target drops the old answer', async ({ page, desk }) => {
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await send(page)
  await setRequest(page, 'GET', '/admins/nope')
  // Editing the path drops the answer to the previous request.
  await expect(status(page)).toHaveCount(0)
  await send(page)
  await expect(status(page)).toContainText('404')
  await page.getByRole('combobox', { name: 'Method' }).selectOption('DELETE')
  await expect(status(page)).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Intercom errors' })).toHaveCount(0)

  await page.getByRole('tab', { name: 'History' }).click()
  const table = page.getByRole('table', { name: 'Request history' })
  await table.getByRole('button', { name: 'GET /me', exact: true }).click()
  await expect(requestTabs(page)).toHaveCount(2)
  await expect(path(page)).toHaveValue('/me')
  await expect(page.getByRole('note', { name: 'Stored response' })).toContainText('From the history')
  await expect(status(page)).toContainText('200')
  await expect(body(page)).toContainText('Sandbox US')

  await table.getByRole('button', { name: 'GET /admins/nope', exact: true }).click()
  await expect(requestTabs(page)).toHaveCount(3)
  await expect(status(page)).toContainText('404')
  await expect(body(page)).not.toContainText('Sandbox US')
})

test('"As sent": request line and headers as sent, Reveal through main, Copy as curl', async ({ page, desk, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts?per_page=2')
  await send(page)
  await page.getByRole('button', { name: 'As sent' }).click()
  const asSent = page.getByRole('region', { name: 'As sent' })
  const sent = asSent.getByLabel('Request line and headers')
  await expect(sent).toContainText(/^GET http:\/\/127\.0\.0\.1:\d+\/contacts\?per_page=2/)
  await expect(sent).toContainText('Intercom-Version:')
  const masked = (await sent.textContent())!.match(/Authorization: Bearer (\S+)/)![1]!
  expect(masked).toContain('…')
  await expect(asSent.getByLabel('Response headers')).toContainText(/content-type: application\/json/i)
  await expect(asSent).toContainText('TTFB')

  await asSent.getByRole('button', { name: 'Reveal Authorization' }).click()
  await expect(sent).not.toContainText('…')
  const real = (await sent.textContent())!.match(/Authorization: Bearer (\S+)/)![1]!
  expect(real.length).toBeGreaterThan(masked.length - 2)
  await asSent.getByRole('button', { name: 'Hide Authorization' }).click()
  await expect(sent).toContainText('…')

  await asSent.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(asSent.getByRole('status')).toContainText('Copied as curl')
  const curl = await readClipboard(page)
  expect(curl).toMatch(/curl .*'http:\/\/127\.0\.0\.1:\d+\/contacts\?per_page=2'/s)
  expect(curl).toContain('$INTERCOM_TOKEN')
  expect(curl).toContain('Intercom-Version:')
  expect(curl).not.toContain(real)
})

test('layout at 1024×640: hide the side panels with Ctrl+B or the button, resize the split', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await desk.open(page)
  await openExplorer(page)
  const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
  const library = page.getByRole('region', { name: 'Library' })
  await expect(sidebar).toBeVisible()
  await expect(library).toBeVisible()
  // Names are not cut down to a letter.
  const name = sidebar.locator('.workspace-name').first()
  expect((await name.boundingBox())!.width).toBeGreaterThan(50)
  // At 1024 px the sandbox names are shown whole (the badges wrap below them).
  expect(await sidebar.locator('.workspace-name').evaluateAll((names) => names.filter((n) => n.scrollWidth > n.clientWidth).length)).toBe(0)
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeInViewport()

  await path(page).press('Control+b')
  await expect(sidebar).toHaveCount(0)
  await expect(library).toHaveCount(0)
  await page.getByRole('button', { name: 'Show panels' }).click()
  await expect(sidebar).toBeVisible()
  await expect(library).toBeVisible()
  await page.getByRole('button', { name: 'Hide panels' }).click()
  await expect(sidebar).toHaveCount(0)

  await send(page)
  const handle = page.getByRole('separator', { name: 'Resize request and response' })
  await expect(handle).toHaveAttribute('aria-valuenow', '50')
  const before = (await page.getByRole('region', { name: 'Response' }).boundingBox())!.y
  await handle.focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(handle).toHaveAttribute('aria-valuenow', '40')
  expect((await page.getByRole('region', { name: 'Response' }).boundingBox())!.y).toBeLessThan(before)
  // Dragging works too.
  const box = (await handle.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 4 })
  await page.mouse.up()
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThan(40)

  // The layout is a preference: it survives a reload.
  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Workspaces' })).toHaveCount(0)
})

test('keyboard: path within five Tab stops, focus back to the path, palette finds saved requests and history', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await page.locator('body').focus()
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur(): void } } }).document.activeElement.blur())
  let reached = 0
  for (let i = 1; i <= 5 && !reached; i++) {
    await page.keyboard.press('Tab')
    if (await path(page).evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)) reached = i
  }
  expect(reached).toBeGreaterThan(0)

  // After the catalog closes, the caret is in the path.
  await page.keyboard.press('Control+P')
  await page.getByLabel('Search endpoints').fill('List all contacts')
  await page.keyboard.press('Enter')
  await expect(path(page)).toBeFocused()
  await expect(path(page)).toHaveValue('/contacts')
  // And after the palette closes (Escape).
  await page.keyboard.press('Control+K')
  await expect(page.getByRole('textbox', { name: 'Type a command' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(path(page)).toBeFocused()

  // The palette searches saved requests and history as well as commands.
  await saveAs(page, 'Every contact')
  await page.keyboard.press('Alt+t')
  await setRequest(page, 'GET', '/admins')
  await send(page)
  await page.keyboard.press('Alt+w')
  await page.keyboard.press('Control+K')
  const input = page.getByRole('textbox', { name: 'Type a command' })
  await input.fill('every contact')
  await page.getByRole('option', { name: /Saved request: Every contact/ }).click()
  await expect(activeTab(page)).toContainText('Every contact')
  await expect(path(page)).toHaveValue('/contacts')

  await page.keyboard.press('Control+K')
  await input.fill('admins')
  await page.getByRole('option', { name: /History: GET \/admins/ }).click()
  await expect(path(page)).toHaveValue('/admins')
  await expect(page.getByRole('note', { name: 'Stored response' })).toBeVisible()
  await expect(status(page)).toContainText('200')
})

test('a 6 MB body is shown read-only with its size, sent whole, and not copied into the history', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'POST', '/contacts/search')
  await page.getByRole('tab', { name: 'Body', exact: true }).click()
  await page.getByRole('button', { name: 'Add a JSON body' }).click()
  const editor = page.getByRole('textbox', { name: 'Request body (JSON)' })
  await editor.click()
  await page.keyboard.press('Control+a')
  // A person pastes 6 MB of JSON.
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { setData(t: string, v: string): void }
      ClipboardEvent: new (type: string, init: object) => unknown
      document: { activeElement: { dispatchEvent(e: unknown): void } }
    }
    const item = JSON.stringify({ field: 'email', operator: '=', value: 'person@example.org' })
    const text = `{"query":{"operator":"OR","value":[${new Array(Math.ceil((6 * 1024 * 1024) / item.length)).fill(item).join(',')}]}}`
    const data = new g.DataTransfer()
    data.setData('text/plain', text)
    g.document.activeElement.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(page.getByRole('note', { name: 'Large body' })).toContainText(/Large body \(6\.\d MB\).*read-only/)
  await expect(editor).toHaveAttribute('aria-readonly', 'true')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Response status' })).toBeVisible({ timeout: 30_000 })

  await page.getByRole('tab', { name: 'History' }).click()
  await page.getByRole('table', { name: 'Request history' }).getByRole('button', { name: 'POST /contacts/search', exact: true }).click()
  await expect(page.getByRole('note', { name: 'Stored response' })).toContainText(/request body \(6\.\d MB\) was too large to keep/)
})
