// The scope inspector: probe a token's permissions per workspace and see the result in the composer.
import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'
import type { Page } from '@playwright/test'

const row = (page: Page, permission: string) => page.getByRole('row', { name: permission, exact: true })

async function inspect(page: Page) {
  await page.getByRole('button', { name: 'Inspect scopes' }).click()
  await expect(page.getByRole('button', { name: 'Inspect scopes' })).toBeEnabled({ timeout: 30_000 })
  await expect(page.getByTestId('scopes-checked')).toHaveText(/^Checked /)
}

test('inspect scopes per workspace and see them in the composer', async ({ page, desk }) => {
  await desk.open(page)
  await page.getByRole('tab', { name: 'Scopes' }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox US' })).toBeVisible()
  await expect(page.getByText(/Write permissions are never\s+probed/)).toBeVisible()
  await expect(page.getByTestId('scopes-checked')).toHaveText(/Not inspected yet/)

  // The US token has every permission: read_admins is granted, with its probe and answer.
  await inspect(page)
  const usAdmins = row(page, 'read_admins')
  await expect(usAdmins.locator('.badge')).toHaveText('granted')
  await expect(usAdmins).toContainText('GET /admins')
  await expect(usAdmins).toContainText('200')
  // Write permissions stay unknown: they are never probed.
  await expect(row(page, 'write_tags').locator('.badge')).toHaveText('unknown')
  await expect(row(page, 'write_tags')).toContainText('Not probed')

  // The EU token is standard-scope: read_admins is denied with a 403.
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox EU' })).toBeVisible()
  await inspect(page)
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
  await expect(needs.getByTestId('permission-state')).toHaveText('denied for this token')
  // And the badge links to the Scopes view.
  await needs.getByRole('button', { name: 'Scopes…' }).click()
  await expect(page.getByRole('heading', { name: 'Scopes of Sandbox EU' })).toBeVisible()

  // Back on US the same request is granted.
  await page.getByRole('button', { name: /Sandbox US/ }).click()
  await page.getByRole('tab', { name: 'Explorer' }).click()
  await expect(page.getByLabel('Required permission').getByTestId('permission-state')).toHaveText('granted for this token')
})
