// The app shell as a person meets it: the sandbox workspaces, switching, the command palette,
// themes, and the security policy actually enforced by the browser.
import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'

test('opens on the two sandbox workspaces with the secret store shown', async ({ page, desk }) => {
  await desk.open(page)
  const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
  await expect(sidebar.getByRole('button', { name: /Sandbox US/ })).toBeVisible()
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toBeVisible()
  await expect(sidebar.getByRole('button', { name: /Sandbox US/ })).toHaveAttribute('aria-current', 'true')
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Secrets: System keychain')
  await page.screenshot({ path: screenshotPath('shell.png') })
})

test('switches workspaces from the sidebar, with Alt+Shift+1 (the browser keeps Ctrl+1…9), and from the command palette', async ({
  page,
  desk
}) => {
  await desk.open(page)
  const sidebar = page.getByRole('navigation', { name: 'Workspaces' })
  await sidebar.getByRole('button', { name: /Sandbox EU/ }).click()
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('Alt+Shift+1')
  await expect(sidebar.getByRole('button', { name: /Sandbox US/ })).toHaveAttribute('aria-current', 'true')

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await palette.getByLabel('Type a command').fill('switch eu')
  await expect(palette.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Sandbox EU · EU')

  // The last active workspace is restored at the next start.
  await page.reload()
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
  await expect(sidebar.getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')
})

test('the palette closes with Escape and runs view commands', async ({ page, desk }) => {
  await desk.open(page)
  await page.keyboard.press('Control+k')
  await page.getByLabel('Type a command').fill('workspace settings')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Workspace settings' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden()
})

test('follows the operating system theme', async ({ page, desk }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await desk.open(page)
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
  const light = await background()
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await background()
  expect(light).not.toBe(dark)
  await page.screenshot({ path: screenshotPath('shell-dark.png') })
})

// eval is not checked here: DevTools-driven evaluation is exempt from CSP. The policy's lack of
// 'unsafe-eval' is asserted by the unit tests.
test('the Content-Security-Policy blocks inline scripts', async ({ page, desk }) => {
  await desk.open(page)
  const outcome = await page.evaluate(async () => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.appendChild(script)
    await new Promise((r) => setTimeout(r, 100))
    return { injected: (window as unknown as { __injected?: boolean }).__injected === true, violations }
  })
  expect(outcome.injected).toBe(false)
  expect(outcome.violations.some((v) => v.startsWith('script-src'))).toBe(true)
})

test('refuses a page opened without the per-launch secret', async ({ page, desk }) => {
  const response = await page.goto(desk.origin)
  expect(response?.status()).toBe(403)
  await expect(page.locator('body')).toContainText('URL printed in the terminal')
})
