// A token found in a request being saved, or in a pasted curl command, goes into the vault as a new
// verified workspace instead of into the request.
import type { Page } from '@playwright/test'
import { test, expect } from './support/desk'
import { openExplorer, revealToken, runCommand, setRequest } from './fixtures/ui'

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' })

async function deleteEu(page: Page) {
  await sidebar(page)
    .getByRole('button', { name: /Sandbox EU/ })
    .click()
  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  await page.getByRole('button', { name: 'Delete workspace…' }).click()
  await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toHaveCount(0)
}

test('saving a request with a typed token moves the token into the vault as a workspace', async ({ page, desk }) => {
  await desk.open(page)
  const euToken = await revealToken(page, 'Sandbox EU')
  await deleteEu(page)
  await sidebar(page)
    .getByRole('button', { name: /Sandbox US/ })
    .click()

  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await page.getByRole('tab', { name: /^Headers/ }).click()
  await page.getByRole('button', { name: 'Add header' }).click()
  await page.getByLabel('Header 1 name').fill('Authorization')
  await page.getByLabel('Header Authorization value').fill(`Bearer ${euToken}`)
  await page.keyboard.press('Control+s')
  const dialog = page.getByRole('dialog', { name: 'Save request' })
  await dialog.getByLabel('Name').fill('Who am I')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await dialog.getByRole('group', { name: 'Secret found' }).getByRole('button', { name: 'Move the token into the vault' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The token is now in the vault as a new workspace.' })).toBeVisible()
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toBeVisible()
  await expect(page.getByLabel('Header Authorization value')).toHaveCount(0)
})

test('a pasted curl command aimed at the sandbox offers its token to the vault', async ({ page, desk }) => {
  await desk.open(page)
  const euToken = await revealToken(page, 'Sandbox EU')
  await deleteEu(page)

  await runCommand(page, 'Import curl command')
  const dialog = page.getByRole('dialog', { name: 'Import curl command' })
  await dialog
    .getByLabel('curl command')
    .fill(`curl ${desk.sandboxUrl}/contacts?per_page=5 \\\n  -H 'Authorization: Bearer ${euToken}' \\\n  -H 'Intercom-Version: 2.16'`)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const found = dialog.getByRole('group', { name: 'Credential found' })
  await expect(found).toContainText(`${euToken.slice(0, 4)}…${euToken.slice(-4)}`)
  await expect(found).not.toContainText(euToken)
  await found.getByLabel('Region').selectOption('EU')
  await found.getByRole('button', { name: 'Add it to the vault as a new workspace' }).click()
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toBeVisible()
})
