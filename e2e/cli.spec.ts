// `tokendesk` against a running Token Desk (browser mode) on one data folder: the command talks
// to the app over its local endpoint, the app's sidebar follows `tokendesk use`, every lend shows
// in Workspace settings, and withdrawing access there is one click that the next command feels.
import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/desk'
import { openExplorer, readClipboard, setRequest } from './fixtures/ui'

const repoRoot = path.resolve(import.meta.dirname, '..')

function tokendesk(userData: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env }
  delete env['TOKEN_DESK_USER_DATA']
  // detached: no controlling terminal, so a withdrawn workspace is refused rather than asked about.
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/tokendesk.mjs'), '--user-data', userData, ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Workspaces' })
const lending = (page: Page) => page.getByRole('region', { name: 'Lend to the command line' })

test.beforeAll(() => {
  // The bundle `npm install` builds; rebuilt here so the spec runs the current source.
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/app/build-cli.mjs')], { cwd: repoRoot })
})

test('a lend shows in Workspace settings and is withdrawn in one click', async ({ page, desk }) => {
  await desk.open(page)
  const me = await tokendesk(desk.userData, ['api', '-w', 'Sandbox EU', '/me'])
  expect(me.stderr).toBe('')
  expect(me.status).toBe(0)
  expect(JSON.parse(me.stdout)).toMatchObject({ type: 'admin', email: expect.stringContaining('eu.sandbox') })

  // The sidebar follows `tokendesk use`.
  expect((await tokendesk(desk.userData, ['use', 'Sandbox EU'])).status).toBe(0)
  await expect(sidebar(page).getByRole('button', { name: /Sandbox EU/ })).toHaveAttribute('aria-current', 'true')

  await page.getByRole('tab', { name: 'Workspace settings' }).click()
  const section = lending(page)
  await expect(section.getByRole('checkbox', { name: 'Lend to the command line' })).toBeChecked()
  const rows = section.getByRole('table', { name: 'Lends to the command line' }).getByRole('row')
  await expect(rows.filter({ hasText: 'tokendesk api' }).filter({ hasText: '/me' })).toHaveCount(1)

  await section.getByRole('button', { name: 'Withdraw access' }).click()
  await expect(section.getByRole('checkbox', { name: 'Lend to the command line' })).not.toBeChecked()

  const refused = await tokendesk(desk.userData, ['run', '-w', 'Sandbox EU', '--', 'sh', '-c', 'echo ran'])
  expect(refused.status).toBe(4)
  expect(refused.stdout).toBe('')
  expect(refused.stderr).toContain('Lend to the command line')

  // Allowed again in the app, the command line works, and the new lend appears at once.
  await section.getByRole('checkbox', { name: 'Lend to the command line' }).check()
  const ran = await tokendesk(desk.userData, ['run', '-w', 'Sandbox EU', '--', 'sh', '-c', 'echo "ran with $INTERCOM_TOKEN"'])
  expect(ran.stdout).toBe('ran with <token:Sandbox EU>\n')
  await expect(rows.filter({ hasText: 'tokendesk run' })).toHaveCount(1)
})

test('the Code tab writes the request as a tokendesk command that runs as it is', async ({ page, desk, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await openExplorer(page)
  await setRequest(page, 'GET', '/contacts')
  await page.getByRole('tab', { name: 'Code' }).click()
  await page.getByRole('tab', { name: 'tokendesk', exact: true }).click()
  const command = page.getByLabel('tokendesk command', { exact: true })
  await expect(command).toHaveText(/^tokendesk api -w '.+' '\/contacts'$/)
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  const copied = await readClipboard(page)
  expect(copied).toBe(await command.textContent())
  // Run exactly what was copied (through a shell), against this Token Desk: no token needed.
  const viaShell = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const env = { ...process.env, TOKEN_DESK_USER_DATA: desk.userData }
    const shell = spawn('sh', ['-c', copied.replace(/^tokendesk /, `${process.execPath} bin/tokendesk.mjs `)], { cwd: repoRoot, env })
    let stdout = ''
    shell.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    shell.on('close', (status) => resolve({ status, stdout }))
  })
  expect(viaShell.status).toBe(0)
  expect(JSON.parse(viaShell.stdout)).toMatchObject({ type: 'list' })
})
