// Composing and sending requests, driven as a person would: switch auth modes, read the 401/403
// explanations, keep the path and its Params in step, and show an answer only beside the request that got it.
import { test, expect } from './support/desk'
import { openExplorer, responseStatus, responseTab, send, setRequest, whyItFailed } from './fixtures/ui'

test('auth modes, a 401 and a 403 with their explanations', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/me')

  const preview = page.getByTestId('auth-preview')
  await expect(preview).toHaveText(/^Authorization: Bearer \S+…\S+$/)
  await page.getByRole('radio', { name: 'Basic' }).check()
  await expect(preview).toHaveText(/^Authorization: Basic base64\(\S+…\S+:\)$/)
  await expect(page.getByRole('radio', { name: 'Legacy app_id:api_key' })).toBeDisabled()
  await page.keyboard.press('Control+Enter')
  await expect(responseStatus(page)).toContainText('200')
  await responseTab(page, 'Headers').click()
  await expect(page.getByRole('table', { name: /Request headers/ })).toContainText('Basic ')

  await page.getByRole('radio', { name: 'None' }).check()
  await expect(preview).toHaveText('No Authorization header is sent.')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(responseStatus(page)).toContainText('401')
  await expect(whyItFailed(page)).toContainText(/token is invalid|invalid or missing token/i)

  // Sandbox EU has a standard-scope token: listing admins needs the extended read_admins.
  await page.getByRole('radio', { name: 'Bearer' }).check()
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await expect(page.getByText(/Sending as\s*Sandbox EU/)).toBeVisible()
  await setRequest(page, 'GET', '/admins')
  await page.keyboard.press('Control+Enter')
  await expect(responseStatus(page)).toContainText('403')
  await expect(whyItFailed(page)).toContainText('read_admins')
  await expect(whyItFailed(page)).toContainText(/Developer Hub/)
})

test('a query typed into the path fills Params, and Params edits show in the path', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  const path = page.getByLabel('Path', { exact: true })
  await setRequest(page, 'GET', '/contacts?per_page=2&name=a%20b')
  await page.getByRole('tab', { name: /^Params/ }).click()
  await expect(page.getByLabel('Query parameter per_page value')).toHaveValue('2')
  await expect(page.getByLabel('Query parameter name value')).toHaveValue('a b')
  // Leaving the field shows the path exactly as it will be sent.
  await path.blur()
  await expect(path).toHaveValue('/contacts?per_page=2&name=a%20b')
  await page.getByLabel('Query parameter per_page value').fill('5')
  await expect(path).toHaveValue('/contacts?per_page=5&name=a%20b')
  await page.getByRole('checkbox', { name: 'Send query parameter name' }).uncheck()
  await expect(path).toHaveValue('/contacts?per_page=5')
  await page.keyboard.press('Control+Enter')
  await expect(responseStatus(page)).toContainText('200')
})

test('a response is shown with the request that produced it, or not at all', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  const method = page.getByRole('combobox', { name: 'Method' })
  const path = page.getByRole('textbox', { name: 'Path' })
  const nothingYet = page.getByText('Send a request (Ctrl/Cmd+Enter) to see the response here.')

  await setRequest(page, 'GET', '/me')
  await send(page)
  await expect(responseStatus(page)).toContainText('200')
  // Another method makes it another request: the answer to GET /me goes.
  await method.selectOption('POST')
  await expect(responseStatus(page)).toHaveCount(0)
  await expect(nothingYet).toBeVisible()

  // Sandbox EU's standard token lacks read_admins: a 403 with its explanation, then the path is edited.
  await page.getByRole('button', { name: /Sandbox EU/ }).click()
  await setRequest(page, 'GET', '/contacts')
  await send(page)
  await setRequest(page, 'GET', '/admins')
  await send(page)
  await expect(whyItFailed(page)).toContainText('read_admins')
  await path.fill('/admins/1')
  await expect(whyItFailed(page)).toHaveCount(0)
  await expect(responseStatus(page)).toHaveCount(0)

  // A refused send leaves an error line; editing the path takes it away.
  await path.fill('https://example.com/contacts')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const refused = page.getByRole('alert').filter({ hasText: 'only to' })
  await expect(refused).toBeVisible()
  await path.fill('/contacts')
  await expect(refused).toHaveCount(0)

  // A restored history entry shows its own stored answer, never the one on screen before.
  await path.fill('/admins')
  await send(page)
  await expect(whyItFailed(page)).toBeVisible()
  await page.getByRole('tab', { name: 'History' }).click()
  await page.getByRole('table', { name: 'Request history' }).getByRole('button', { name: 'GET /contacts', exact: true }).click()
  await expect(path).toHaveValue('/contacts')
  await expect(responseStatus(page)).toContainText('200')
  await expect(whyItFailed(page)).toHaveCount(0)
  // …and it goes once the restored request is changed.
  await method.selectOption('DELETE')
  await expect(responseStatus(page)).toHaveCount(0)
  await expect(nothingYet).toBeVisible()
})

test('a query that rows would send differently stays in the path and is sent as typed', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  const path = page.getByLabel('Path', { exact: true })
  await setRequest(page, 'GET', '/contacts?per_page=2&flag')
  await page.getByRole('tab', { name: /^Params/ }).click()
  await path.blur()
  await expect(path).toHaveValue('/contacts?per_page=2&flag')
  await expect(page.getByRole('note').filter({ hasText: 'sent exactly as typed' })).toContainText('?per_page=2&flag')
  await expect(page.getByLabel('Query parameter per_page value')).toHaveCount(0)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(responseStatus(page)).toContainText('200')
  await page.getByRole('button', { name: 'As sent' }).click()
  await expect(page.getByRole('region', { name: 'As sent' }).getByLabel('Request line and headers')).toContainText(
    /^GET http:\/\/127\.0\.0\.1:\d+\/contacts\?per_page=2&flag\s/
  )
  // Removing `flag` makes the query one rows can carry: it moves into Params.
  await setRequest(page, 'GET', '/contacts?per_page=2')
  await expect(page.getByLabel('Query parameter per_page value')).toHaveValue('2')
})

test('the Headers tab lists every header Token Desk adds, and they are what "As sent" shows', async ({ page, desk }) => {
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'POST', '/contacts/search')
  await page.getByRole('tab', { name: /^Headers/ }).click()
  const added = page.getByRole('region', { name: 'Headers Token Desk adds' })
  await expect(added.getByRole('listitem')).toHaveText([
    'Accept: application/json',
    'Accept-Encoding: gzip, deflate',
    'User-Agent: TokenDesk/0.1',
    /^Intercom-Version: \d\.\d+$/,
    'Content-Length: 0'
  ])
  // A row of the same name replaces the default: it leaves the list.
  await page.getByRole('button', { name: /Add header/i }).click()
  await page.getByRole('textbox', { name: /Header 1 name/i }).fill('Accept')
  await page.getByRole('textbox', { name: 'Header Accept value' }).fill('application/json, text/plain')
  await expect(added.getByRole('listitem').filter({ hasText: /^Accept:/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(responseStatus(page)).toContainText(/\d{3}/)
  await page.getByRole('button', { name: 'As sent' }).click()
  const sent = page.getByRole('region', { name: 'As sent' }).getByLabel('Request line and headers')
  for (const line of await added.getByRole('listitem').allTextContents()) await expect(sent).toContainText(line)
  await expect(sent).toContainText('Accept: application/json, text/plain')
})
