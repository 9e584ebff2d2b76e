import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'
import { openExplorer, savedTree, send, setRequest, switchWorkspace } from './fixtures/ui'
import type { Page } from '@playwright/test'

const saveDialog = (page: Page) => page.getByRole('dialog', { name: 'Save request' })
const requestNames = (page: Page) => savedTree(page).locator('.tree-open').allTextContents()

async function itemAction(page: Page, name: string, action: string) {
  await page
    .getByRole('button', { name: `Actions for ${name}`, exact: true })
    .first()
    .click()
  await page
    .getByRole('dialog', { name: `Saved request ${name}` })
    .getByRole('button', { name: action })
    .click()
}

test('save, organise, search and undo a delete', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')

  await page.getByRole('textbox', { name: 'Path' }).press('Control+s')
  const dialog = saveDialog(page)
  // Named after the catalog operation until the user says otherwise.
  await expect(dialog.getByLabel('Name')).toHaveValue('List all contacts')
  await dialog.getByLabel('Name').fill('List contacts')
  await dialog.getByLabel('Folder').fill('Contacts')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved “List contacts”.' })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: 'Contacts', exact: true })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: 'List contacts', exact: true })).toBeVisible()

  // Rename.
  await itemAction(page, 'List contacts', 'Rename…')
  await page.getByLabel('New name').fill('All contacts')
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(savedTree(page).getByRole('button', { name: 'All contacts', exact: true })).toBeVisible()

  // Duplicate, then reorder the copy above the original.
  await itemAction(page, 'All contacts', 'Duplicate')
  await expect.poll(() => requestNames(page)).toEqual(['All contacts', 'All contacts copy'])
  await itemAction(page, 'All contacts copy', 'Move up')
  await expect.poll(() => requestNames(page)).toEqual(['All contacts copy', 'All contacts'])
  await page.getByRole('dialog', { name: 'Saved request All contacts copy' }).getByRole('button', { name: 'Close' }).click()

  // Move the original to the shared scope, into a new folder.
  await itemAction(page, 'All contacts', 'Move…')
  const move = page.getByRole('dialog', { name: 'Saved request All contacts' })
  await move.getByLabel('Shared by all workspaces').check()
  await move.getByLabel('Folder').fill('Team')
  await move.getByRole('button', { name: 'Move', exact: true }).click()
  await expect(savedTree(page).getByRole('button', { name: 'Shared by all workspaces (1)' })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: 'Team', exact: true })).toBeVisible()

  // Delete, then undo.
  await itemAction(page, 'All contacts copy', 'Delete')
  await expect(savedTree(page).getByRole('button', { name: 'All contacts copy', exact: true })).toHaveCount(0)
  await page.getByRole('status').filter({ hasText: 'Deleted “All contacts copy”.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(savedTree(page).getByRole('button', { name: 'All contacts copy', exact: true })).toBeVisible()

  // An empty folder, ready for later.
  await page.getByRole('button', { name: 'New folder' }).click()
  const newFolder = page.getByRole('dialog', { name: 'New folder' })
  await newFolder.getByLabel('Folder').fill('Archive/2024')
  await newFolder.getByRole('button', { name: 'Create folder' }).click()
  await expect(savedTree(page).getByRole('button', { name: 'Archive', exact: true })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: '2024', exact: true })).toBeVisible()

  await page.screenshot({ path: screenshotPath('library.png') })

  // Search by folder, then by path.
  const search = page.getByRole('searchbox', { name: 'Search saved requests' })
  const results = page.getByRole('list', { name: 'Search results' })
  await search.fill('Team')
  await expect(results.getByRole('button', { name: 'All contacts', exact: true })).toBeVisible()
  await expect(results.getByRole('button', { name: 'All contacts copy', exact: true })).toHaveCount(0)
  // "/" appears in no name or folder, so these are path matches.
  await search.fill('/contacts')
  await expect(results.getByRole('button', { name: 'All contacts', exact: true })).toBeVisible()
  await expect(results.getByRole('button', { name: 'All contacts copy', exact: true })).toBeVisible()
  await search.fill('')

  // Clicking a saved request shows it: in the tab it is open in, here after working in a new tab.
  await page.keyboard.press('Alt+t')
  await setRequest(page, 'GET', '/me')
  await savedTree(page).getByRole('button', { name: 'All contacts', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/contacts')
})

test('a folder is renamed with its requests, and deleted with everything in it until Undo', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  for (const [path, name, folder] of [
    ['/contacts', 'List contacts', 'Team/Contacts'],
    ['/tags', 'List tags', 'Team']
  ]) {
    await page.keyboard.press('Alt+t') // a new tab: Ctrl+S in a saved request's tab saves into it
    await setRequest(page, 'GET', path!)
    await page.getByRole('textbox', { name: 'Path' }).press('Control+s')
    await saveDialog(page).getByLabel('Name').fill(name!)
    await saveDialog(page).getByLabel('Folder').fill(folder!)
    await saveDialog(page).getByRole('button', { name: 'Save' }).click()
    await expect(saveDialog(page)).toHaveCount(0)
  }

  // Rename "Team": its request and its subfolder go with it.
  await page.getByRole('button', { name: 'Actions for folder Team', exact: true }).click()
  const folderDialog = page.getByRole('dialog', { name: 'Folder Team' })
  await expect(folderDialog).toContainText('2 requests')
  await folderDialog.getByRole('button', { name: 'Rename…' }).click()
  await folderDialog.getByLabel('New folder name').fill('Support')
  await folderDialog.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(folderDialog).toHaveCount(0)
  await expect(savedTree(page).getByRole('button', { name: 'Team', exact: true })).toHaveCount(0)
  await expect(savedTree(page).getByRole('button', { name: 'Support', exact: true })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: 'Contacts', exact: true })).toBeVisible()
  expect(await requestNames(page)).toEqual(expect.arrayContaining(['List contacts', 'List tags']))
  // Search knows the new folder.
  await page.getByRole('searchbox', { name: 'Search saved requests' }).fill('Support')
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: 'List tags', exact: true })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search saved requests' }).fill('')

  // Delete it with both requests; Undo brings all of it back.
  await page.getByRole('button', { name: 'Actions for folder Support', exact: true }).click()
  await page.getByRole('dialog', { name: 'Folder Support' }).getByRole('button', { name: 'Delete folder and 2 requests' }).click()
  await expect(savedTree(page).getByRole('button', { name: 'Support', exact: true })).toHaveCount(0)
  await expect.poll(() => requestNames(page)).toEqual([])
  await page
    .getByRole('status')
    .filter({ hasText: 'Deleted folder “Support” and 2 requests.' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(savedTree(page).getByRole('button', { name: 'Support', exact: true })).toBeVisible()
  await expect(savedTree(page).getByRole('button', { name: 'Contacts', exact: true })).toBeVisible()
  await expect.poll(async () => (await requestNames(page)).sort()).toEqual(['List contacts', 'List tags'])

  // A reload reads it all back from the folders on disk.
  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await expect.poll(async () => (await requestNames(page)).sort()).toEqual(['List contacts', 'List tags'])
  await expect(savedTree(page).getByRole('button', { name: 'Support', exact: true })).toBeVisible()
})

test('a shared request runs against whichever workspace is active', async ({ page, desk }) => {
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await page.keyboard.press('Control+s')
  const dialog = saveDialog(page)
  await dialog.getByLabel('Name').fill('Who am I')
  await dialog.getByLabel('Shared by all workspaces').check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)

  const body = page.getByRole('tree', { name: 'Response body' })
  await page.keyboard.press('Alt+t')
  await setRequest(page, 'GET', '/contacts')
  await savedTree(page).getByRole('button', { name: 'Who am I', exact: true }).click()
  await send(page)
  await expect(body).toContainText('Sandbox US')

  await switchWorkspace(page, 'Sandbox EU')
  await openExplorer(page)
  await savedTree(page).getByRole('button', { name: 'Who am I', exact: true }).click()
  await send(page)
  await expect(body).toContainText('Sandbox EU')
  await expect(body).not.toContainText('Sandbox US')
})
