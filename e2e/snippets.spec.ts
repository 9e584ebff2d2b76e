import { test, expect } from './support/desk'
import { screenshotPath } from './support/screenshots'
import { openExplorer, readClipboard, revealToken, runCommand, setRequest } from './fixtures/ui'
import type { Page } from '@playwright/test'

const SHELLS = [
  { tab: 'POSIX sh (bash/zsh)', auth: `-H 'Authorization: Bearer '"$INTERCOM_TOKEN"`, setup: "export INTERCOM_TOKEN='your-access-token'" },
  {
    tab: 'PowerShell (curl.exe)',
    auth: "-H ('Authorization: Bearer ' + $env:INTERCOM_TOKEN)",
    setup: "$env:INTERCOM_TOKEN = 'your-access-token'"
  },
  { tab: 'Windows cmd', auth: '-H "Authorization: Bearer !INTERCOM_TOKEN!"', setup: 'set "INTERCOM_TOKEN=your-access-token"' }
]

const code = (page: Page) => page.getByLabel('curl command', { exact: true })

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
})

test('copies env-var snippets for every shell, Basic as -u, hostile headers quoted, the real token only on request', async ({
  page,
  desk
}) => {
  await desk.open(page)
  const token = await revealToken(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')
  await page.getByRole('tab', { name: 'Code' }).click()

  for (const shell of SHELLS) {
    await page.getByRole('tab', { name: shell.tab }).click()
    await expect(page.getByLabel('Line that sets the token')).toHaveText(shell.setup)
    await page.getByRole('button', { name: 'Copy', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible()
    const copied = await readClipboard(page)
    expect(copied).toContain(shell.auth)
    expect(copied).toContain('/contacts')
    expect(copied).not.toContain(token)
  }

  // The multi-line form continues lines the way the shell expects.
  await page.getByRole('tab', { name: 'PowerShell (curl.exe)' }).click()
  await page.getByLabel('Multi-line').check()
  await expect(code(page)).toContainText('curl.exe --compressed --url')
  expect((await code(page).textContent())?.split('\n').length).toBeGreaterThan(2)
  await expect(code(page)).toContainText(' `')
  await page.getByLabel('Multi-line').uncheck()

  // Basic auth carries over as -u with the token as the user name.
  await page.getByRole('group', { name: 'Auth' }).getByLabel('Basic').check()
  await page.getByRole('tab', { name: 'POSIX sh (bash/zsh)' }).click()
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect.poll(() => readClipboard(page)).toContain(`-u "$INTERCOM_TOKEN"':'`)
  expect(await readClipboard(page)).not.toContain('Authorization')
  await page.getByRole('group', { name: 'Auth' }).getByLabel('Bearer').check()

  // A header full of shell syntax stays inert inside single quotes; cmd refuses instead of guessing.
  await page.getByRole('tab', { name: /^Headers/ }).click()
  await page.getByRole('button', { name: 'Add header' }).click()
  await page.getByLabel('Header 1 name').fill('X-Note')
  await page.getByLabel('Header X-Note value').fill(`it's "$(whoami)" \`id\` !x [1]`)
  await page.getByRole('tab', { name: 'Code' }).click()
  await expect(code(page)).toContainText(`-H 'X-Note: it'\\''s "$(whoami)" \`id\` !x [1]'`)
  await page.screenshot({ path: screenshotPath('snippets.png') })
  await page.getByRole('tab', { name: 'Windows cmd' }).click()
  await expect(page.getByRole('note').filter({ hasText: 'cmd.exe cannot quote this request safely' })).toBeVisible()
  await page.getByRole('tab', { name: 'POSIX sh (bash/zsh)' }).click()

  // The real token: shown masked, copied through main, clipboard cleared later.
  await page.getByLabel('Real token').check()
  await expect(page.getByRole('note').filter({ hasText: 'real token' })).toBeVisible()
  await expect(code(page)).not.toContainText(token)
  await page.getByRole('button', { name: 'Copy with real token' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The clipboard is cleared in 60 s' })).toBeVisible()
  const real = await readClipboard(page)
  expect(real).toContain(`Authorization: Bearer ${token}`)
  expect(real).toContain('X-Note')
})

test('a header value with a line break gives a clear error instead of a snippet', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  // A text field cannot hold a line break, but a pasted curl command with a $'…' string can.
  await runCommand(page, 'Import curl command')
  const dialog = page.getByRole('dialog', { name: 'Import curl command' })
  await dialog.getByLabel('curl command').fill("curl https://api.intercom.io/me -H $'X-Broken: one\\ntwo'")
  await dialog.getByRole('button', { name: 'Import' }).click()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('tab', { name: 'Code' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'No snippet for this request' })).toContainText('X-Broken contains a line feed')
  await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeDisabled()
})

test('writes the request as Python and Node.js code that reads the token from the environment', async ({ page, desk }) => {
  await desk.open(page)
  const token = await revealToken(page, 'Sandbox US')
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')
  await page.getByRole('tab', { name: 'Code' }).click()

  await page.getByRole('tab', { name: 'Python (requests)' }).click()
  const python = page.getByLabel('Python code', { exact: true })
  await expect(python).toContainText("secret = os.environ.get('INTERCOM_TOKEN', '')")
  await expect(python).toContainText("('Authorization', 'Bearer ' + secret)")
  await expect(python).toContainText("requests.Request('GET', url")
  await expect(page.getByLabel('Line that sets the token')).toHaveText("export INTERCOM_TOKEN='your-access-token'")
  // A language has no multi-line form of its own to choose.
  await expect(page.getByLabel('Multi-line')).toHaveCount(0)
  await page.screenshot({ path: screenshotPath('snippets-python.png') })
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible()
  const copied = await readClipboard(page)
  expect(copied).toContain('import requests')
  expect(copied).toContain('/contacts')
  expect(copied).not.toContain(token)

  await page.getByRole('tab', { name: 'Node.js (node:https)' }).click()
  const node = page.getByLabel('Node.js code', { exact: true })
  await expect(node).toContainText('const secret = process.env["INTERCOM_TOKEN"]')
  await expect(node).toContainText('Authorization: `Bearer ${secret}`')
  await expect(node).not.toContainText('node-fetch')

  // The real token goes into the code only when asked, through main.
  await page.getByRole('tab', { name: 'Python (requests)' }).click()
  await page.getByLabel('Real token').check()
  await expect(page.getByLabel('Python code', { exact: true })).not.toContainText(token)
  await page.getByRole('button', { name: 'Copy with real token' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The clipboard is cleared in 60 s' })).toBeVisible()
  expect(await readClipboard(page)).toContain(`secret = '${token}'`)
})

test('a body too large for a shell argument is offered as body.json next to the command', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'POST', '/contacts')
  await page.getByRole('tab', { name: 'Body' }).click()
  await page.getByRole('button', { name: 'Add a JSON body' }).click()
  await page.getByRole('textbox', { name: 'Request body (JSON)' }).fill(JSON.stringify({ note: 'x'.repeat(70 * 1024) }))
  await page.getByRole('tab', { name: 'Code' }).click()
  await expect(code(page)).toContainText("--data-binary '@body.json'")
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save body.json' }).click()
  expect((await download).suggestedFilename()).toBe('body.json')
})
