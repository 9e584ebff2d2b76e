import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test, expect } from './support/desk'
import { openExplorer, runCommand, savedTree } from './fixtures/ui'

const COLLECTION = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'intercom-collection.json')
// Looks like an Intercom token; it is not one, and it never leaves this machine.
const PASTED_TOKEN = 'dG9rOmE1YjZjN2Q4XzEyMzRfNDU2N185ODc2XzEyMzQ1Njc4OWFiYzoxOjA='

test('a curl command from the docs becomes the composer request; its token is offered to the vault, masked', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await runCommand(page, 'Import curl command')
  const dialog = page.getByRole('dialog', { name: 'Import curl command' })
  await dialog
    .getByLabel('curl command')
    .fill(
      [
        'curl -i -X POST \\',
        '  https://api.intercom.io/contacts \\',
        `  -H 'Authorization: Bearer ${PASTED_TOKEN}' \\`,
        "  -H 'Content-Type: application/json' \\",
        "  -H 'Intercom-Version: 2.16' \\",
        `  --data-raw '{"role":"user","email":"ada@example.com","name":"Ada O'\\''Neil"}'`
      ].join('\n')
    )
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByRole('status')).toContainText('Loaded into the composer: POST /contacts')

  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('-i')
  const credential = dialog.getByRole('group', { name: 'Credential found' })
  await expect(credential).toContainText('dG9r…OjA=')
  await expect(credential).not.toContainText(PASTED_TOKEN)
  await expect(credential.getByRole('button', { name: 'Add it to the vault as a new workspace' })).toBeVisible()
  await expect(credential.getByLabel('Region')).toHaveValue('US')
  await credential.getByRole('button', { name: 'Ignore' }).click()
  await expect(credential).toContainText('Ignored')
  await dialog.getByRole('button', { name: 'Done' }).click()

  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST')
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/contacts')
  await expect(page.getByRole('combobox', { name: 'Intercom-Version' })).toHaveValue('2.16')
  await page.getByRole('tab', { name: /^Headers/ }).click()
  const headers = page.getByRole('table', { name: 'Header' })
  await expect(headers.locator('input[value="Authorization" i]')).toHaveCount(0)
  await expect(page.locator(`input[value*="${PASTED_TOKEN.slice(8, 24)}"]`)).toHaveCount(0)
  await page.getByRole('tab', { name: 'Body' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Body' })).toContainText("Ada O'Neil")
})

test('a bad curl command gets an error that names the problem', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await runCommand(page, 'Import curl command')
  const dialog = page.getByRole('dialog', { name: 'Import curl command' })
  await dialog.getByLabel('curl command').fill('wget https://api.intercom.io/me')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByRole('alert')).toContainText(/curl/i)
})

test('a Postman collection imports into the Saved tree with a report, and exports back', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await runCommand(page, 'Import Postman collection')
  const dialog = page.getByRole('dialog', { name: 'Import Postman collection' })
  await dialog.getByLabel('Collection file (v2.1 JSON)').setInputFiles(COLLECTION)
  await expect(dialog.getByText('Read intercom-collection.json.')).toBeVisible()
  await dialog.getByLabel('Folder').fill('Imported')
  await dialog.getByRole('button', { name: 'Import' }).click()

  await expect(dialog.getByRole('status')).toContainText('Imported 5 of 5 requests in 4 folders from “Intercom API (e2e)”')
  const notImported = dialog.getByRole('region', { name: 'Not imported or changed' })
  await expect(notImported).toContainText('Conversations / Reply with an attachment')
  await expect(notImported).toContainText('"formdata" body')
  await expect(notImported).toContainText('prerequest script')
  const credentials = dialog.getByRole('region', { name: 'Credentials found' })
  await expect(credentials).toContainText('NOT imported')
  await expect(credentials).toContainText('dG9r…ZWFs')
  await expect(credentials).not.toContainText('dG9rOmUyZV9maXh0dXJlX3Rva2VuX25vdF9yZWFs')
  await expect(dialog.getByRole('region', { name: 'Variables left as text' })).toContainText('{{email}}')
  await dialog.getByRole('button', { name: 'Done' }).click()

  for (const folder of ['Imported', 'Admins', 'Contacts', 'Search', 'Conversations']) {
    await expect(savedTree(page).getByRole('button', { name: folder, exact: true })).toBeVisible()
  }
  await savedTree(page).getByRole('button', { name: 'Search contacts by email', exact: true }).click()
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST')
  await expect(page.getByRole('textbox', { name: 'Path' })).toHaveValue('/contacts/search')

  await runCommand(page, 'Export Postman collection')
  const exportDialog = page.getByRole('dialog', { name: 'Export Postman collection' })
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Download' }).click()])
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { info: { schema: string }; item: unknown[] }
  expect(exported.info.schema).toContain('v2.1')
  const text = JSON.stringify(exported)
  expect(text).toContain('Search contacts by email')
  expect(text).not.toContain('dG9rOmUyZV9maXh0dXJlX3Rva2VuX25vdF9yZWFs')
})
