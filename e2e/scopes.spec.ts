// The scope inspector: probe a token's permissions per workspace, learn from every response, and
// see the same knowledge in the composer.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test, expect } from './support/desk'
import { startBrowserMode, stopBrowserMode } from './support/browser-mode'
import { screenshotPath } from './support/screenshots'
import type { Page } from '@playwright/test'

const row = (page: Page, permission: string) => page.getByRole('row', { name: permission, exact: true })
const status = (page: Page) => page.getByRole('status', { name: 'Response status' })
const badge = (page: Page) => page.getByLabel('Required permission').getByTestId('permission-state')

async function inspect(page: Page) {
  await page.getByRole('button', { name: 'Inspect scopes' }).click()
  await expect(page.getByRole('button', { name: 'Inspect scopes' })).toBeEnabled({ timeout: 30_000 })
  await expect(page.getByTestId('scopes-checked')).toHaveText(/^Checked /)
}

async function send(page: Page, method: string, path: string, expected: string) {
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await page.getByLabel('Method').selectOption(method)
  await page.getByLabel('Path', { exact: true }).fill(path)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(status(page)).toContainText(expected)
}

test('inspect scopes per workspace, with a verdict, and see them in the composer', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox US' })).toBeVisible()
  await expect(page.getByTestId('scopes-checked')).toHaveText(/Not inspected yet/)

  // The US token has every permission: read_admins is granted, with its probe and answer.
  await inspect(page)
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText(
    /Extended scopes granted: \d+ of 13 seen granted.*none denied\./
  )
  const usAdmins = row(page, 'read_admins')
  await expect(usAdmins.locator('.badge')).toHaveText('granted')
  await expect(usAdmins).toContainText('GET /admins')
  await expect(usAdmins).toContainText('probe answered 200')
  // Write permissions stay unknown until write checks are asked for.
  await expect(row(page, 'write_tags').locator('.badge')).toHaveText('unknown')
  await expect(row(page, 'write_tags')).toContainText('Check write permissions without changing data')

  // The EU token is standard-scope: read_admins is denied with a 403, and the verdict says what to do.
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox EU' })).toBeVisible()
  await inspect(page)
  const verdict = page.getByRole('region', { name: 'Verdict' })
  await expect(verdict).toContainText('Standard scopes only: the extended scopes (Read admins, Read and list articles, ')
  await expect(verdict).toContainText(') are not granted.')
  await expect(verdict).toContainText(
    'To call /admins or /articles, request them in Developer Hub → your app → Authentication → Edit scopes'
  )
  const euAdmins = row(page, 'read_admins')
  await expect(euAdmins.locator('.badge')).toHaveText('denied')
  await expect(euAdmins).toContainText('403')
  await expect(row(page, 'read_users_companies').locator('.badge')).toHaveText('granted')
  await page.screenshot({ path: screenshotPath('scopes.png'), fullPage: true })

  // The composer shows GET /admins needs read_admins, which this token lacks.
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await page.getByLabel('Method').selectOption('GET')
  await page.getByLabel('Path', { exact: true }).fill('/admins')
  const needs = page.getByLabel('Required permission')
  await expect(needs).toContainText('read_admins')
  await expect(badge(page)).toHaveText(/^denied \(probe answered 403 at \d\d:\d\d\)$/)
  await needs.getByRole('button', { name: 'Scopes…' }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox EU' })).toBeVisible()

  // Back on US the same request is granted.
  await page.getByRole('button', { name: /Sandbox US/ }).click()
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await expect(badge(page)).toHaveText(/^granted \(probe answered 200 at \d\d:\d\d\)$/)
})

test('write checks are listed before they run and leave at most 3 permissions unknown', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await page.getByRole('checkbox', { name: 'Check write permissions without changing data' }).check()
  const plan = page.getByRole('region', { name: 'Write checks' })
  await expect(plan).toContainText(/DELETE \/tags\/\S+ for write_tags: .*cannot exist/)
  await expect(plan).toContainText('inferred from a refused request')
  await inspect(page)
  const writeTags = row(page, 'write_tags')
  await expect(writeTags.locator('.badge')).toHaveText('granted')
  await expect(writeTags).toContainText('inferred from a refused request')
  // Extended write permissions are refused with a 403 naming them.
  await expect(row(page, 'read_write_news').locator('.badge')).toHaveText('denied')
  const unknown = await page.locator('.scopes-summary .badge', { hasText: 'unknown' }).textContent()
  expect(Number.parseInt(unknown ?? '99', 10)).toBeLessThanOrEqual(3)
})

test('every response teaches the inspector: a 2xx never sits beside "denied", a 403 naming a scope marks it', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  // Inspect first, so read_admins is known denied for this standard-scope token.
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await inspect(page)
  await expect(row(page, 'read_admins').locator('.badge')).toHaveText('denied')

  // GET /me answers 200 to an Access Token: its Read admins need applies only to OAuth tokens.
  await send(page, 'GET', '/me', '200')
  await expect(page.getByLabel('Required permission')).toContainText('only for OAuth tokens')
  await expect(badge(page)).toHaveText('not needed for this token')
  await expect(page.getByLabel('Required permission')).not.toContainText('denied')

  // A 2xx marks the operation's permission granted, with the answer it rests on.
  await send(page, 'GET', '/tags', '200')
  await expect(badge(page)).toHaveText(/^granted \(seen 200 at \d\d:\d\d\)$/)
  await expect(page.getByLabel('Required permission')).toContainText(/needs read_tags · granted \(seen 200 at \d\d:\d\d\)/)

  // Whatever answers 2xx, nothing beside it says "denied", in the composer or in the inspector.
  for (const [path, permission] of [
    ['/contacts', 'read_users_companies'],
    ['/companies', 'read_users_companies'],
    ['/segments', 'read_users_companies'],
    ['/conversations', 'read_conversations']
  ] as const) {
    await send(page, 'GET', path, '200')
    await expect(page.getByLabel('Required permission')).toContainText(`needs ${permission} · granted (seen 200 at`)
    await expect(page.getByLabel('Required permission')).not.toContainText('denied')
  }
  await page.getByRole('tab', { name: 'Scopes' }).click()
  for (const permission of ['read_tags', 'read_users_companies', 'read_conversations']) {
    await expect(row(page, permission).locator('.badge')).toHaveText('granted')
    await expect(row(page, permission)).toContainText('seen 200 at')
  }
  await expect(row(page, 'read_admins').locator('.badge')).toHaveText('denied')
})

test('a 403 naming a scope updates the inspector without a probe', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await send(page, 'GET', '/admins', '403')
  await expect(badge(page)).toHaveText(/^denied \(seen 403 at \d\d:\d\d\)$/)
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await expect(page.getByTestId('scopes-checked')).toHaveText(/Learned from responses so far/)
  const admins = row(page, 'read_admins')
  await expect(admins.locator('.badge')).toHaveText('denied')
  await expect(admins).toContainText('response')
  await expect(admins).toContainText('GET /admins')
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('Standard scopes only')
})

test('the catalog shows conditional permissions with their condition', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await page.getByLabel('Path', { exact: true }).click()
  await page.keyboard.press('Control+P')
  const search = page.getByLabel('Search endpoints')
  const option = (name: string) => page.getByRole('option').filter({ hasText: name })
  await search.fill('Identify an admin')
  await expect(option('Identify an admin')).toContainText(
    'read_admins ✓ documented (only for OAuth tokens; an Access Token calls it freely)'
  )
  await search.fill('Delete a conversation')
  const del = option('Delete a conversation')
  await expect(del).toContainText('write_conversations ≈ inferred')
  await expect(del).toContainText('delete_conversations_and_metrics ✓ documented (only with retain_metrics=false)')
  await page.keyboard.press('Escape')
  await expect(search).toBeHidden()
})

test('after a restart the composer and the inspector still show what the last answers said', async ({ page }) => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-scopes-'))
  const openAt = async (url: string) => {
    await page.goto(url)
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  }
  try {
    const first = await startBrowserMode(userData, [])
    try {
      await openAt(first.info.url)
      await page.getByRole('button', { name: /Sandbox EU/ }).click()
      await send(page, 'GET', '/admins', '403')
      await send(page, 'GET', '/tags', '200')
    } finally {
      await stopBrowserMode(first.child)
    }
    const second = await startBrowserMode(userData, [])
    try {
      await openAt(second.info.url)
      await page.getByRole('button', { name: /Sandbox EU/ }).click()
      await page.getByRole('tab', { name: 'Explorer' }).click()
      await page.getByLabel('Method').selectOption('GET')
      await page.getByLabel('Path', { exact: true }).fill('/admins')
      await expect(page.getByLabel('Required permission')).toContainText(/needs read_admins · denied \(seen 403 at \d\d:\d\d\)/)
      await page.getByLabel('Path', { exact: true }).fill('/tags')
      await expect(page.getByLabel('Required permission')).toContainText(/needs read_tags · granted \(seen 200 at \d\d:\d\d\)/)
      await page.getByRole('tab', { name: 'Scopes' }).click()
      await expect(row(page, 'read_admins').locator('.badge')).toHaveText('denied')
      await expect(row(page, 'read_tags').locator('.badge')).toHaveText('granted')
      await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('Standard scopes only')
    } finally {
      await stopBrowserMode(second.child)
    }
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
})
