// After saving (with a hand-typed token), sending and generating snippets, no sandbox token may
// be found in any file under the app's data folder, nor in the default snippets.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test, expect } from './support/desk'
import { openExplorer, readClipboard, revealToken, send, setRequest, switchWorkspace } from './fixtures/ui'
import type { Page } from '@playwright/test'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : []
  })
}

/** The token as it could appear on disk: as typed, and inside a Basic header. */
const needles = (token: string) => [token, Buffer.from(`${token}:`).toString('base64')].map((s) => Buffer.from(s))

async function typeAuthorizationHeader(page: Page, token: string) {
  await page.getByRole('tab', { name: /^Headers/ }).click()
  await page.getByRole('button', { name: 'Add header' }).click()
  await page.getByLabel('Header 1 name').fill('Authorization')
  await page.getByLabel('Header Authorization value').fill(`Bearer ${token}`)
}

async function saveWithTypedToken(page: Page, token: string, name: string, choice: string, asNew = false) {
  await typeAuthorizationHeader(page, token)
  await page.keyboard.press('Control+s')
  const dialog = page.getByRole('dialog', { name: 'Save request' })
  if (asNew) await dialog.getByLabel(/Save as a new request/).check()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  const found = dialog.getByRole('group', { name: 'Secret found' })
  await expect(found).toContainText('Authorization')
  await expect(found).toContainText(`${token.slice(0, 4)}…${token.slice(-4)}`)
  await expect(found).not.toContainText(token)
  await found.getByRole('button', { name: choice }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: `Saved “${name}”.` })).toBeVisible()
  // The composer no longer holds the token either.
  await expect(page.getByLabel('Header Authorization value')).toHaveCount(0)
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
})

test('no saved file, history file or default snippet holds a token', async ({ page, desk }) => {
  await desk.open(page)
  const tokens = [await revealToken(page, 'Sandbox EU'), await revealToken(page, 'Sandbox US')]

  await openExplorer(page)
  await setRequest(page, 'GET', '/me')
  await saveWithTypedToken(page, tokens[0]!, 'Typed token, stripped', 'Remove it from the request')
  await saveWithTypedToken(page, tokens[1]!, 'Typed token, vaulted', 'Move the token into the vault', true)

  // History: a success with a body, and a request that carries a JSON body.
  await setRequest(page, 'GET', '/contacts')
  await send(page)
  await setRequest(page, 'POST', '/contacts/search')
  await page.getByRole('tab', { name: 'Body' }).click()
  await page.getByRole('button', { name: 'Add a JSON body' }).click()
  await page
    .getByRole('textbox', { name: 'Request body (JSON)' })
    .fill('{"query":{"field":"email","operator":"=","value":"a@example.com"}}')
  await send(page)
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByRole('table', { name: 'Request history' }).getByRole('row')).toHaveCount(3)

  // Default snippets, in every shell and language, on screen and in the clipboard.
  await page.getByRole('tab', { name: 'Code' }).click()
  for (const target of ['POSIX sh (bash/zsh)', 'PowerShell (curl.exe)', 'Windows cmd', 'Python (requests)', 'Node.js (node:https)']) {
    await page.getByRole('tab', { name: target }).click()
    await page.getByRole('button', { name: 'Copy', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible()
    const shown = (await page.getByRole('region', { name: 'Code snippet' }).textContent()) ?? ''
    const copied = await readClipboard(page)
    expect(copied).toContain('/contacts/search')
    for (const token of tokens) {
      expect(shown).not.toContain(token)
      expect(copied).not.toContain(token)
    }
  }
  await switchWorkspace(page, 'Sandbox EU')

  const files = filesUnder(desk.userData)
  // The scan covers where the data really is: the saved requests and the history are in there.
  const holding = (text: string) => files.filter((f) => readFileSync(f).includes(Buffer.from(text)))
  expect(holding('Typed token, stripped')).not.toEqual([])
  expect(holding('Typed token, vaulted')).not.toEqual([])
  expect(holding('/contacts/search')).not.toEqual([])
  const leaks = files.filter((file) => {
    const bytes = readFileSync(file)
    return tokens.some((token) => needles(token).some((needle) => bytes.includes(needle)))
  })
  expect(leaks, `files holding a token:\n${leaks.join('\n')}`).toEqual([])
})
