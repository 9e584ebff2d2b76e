// The `desk` fixture: a fresh browser-mode Token Desk (its own data folder, its own embedded
// sandbox) for each test, started exactly as `npm run web` starts it, and a page signed in to it.
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBrowserMode, stopBrowserMode } from './browser-mode'

export interface Desk {
  url: string
  origin: string
  sandboxUrl: string | null
  userData: string
  /** Opens the app and waits until it has loaded. */
  open(page: Page): Promise<void>
}

export const test = base.extend<{ desk: Desk; deskArgs: string[]; deskEnv: Record<string, string> }>({
  deskArgs: [[], { option: true }],
  /** Extra environment for the app, e.g. TOKEN_DESK_BIN_DIR. */
  deskEnv: [{}, { option: true }],
  desk: async ({ deskArgs, deskEnv }, use) => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-'))
    const { child, info } = await startBrowserMode(userData, deskArgs, deskEnv)
    await use({
      ...info,
      userData,
      open: async (page) => {
        await page.goto(info.url)
        await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
      }
    })
    await stopBrowserMode(child)
    rmSync(userData, { recursive: true, force: true })
  }
})

export { expect }
