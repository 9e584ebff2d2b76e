// The desktop app itself, through Playwright's Electron driver. It needs Electron's binary, which
// is downloaded from GitHub on first use; where that is impossible the suite skips with one reason.
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { binary, SKIP_REASON } from './binary'

if (!binary) console.log(`electron e2e skipped: ${SKIP_REASON}`)
test.skip(!binary, SKIP_REASON)

let app: ElectronApplication
let userData: string

test.beforeEach(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-electron-'))
  app = await electron.launch({
    executablePath: binary!,
    args: ['out/main/index.js', ...(process.platform === 'linux' ? ['--password-store=gnome-libsecret'] : [])],
    env: { ...process.env, TOKEN_DESK_USER_DATA: userData }
  })
})

test.afterEach(async () => {
  await app?.close()
  rmSync(userData, { recursive: true, force: true })
})

test('opens one sandboxed window on the app protocol with the sandbox workspaces', async () => {
  const page = await app.firstWindow()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  expect(page.url()).toMatch(/^app:\/\/token-desk\//)
  await expect(page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: /Sandbox US/ })).toBeVisible()
  const exposed = await page.evaluate(() => ({
    bridge: typeof (window as unknown as { tokenDesk?: unknown }).tokenDesk,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process
  }))
  expect(exposed).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' })
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('refuses navigation away from the app and new windows', async () => {
  const page = await app.firstWindow()
  await page.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await page.waitForTimeout(500)
  expect(page.url()).toMatch(/^app:\/\/token-desk\//)
  await page.evaluate(() => window.open('https://example.com/', '_blank'))
  await page.waitForTimeout(500)
  expect(app.windows()).toHaveLength(1)
})

test('keeps tokens encrypted by safeStorage, never in plaintext on disk', async () => {
  const page = await app.firstWindow()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  await page.getByRole('button', { name: 'Reveal' }).click()
  const token = (await page.getByTestId('token-preview').textContent())!.trim()
  const { readdirSync, statSync } = await import('node:fs')
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
  for (const file of walk(userData)) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false)
})
