// Adding a workspace with what people really paste, and the words they get back: a "Bearer " prefix,
// an app_id:api_key pair, the embedded sandbox's own tokens (recognised and offered), a workspace that
// is already there (its credential can be replaced, by token or by signing in), a retired key's 401
// and its migration, and a full URL on a sandbox workspace's official host.
import type { Page } from '@playwright/test'
import { test, expect } from './support/desk'
import { startSandbox } from '../src/main/sandbox/index'
import { openExplorer, send, setRequest, switchWorkspace } from './fixtures/ui'

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' })
const settings = (page: Page) => page.getByRole('region', { name: 'Workspace settings' })

/** The embedded sandbox is seeded, so its tokens are the same in every run (as `npm run sandbox` prints them). */
async function sandboxTokens() {
  const sandbox = await startSandbox({ contacts: 1 })
  await sandbox.close()
  return Object.fromEntries(sandbox.workspaces.map((w) => [w.key, { ...w.tokens, legacy: w.legacyKey }]))
}

async function openAdd(page: Page) {
  await sidebar(page).getByRole('button', { name: '+ Add workspace' }).click()
  return page.getByRole('dialog', { name: 'Add workspace' })
}

test('a pasted "Bearer <token>" of the sandbox, unticked, is recognised; "already added" offers a verified replacement', async ({
  page,
  desk
}) => {
  const tokens = await sandboxTokens()
  await desk.open(page)
  const dialog = await openAdd(page)
  await dialog.getByLabel('Access Token').fill(`Bearer ${tokens['us']!.standard}`)
  await expect(dialog.getByRole('status')).toContainText('The word “Bearer” was removed')
  await expect(dialog.getByLabel('Embedded sandbox token')).not.toBeChecked()
  await dialog.getByRole('button', { name: 'Verify and add' }).click()
  await expect(dialog.getByRole('alert')).toContainText('already added')
  await expect(dialog.getByRole('alert')).not.toContainText(/ENOTFOUND|api\.intercom\.io|workspaces\./)
  await dialog.getByRole('button', { name: "Replace this workspace's credential" }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'was replaced' })).toContainText('Sandbox US')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The standard token now in Sandbox US lacks read_admins.
  await switchWorkspace(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/admins')
  await send(page)
  await expect(page.getByRole('status', { name: 'Response status' })).toContainText('403')
})

test('Rotate takes a pasted "Bearer <token>" too, and says what it dropped', async ({ page, desk }) => {
  const tokens = await sandboxTokens()
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox EU')
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Workspace settings' }).click()
  const rotate = settings(page).getByRole('form', { name: 'Rotate token' })
  await rotate.getByLabel(/Rotate token/).fill(`Bearer ${tokens['eu']!.extended}`)
  await expect(rotate).toContainText('The word “Bearer” was removed')
  await rotate.getByRole('button', { name: 'Verify and rotate' }).click()
  await expect(settings(page).getByRole('status')).toContainText('Token rotated')
  await expect(settings(page).getByRole('alert')).toHaveCount(0)

  // The extended token now in Sandbox EU may list admins.
  await openExplorer(page)
  await setRequest(page, 'GET', '/admins')
  await send(page)
  await expect(page.getByRole('status', { name: 'Response status' })).toContainText('200')
})

test('an app_id:api_key pair in the token box points to the legacy tab, filled in', async ({ page, desk }) => {
  const { legacy } = (await sandboxTokens())['us']!
  await desk.open(page)
  const dialog = await openAdd(page)
  await dialog.getByLabel('Access Token').fill(`${legacy.appId}:${legacy.apiKey}`)
  await expect(dialog.getByText(/looks like an app_id:api_key pair/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Verify and add' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Open the Legacy API key tab' }).click()
  await expect(dialog.getByRole('tab', { name: 'Legacy API key' })).toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByLabel('App ID')).toHaveValue(legacy.appId)
  await expect(dialog.getByLabel('API key')).toHaveValue(legacy.apiKey)
})

test('the Add dialog says where sandbox tokens come from and adds one without showing it', async ({ page, desk }) => {
  const tokens = await sandboxTokens()
  await desk.open(page)
  const dialog = await openAdd(page)
  const offer = dialog.getByRole('group', { name: 'Sandbox tokens' })
  await expect(offer).toContainText('npm run sandbox')
  await offer.getByLabel('Sandbox workspace').selectOption('eu')
  await offer.getByLabel('Permissions').selectOption('extended')
  await offer.getByRole('button', { name: 'Add sandbox token' }).click()
  await expect(offer.getByRole('alert')).toContainText('already added')
  await offer.getByRole('button', { name: "Replace this workspace's credential" }).click()
  await expect(offer.getByRole('status')).toContainText('Sandbox EU')
  await expect(dialog).not.toContainText(tokens['eu']!.extended)
})

test('a full URL on a sandbox workspace’s official host goes to the sandbox', async ({ page, desk }) => {
  await desk.open(page)
  await switchWorkspace(page, 'Sandbox EU')
  await openExplorer(page)
  await setRequest(page, 'GET', 'https://api.eu.intercom.io/contacts')
  await send(page)
  await expect(page.getByRole('status', { name: 'Response status' })).toContainText('200')
})

test('signing in for a workspace already present offers to replace its credential, and the tab is not told "Signed in" first', async ({
  page,
  desk,
  context
}) => {
  await desk.open(page)
  const dialog = await openAdd(page)
  await dialog.getByRole('tab', { name: 'Sign in with OAuth' }).click()
  const consentPage = context.waitForEvent('page')
  await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
  const consent = await consentPage
  await consent.waitForLoadState()
  await consent.getByLabel(/EU/).check()
  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(consent.locator('body')).toContainText('already in Token Desk')
  await expect(consent.locator('body')).not.toContainText('Signed in')

  await expect(dialog.getByRole('status')).toContainText('already added')
  await dialog.getByRole('button', { name: "Replace this workspace's credential" }).click()
  await expect(dialog).toBeHidden()
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  await expect(settings(page)).toContainText('OAuth token')
})

test.describe('a retired key pair', () => {
  test.use({ deskArgs: ['--no-sandbox-workspaces'] })

  test('its 401 says Intercom retired API keys, the migration is one click away, and success reads as success', async ({ page, desk }) => {
    const { legacy, standard } = (await sandboxTokens())['us']!
    await desk.open(page)
    const dialog = await openAdd(page)
    await dialog.getByRole('tab', { name: 'Legacy API key' }).click()
    await dialog.getByLabel('Name').fill('Old integration')
    await dialog.getByLabel('App ID').fill(legacy.appId)
    await dialog.getByLabel('API key').fill(legacy.apiKey)
    await dialog.getByLabel('Embedded sandbox key').check()
    await dialog.getByRole('button', { name: 'Add retired key pair' }).click()
    await expect(dialog).toBeHidden()

    await openExplorer(page)
    await page.getByRole('radio', { name: 'Legacy app_id:api_key' }).check()
    await setRequest(page, 'GET', '/me')
    await send(page)
    const why = page.getByRole('alert', { name: 'Why this failed' })
    await expect(why).toContainText('Intercom retired API keys: migrate to an Access Token')
    await expect(why).not.toContainText('mistyped')
    await why.getByRole('button', { name: 'Migrate to an Access Token' }).click()

    const migration = page.getByRole('form', { name: 'Migrate to an Access Token' })
    await migration.getByLabel('New Access Token').fill('dG9rOndyb25nLXRva2VuLWZvci1taWdyYXRpb24=')
    await migration.getByRole('button', { name: 'Migrate' }).click()
    await expect(settings(page).getByRole('alert')).toBeVisible()
    await migration.getByLabel('New Access Token').fill(standard)
    await migration.getByRole('button', { name: 'Migrate' }).click()
    await expect(settings(page).getByRole('status')).toContainText('Migrated')
    await expect(settings(page).getByRole('alert')).toHaveCount(0)
    await expect(sidebar(page).getByRole('button', { name: /Old integration/ })).not.toContainText('retired key')

    await openExplorer(page)
    await expect(page.getByRole('radio', { name: 'Bearer' })).toBeChecked()
    await expect(page.getByRole('radio', { name: 'Bearer' })).toBeEnabled()
    await send(page)
    await expect(page.getByRole('status', { name: 'Response status' })).toContainText('200')
  })
})
