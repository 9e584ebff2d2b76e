// Restarts, lost secrets and first runs as a person meets them: the sandbox workspaces still send
// after a second start, a workspace without its secret says so everywhere and can be given it again,
// the secret-store notice is said once, and the keys shown are the keys that work in a browser.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/desk'
import { startBrowserMode, stopBrowserMode } from './support/browser-mode'
import { openExplorer, send, setRequest, switchWorkspace } from './fixtures/ui'
import { KeyringVault } from '../src/main/services/vault'

/** A run without a keychain: the D-Bus address leads nowhere, so secrets stay in memory. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/token-desk-bus' }

async function openAt(page: Page, url: string) {
  await page.goto(url)
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
}

async function sendFrom(page: Page, workspace: string) {
  await switchWorkspace(page, workspace)
  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await send(page)
  await expect(page.getByRole('status', { name: 'Response status' })).toContainText('200')
}

/** Why this machine has no OS keychain to test against, or null when it has one. */
async function keychainMissing(): Promise<string | null> {
  const keyring = new KeyringVault()
  try {
    const probe = await keyring.probe()
    return probe.ok ? null : probe.reason
  } finally {
    keyring.close()
  }
}

/** Where the active workspace's secret is kept, as Workspace settings says. */
async function vaultShown(page: Page): Promise<string> {
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Workspace settings' }).click()
  return (await page.getByRole('region', { name: 'Workspace settings' }).getByTestId('vault-backend').textContent()) ?? ''
}

for (const mode of ['OS keychain', 'memory only'] as const) {
  test(`the sandbox workspaces send after a second start on the same data folder (${mode})`, async ({ page }) => {
    if (mode === 'OS keychain') {
      const missing = await keychainMissing()
      if (missing && process.env['CI'] === 'true') throw new Error(`CI=true but no Secret Service is reachable: ${missing}`)
      test.skip(missing !== null, `no OS keychain reachable (${missing}); run it under scripts/test/with-keyring.sh`)
    }
    const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-restart-'))
    const env = mode === 'memory only' ? NO_KEYCHAIN : {}
    try {
      const first = await startBrowserMode(userData, [], env)
      await openAt(page, first.info.url)
      await sendFrom(page, 'Sandbox US')
      expect(await vaultShown(page)).toMatch(mode === 'OS keychain' ? /keychain/i : /Memory only/)
      await stopBrowserMode(first.child)

      const second = await startBrowserMode(userData, [], env)
      try {
        expect(second.info.sandboxUrl).not.toBe(first.info.sandboxUrl)
        await openAt(page, second.info.url)
        await sendFrom(page, 'Sandbox US')
        await sendFrom(page, 'Sandbox EU')
        await expect(page.getByRole('navigation', { name: 'Workspaces' })).not.toContainText('no token')
      } finally {
        await stopBrowserMode(second.child)
      }
    } finally {
      rmSync(userData, { recursive: true, force: true })
    }
  })
}

/** Stands in for a workspace's own API host: answers GET /me for one token, and everything else with 200. */
async function apiHost(token: string): Promise<Server> {
  const server = createServer((req, res) => {
    const me = req.url === '/me'
    const authorized = req.headers.authorization === `Bearer ${token}`
    res.writeHead(me && !authorized ? 401 : 200, { 'content-type': 'application/json' })
    res.end(
      me && authorized
        ? JSON.stringify({
            type: 'admin',
            id: '1',
            name: 'Ada',
            email: 'ada@example.com',
            app: { id_code: 'lostapp1', name: 'Lost', region: 'US' }
          })
        : JSON.stringify({ type: 'ok', authorization: req.headers.authorization ?? null })
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

test('a workspace whose secret is gone says so everywhere, still sends with auth None, and takes its token again', async ({ page }) => {
  const token = 'lost-token-0123456789abcdef'
  const host = await apiHost(token)
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-lost-'))
  // What a memory-only run leaves behind: the workspace list, and no secret anywhere.
  writeFileSync(
    path.join(userData, 'workspaces.json'),
    JSON.stringify({
      workspaces: [
        {
          id: 'ws_lost',
          name: 'Lost Co',
          color: '#ef4444',
          region: 'US',
          intercomVersion: '2.16',
          authKind: 'access_token',
          sandbox: false,
          appIdCode: 'lostapp1',
          appName: 'Lost',
          adminName: 'Ada',
          adminEmail: 'ada@example.com',
          tokenPreview: 'lost…cdef',
          vaultBackend: 'memory',
          verifiedAt: '2026-11-01T00:00:00.000Z',
          createdAt: '2026-11-01T00:00:00.000Z',
          apiBase: `http://127.0.0.1:${(host.address() as AddressInfo).port}`,
          apiBaseOverride: null
        }
      ],
      activeWorkspaceId: 'ws_lost'
    })
  )
  const desk = await startBrowserMode(userData, [], NO_KEYCHAIN)
  try {
    await openAt(page, desk.info.url)
    const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
    await expect(sidebar.getByRole('button', { name: /Lost Co/ })).toContainText('no token')
    await expect(sidebar.getByRole('button', { name: /Sandbox US/ })).not.toContainText('no token')

    await openExplorer(page)
    await expect(page.getByTestId('auth-preview')).toContainText('No token for “Lost Co”')
    await expect(page.getByTestId('auth-preview')).not.toContainText('lost…cdef')
    await page.getByRole('radio', { name: 'None' }).check()
    await setRequest(page, 'GET', '/contacts')
    await send(page)
    await expect(page.getByRole('status', { name: 'Response status' })).toContainText('200')

    await page.getByRole('radio', { name: 'Bearer' }).check()
    await page.getByRole('button', { name: 'Enter the token again' }).click()
    const settings = page.getByRole('region', { name: 'Workspace settings' })
    await expect(settings.getByRole('button', { name: 'Reveal' })).toHaveCount(0)
    await expect(settings.getByRole('button', { name: 'Copy' })).toHaveCount(0)
    await expect(settings.getByTestId('vault-backend')).toContainText('Nowhere in this run')
    const form = settings.getByRole('form', { name: 'Enter the token again' })
    await form.getByLabel('Token for “Lost Co”').fill(token)
    await form.getByRole('button', { name: 'Verify and store' }).click()
    await expect(settings.getByRole('status')).toContainText('Token verified and stored')
    await expect(sidebar.getByRole('button', { name: /Lost Co/ })).not.toContainText('no token')
    await expect(settings.getByRole('button', { name: 'Reveal' })).toBeVisible()
  } finally {
    await stopBrowserMode(desk.child)
    await new Promise((resolve) => host.close(resolve))
    rmSync(userData, { recursive: true, force: true })
  }
})

test('the keychain notice is said once in plain words, with the details behind How to fix, and stays dismissed', async ({ page }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-notice-'))
  const desk = await startBrowserMode(userData, [], NO_KEYCHAIN)
  try {
    await openAt(page, desk.info.url)
    const notice = page.getByRole('alert', { name: 'Secret storage' })
    await expect(notice).toContainText('Tokens are kept in memory only')
    await expect(notice.getByText(/keychain did not answer/)).toBeHidden()
    await notice.getByText('How to fix').click()
    await expect(notice.getByText(/keychain did not answer/)).toBeVisible()
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toHaveCount(0)
    await page.reload()
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
    await expect(page.getByRole('alert', { name: 'Secret storage' })).toHaveCount(0)
  } finally {
    await stopBrowserMode(desk.child)
  }
  // A restart without a keychain again: the same notice, already dismissed, stays away.
  const again = await startBrowserMode(userData, [], NO_KEYCHAIN)
  try {
    await openAt(page, again.info.url)
    await expect(page.getByRole('navigation', { name: 'Workspaces' })).toContainText('Sandbox US')
    await expect(page.getByRole('alert', { name: 'Secret storage' })).toHaveCount(0)
  } finally {
    await stopBrowserMode(again.child)
    rmSync(userData, { recursive: true, force: true })
  }
})

test('browser mode leaves Ctrl+1…9 to the browser and shows the keys that work here', async ({ page, desk }) => {
  await desk.open(page)
  const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('title', 'Switch with Alt+Shift+2')
  await page.keyboard.press('Alt+Shift+2')
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('Control+1')
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await palette.getByLabel('Type a command').fill('switch to sandbox us')
  await expect(palette.getByRole('option').first()).toContainText('Alt+Shift+1')
  await expect(palette.getByRole('option').first()).not.toContainText('Ctrl+1')
})

test('a first start on a sandbox that fails every request opens, says what failed, and gets the workspaces later', async ({ page }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-faulty-'))
  const desk = await startBrowserMode(userData, ['--sandbox-options', '{"faults":{"errorRate":1}}'])
  try {
    await openAt(page, desk.info.url)
    await expect(page.getByRole('alert').filter({ hasText: 'sandbox workspaces could not be created yet' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Workspaces' })).toContainText('No workspace yet')
  } finally {
    await stopBrowserMode(desk.child)
  }
  // The failed first start did not count as done: the next start, on a sandbox that answers, creates them.
  const next = await startBrowserMode(userData)
  try {
    await openAt(page, next.info.url)
    const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
    await expect(sidebar.getByRole('button', { name: /Sandbox US/ })).toBeVisible()
    await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toBeVisible()
    await expect(page.getByRole('alert').filter({ hasText: 'could not be created' })).toHaveCount(0)
  } finally {
    await stopBrowserMode(next.child)
    rmSync(userData, { recursive: true, force: true })
  }
})

test('signing in with your own Intercom app keeps one redirect port, across attempts and restarts, and says when it is taken', async ({
  page,
  context
}) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-oauth-port-'))
  // The consent page is Intercom's, which this machine cannot reach: close each tab the app opens.
  context.on('page', (tab) => void tab.close())
  const redirectShown = async (desk: { info: { url: string } }) => {
    await openAt(page, desk.info.url)
    await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: '+ Add workspace' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add workspace' })
    await dialog.getByRole('tab', { name: 'Sign in with OAuth' }).click()
    await dialog.getByLabel('Provider').selectOption('intercom')
    await dialog.getByLabel('Client ID').fill('my-own-app')
    await dialog.getByLabel('Client secret').fill('my-own-secret')
    await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
    await expect(dialog.getByRole('status')).toContainText('Waiting for you to approve')
    const url = (await dialog.getByText('Redirect URL to register').locator('code').textContent()) ?? ''
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    await dialog.getByRole('button', { name: 'Cancel sign-in' }).click()
    await expect(dialog.getByRole('status')).toContainText(/cancelled/i)
    return { url, dialog }
  }
  try {
    const first = await startBrowserMode(userData)
    let registered: string
    try {
      registered = (await redirectShown(first)).url
      // A second attempt in the same run: the same URL.
      const dialog = page.getByRole('dialog', { name: 'Add workspace' })
      await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
      await expect(dialog.getByText('Redirect URL to register').locator('code')).toHaveText(registered)
      await dialog.getByRole('button', { name: 'Cancel sign-in' }).click()
    } finally {
      await stopBrowserMode(first.child)
    }

    const second = await startBrowserMode(userData)
    try {
      const { url, dialog } = await redirectShown(second)
      expect(url).toBe(registered)
      // Another program takes the port: the dialog says so rather than moving to a URL nobody registered.
      const squatter = createServer()
      await new Promise<void>((resolve) => squatter.listen(Number(new URL(registered).port), '127.0.0.1', resolve))
      try {
        await dialog.getByRole('button', { name: 'Sign in with Intercom' }).click()
        await expect(dialog.getByRole('alert')).toContainText(`Port ${new URL(registered).port}`)
        await expect(dialog.getByRole('alert')).toContainText('in use by another program')
      } finally {
        await new Promise((resolve) => squatter.close(resolve))
      }
    } finally {
      await stopBrowserMode(second.child)
    }
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
})

test('a data file of the wrong shape is set aside unchanged, the user is told, and the app starts with the rest', async ({ page }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-badfile-'))
  const wrongShape = '{"workspaces":"oops"}'
  writeFileSync(path.join(userData, 'workspaces.json'), wrongShape)
  const desk = await startBrowserMode(userData)
  try {
    await openAt(page, desk.info.url)
    const aside = readdirSync(userData).find((f) => f.startsWith('workspaces.corrupt-'))
    expect(aside).toBeDefined()
    expect(readFileSync(path.join(userData, aside!), 'utf8')).toBe(wrongShape)
    await expect(page.getByRole('alert').filter({ hasText: 'workspaces.json' })).toContainText(aside!)
    await sendFrom(page, 'Sandbox EU')
  } finally {
    await stopBrowserMode(desk.child)
    rmSync(userData, { recursive: true, force: true })
  }
})
