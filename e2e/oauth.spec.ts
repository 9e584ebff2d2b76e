// The sandbox's OAuth consent page in a real browser: Authorize and Deny both land on the
// client's loopback redirect with the right parameters. Chromium launch options come from
// playwright.config.ts.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { startSandbox, type Sandbox } from '../src/main/sandbox/index'

let sandbox: Sandbox
let callbackServer: Server
let redirectUri: string

test.beforeAll(async () => {
  sandbox = await startSandbox({ contacts: 10, seed: 2 })
  // A stand-in for the app's loopback listener, so the final navigation really completes.
  callbackServer = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('callback received'))
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve))
  redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`
})

test.afterAll(async () => {
  await sandbox?.close()
  await new Promise((resolve) => callbackServer?.close(resolve))
})

function consentUrl(state: string): string {
  const client = sandbox.oauthClients[0]!
  return `${sandbox.url}/oauth?${new URLSearchParams({ client_id: client.clientId, state, redirect_uri: redirectUri })}`
}

test('Authorize redirects with code and state, and the code buys a working token', async ({ page }) => {
  // CSP violations (a blocked stylesheet, say) show up as console errors.
  const consoleErrors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text())
  })
  await page.goto(consentUrl('state-authorize'))
  await expect(page.getByRole('button', { name: 'Authorize' })).toHaveCSS('background-color', 'rgb(31, 111, 235)')
  expect(consoleErrors).toEqual([])
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorize Token Desk Sandbox App')
  await expect(page.getByRole('heading', { name: 'Teams and teammates' })).toBeVisible()
  await page.getByRole('radio', { name: /Sandbox EU/ }).check()
  await page.getByRole('button', { name: 'Authorize' }).click()
  await page.waitForURL((url) => url.href.startsWith(redirectUri))
  await expect(page.locator('body')).toHaveText('callback received')

  const url = new URL(page.url())
  expect(url.searchParams.get('state')).toBe('state-authorize')
  const code = url.searchParams.get('code')
  expect(code).toBeTruthy()

  const client = sandbox.oauthClients[0]!
  const tokenRes = await fetch(`${sandbox.url}/auth/eagle/token`, {
    method: 'POST',
    body: new URLSearchParams({ code: code!, client_id: client.clientId, client_secret: client.clientSecret })
  })
  expect(tokenRes.status).toBe(200)
  const { access_token: token } = (await tokenRes.json()) as { access_token: string }
  const me = await fetch(`${sandbox.url}/me`, { headers: { Authorization: `Bearer ${token}` } })
  expect(((await me.json()) as { app: { region: string } }).app.region).toBe('EU')
})

test('Deny redirects with error=access_denied and state', async ({ page }) => {
  await page.goto(consentUrl('state-deny'))
  await page.getByRole('button', { name: 'Deny' }).click()
  await page.waitForURL((url) => url.href.startsWith(redirectUri))
  const url = new URL(page.url())
  expect(url.searchParams.get('error')).toBe('access_denied')
  expect(url.searchParams.get('state')).toBe('state-deny')
  expect(url.searchParams.has('code')).toBe(false)
})
