// "Install command line tool": from the palette or Workspace settings, Token Desk writes a
// `tokendesk` launcher into TOKEN_DESK_BIN_DIR (a fresh folder per test, its path awkward on
// purpose) and says where; the launcher then works from a real shell on the same data folder.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test as deskTest, expect } from './support/desk'
import { readClipboard, runCommand } from './fixtures/ui'

const repoRoot = path.resolve(import.meta.dirname, '..')

const test = deskTest.extend<{ binDir: string; binOnPath: boolean }>({
  binOnPath: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  binDir: async ({}, use) => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "tokendesk bin it's "))
    // Not there yet: installing creates it.
    await use(path.join(parent, 'bin'))
    rmSync(parent, { recursive: true, force: true })
  },
  deskEnv: async ({ binDir, binOnPath }, use) => {
    await use({ TOKEN_DESK_BIN_DIR: binDir, PATH: binOnPath ? `${binDir}:${process.env['PATH']}` : (process.env['PATH'] ?? '') })
  }
})

test.beforeAll(() => {
  // The bundle `npm install` builds, which the launcher runs through bin/tokendesk.mjs.
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/app/build-cli.mjs')], { cwd: repoRoot })
})

/** A script run by a real shell, with the data folder in $DATA, as a person would type it. */
function shell(
  script: string,
  data: string,
  extra: Record<string, string> = {}
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { HOME: os.homedir(), PATH: '/usr/bin:/bin', DATA: data, ...extra }
  const child = spawn('bash', ['-c', script], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text })

test('the palette installs tokendesk, says where and how to reach it, and it lists this Token Desk’s workspaces', async ({
  page,
  desk,
  binDir,
  context
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await desk.open(page)
  await runCommand(page, 'Install command line tool')
  const launcher = path.join(binDir, 'tokendesk')
  const installed = toast(page, 'Installed tokendesk at')
  await expect(installed).toContainText(`Installed tokendesk at ${launcher}.`)
  await expect(installed).toContainText('Its folder is not on your PATH; add it with: export PATH=')
  expect(readFileSync(launcher, 'utf8')).toMatch(/^#!\/bin\/sh\n# Written by Token Desk/)

  // The PATH line, copied from the toast, then `tokendesk` by name, from a shell.
  await installed.getByRole('button', { name: 'Copy PATH line' }).click()
  const line = await readClipboard(page)
  const listed = await shell(`${line}\ntokendesk workspaces --user-data "$DATA"`, desk.userData)
  expect(listed.stderr).toBe('')
  expect(listed.status).toBe(0)
  expect(listed.stdout).toContain('Sandbox US')
  expect(listed.stdout).toContain('Sandbox EU')
})

test.describe('with the folder already on the PATH', () => {
  test.use({ binOnPath: true })

  test('Workspace settings installs it too, refuses a tokendesk it did not write, and installs once that is gone', async ({
    page,
    desk,
    binDir
  }) => {
    await desk.open(page)
    const theirs = path.join(binDir, 'tokendesk')
    mkdirSync(binDir, { recursive: true })
    writeFileSync(theirs, '#!/bin/sh\necho "someone else\'s tokendesk"\n', { mode: 0o755 })

    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Workspace settings' }).click()
    const section = page.getByRole('region', { name: 'Lend to the command line' })
    await section.getByRole('button', { name: 'Install command line tool' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Could not install the command line tool.' })).toContainText(
      `There is already a tokendesk in ${binDir} that Token Desk did not write`
    )
    expect(readFileSync(theirs, 'utf8')).toBe('#!/bin/sh\necho "someone else\'s tokendesk"\n')

    rmSync(theirs)
    await section.getByRole('button', { name: 'Install command line tool' }).click()
    const installed = toast(page, 'Installed tokendesk at')
    await expect(installed).toHaveText(new RegExp(`^Installed tokendesk at ${escape(theirs)}\\.`))
    await expect(installed).not.toContainText('PATH')

    const listed = await shell('"$LAUNCHER" workspaces --json --user-data "$DATA"', desk.userData, { LAUNCHER: theirs })
    expect(listed.stderr).toBe('')
    const rows = JSON.parse(listed.stdout) as Array<{ name: string }>
    expect(rows.map((r) => r.name).sort()).toEqual(['Sandbox EU', 'Sandbox US'])
  })
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
