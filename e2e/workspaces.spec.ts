// Workspaces and the token vault, driven as a person would: add by token, refuse bad and duplicate
// tokens, reveal and copy, rotate, migrate a retired key pair, sign in with OAuth through the
// sandbox consent page, and delete (revoking the OAuth token).
import type { Page } from '@playwright/test'
import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' })
const settings = (page: Page) => page.getByRole('region', { name: 'Workspace settings' })

async function openSettings(page: Page, name: RegExp) {
  await sidebar(page).getByRole('button', { name }).click()
  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  await expect(settings(page)).toBeVisible()
}

async function revealToken(page: Page): Promise<string> {
  await settings(page).getByRole('button', { name: 'Reveal' }).click()
  const preview = settings(page).getByTestId('token-preview')
  await expect(preview).not.toContainText('…')
  const token = (await preview.textContent())!.trim()
  await settings(page).getByRole('button', { name: 'Hide' }).click()
  return token
}

async function deleteWorkspace(page: Page, name: RegExp, options: { revoke?: boolean } = {}) {
  await openSettings(page, name)
  await settings(page).getByRole('button', { name: 'Delete workspace…' }).click()
  const confirm = page.getByRole('group', { name: 'Confirm delete' })
  if (options.revoke !== undefined) {
    const box = confirm.getByRole('checkbox')
    if ((await box.isChecked()) !== options.revoke) await box.click()
  }
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(sidebar(page).getByRole('button', { name })).toHaveCount(0)
}

test('shows only a masked token until the user reveals it', async ({ page, desk }) => {
  await desk.open(page)
  await openSettings(page, /Sandbox US/)
  const preview = settings(page).getByTestId('token-preview')
  await expect(preview).toHaveText(/^.{4}….{4}$/)
  await expect(settings(page).getByTestId('vault-backend')).toContainText('keychain')
  const token = await revealToken(page)
  expect(token.length).toBeGreaterThan(20)
  await expect(preview).toHaveText(/^.{4}….{4}$/)
  // Nothing in the page's storage holds the token.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
  expect(stored).not.toContain(token)
})

test('copies the token through main and says the clipboard will be cleared', async ({ page, desk, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await openSettings(page, /Sandbox US/)
  const token = await revealToken(page)
  await settings(page).getByRole('button', { name: 'Copy' }).click()
  await expect(settings(page).getByRole('status')).toContainText('cleared in 60 s')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token)
})

test('adds a workspace by pasting a token, refusing a bad one and a duplicate', async ({ page, desk }) => {
  await desk.open(page)
  await openSettings(page, /Sandbox EU/)
  const euToken = await revealToken(page)
  await deleteWorkspace(page, /Sandbox EU/)

  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add workspace' })
  await dialog.getByLabel('Embedded sandbox token').check()
  await dialog.getByLabel('Access Token').fill('dG9rOm5vdC1hLXJlYWwtdG9rZW4=')
  await dialog.getByRole('button', { name: 'Verify and add' }).click()
  await expect(dialog.getByRole('alert')).toContainText(/unauthorized|invalid/i)
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1)

  await dialog.getByLabel('Access Token').fill(euToken)
  await dialog.getByLabel('Region').selectOption('EU')
  await dialog.getByRole('button', { name: 'Verify and add' }).click()
  await expect(dialog).toBeHidden()
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  // A new workspace gets a colour of its own, not one already in use.
  const colours = await sidebar(page)
    .locator('.dot')
    .evaluateAll((dots) => dots.map((d) => getComputedStyle(d).backgroundColor))
  expect(colours).toHaveLength(2)
  expect(new Set(colours).size).toBe(2)

  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  await dialog.getByLabel('Embedded sandbox token').check()
  await dialog.getByLabel('Access Token').fill(euToken)
  await dialog.getByRole('button', { name: 'Verify and add' }).click()
  await expect(dialog.getByRole('alert')).toContainText(/already/i)
  await page.screenshot({ path: screenshotPath('add-workspace.png') })
})

test('edits a workspace and rotates its token only after verifying the new one', async ({ page, desk }) => {
  await desk.open(page)
  await openSettings(page, /Sandbox US/)
  const usToken = await revealToken(page)
  await settings(page).getByLabel('Name').fill('Acme production')
  await settings(page).getByRole('button', { name: 'Save changes' }).click()
  await expect(sidebar(page).getByRole('button', { name: /Acme production/ })).toBeVisible()

  await settings(page)
    .getByRole('textbox', { name: /Rotate token/ })
    .fill('dG9rOndyb25nLXRva2VuLWZvci1yb3RhdGlvbg==')
  await settings(page).getByRole('button', { name: 'Verify and rotate' }).click()
  await expect(settings(page).getByRole('alert')).toBeVisible()
  await settings(page)
    .getByRole('textbox', { name: /Rotate token/ })
    .fill(usToken)
  await settings(page).getByRole('button', { name: 'Verify and rotate' }).click()
  await expect(settings(page).getByRole('status')).toContainText('Token rotated')
})

test('migrates a retired app_id/api_key pair to a verified Access Token', async ({ page, desk }) => {
  await desk.open(page)
  await openSettings(page, /Sandbox EU/)
  const euToken = await revealToken(page)
  const appId = (await settings(page).locator('dt:has-text("Workspace ID") + dd').textContent())!.trim()
  await deleteWorkspace(page, /Sandbox EU/)

  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add workspace' })
  await dialog.getByRole('tab', { name: 'Legacy API key' }).click()
  await dialog.getByLabel('Name').fill('Old EU integration')
  await dialog.getByLabel('App ID').fill(appId)
  await dialog.getByLabel('API key').fill('legacy-api-key-0123456789')
  await dialog.getByLabel('Embedded sandbox key').check()
  await dialog.getByLabel('Region').selectOption('EU')
  await dialog.getByRole('button', { name: 'Add retired key pair' }).click()
  await expect(dialog).toBeHidden()
  await expect(sidebar(page).getByRole('button', { name: /Old EU integration/ })).toContainText('retired key')

  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  const migration = page.getByRole('form', { name: 'Migrate to an Access Token' })
  await migration.getByLabel('New Access Token').fill(euToken)
  await migration.getByRole('button', { name: 'Migrate' }).click()
  await expect(sidebar(page).getByRole('button', { name: /Old EU integration/ })).not.toContainText('retired key')
  await expect(settings(page)).toContainText('Access Token')
})

test('signs in with OAuth through the sandbox consent page, then deletes and revokes', async ({ page, desk, context }) => {
  await desk.open(page)
  await deleteWorkspace(page, /Sandbox EU/)

  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add workspace' })
  await dialog.getByRole('tab', { name: 'Sign in with OAuth' }).click()
  await expect(dialog.getByLabel('Provider')).toHaveValue('sandbox')
  await expect(dialog.getByLabel('Client ID')).not.toHaveValue('')
  const consentPage = context.waitForEvent('page')
  await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
  await expect(dialog.getByRole('status')).toContainText('Waiting for you to approve')
  await expect(dialog).toContainText('http://127.0.0.1:')

  const consent = await consentPage
  await consent.waitForLoadState()
  await consent.getByLabel(/EU/).check()
  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(consent.locator('body')).toContainText(/return to/i)

  await expect(dialog).toBeHidden()
  const added = sidebar(page).getByRole('button', { name: /Sandbox EU/ })
  await expect(added).toHaveAttribute('aria-current', 'true')
  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  await expect(settings(page)).toContainText('OAuth token')
  const token = await revealToken(page)

  await deleteWorkspace(page, /Sandbox EU/, { revoke: true })
  // The sandbox no longer accepts the revoked token.
  const me = await page.request.get(`${desk.sandboxUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })
  expect(me.status()).toBe(401)
  expect(await me.text()).toContain('token_revoked')
})

test('a cancelled sign-in ends clearly and frees the listener', async ({ page, desk, context }) => {
  await desk.open(page)
  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add workspace' })
  await dialog.getByRole('tab', { name: 'Sign in with OAuth' }).click()
  const consentPage = context.waitForEvent('page')
  await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
  await (await consentPage).close()
  await dialog.getByRole('button', { name: 'Cancel sign-in' }).click()
  await expect(dialog.getByRole('status')).toContainText(/cancelled/i)
  // A new attempt can start at once.
  await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
  await expect(dialog.getByRole('status')).toContainText('Waiting for you to approve')
})
