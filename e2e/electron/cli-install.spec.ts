// "Install command line tool" in the desktop app: the launcher runs Electron itself with the
// `--tokendesk-cli` marker, and the app runs the command line in its process with no window. It
// needs Electron's binary (downloaded from GitHub on first use); where that is impossible the spec
// skips with one reason, and browser mode's e2e/cli-install.spec.ts covers the same UI.
import { test, expect, _electron as electron } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { binary, SKIP_REASON } from './binary'

if (!binary) console.log(`electron cli-install e2e skipped: ${SKIP_REASON}`)
test.skip(!binary, SKIP_REASON)

function bash(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', script], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

test('the installed launcher runs the command line through the app, with no window', async () => {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'token-desk-electron-'))
  const binDir = path.join(mkdtempSync(path.join(os.tmpdir(), "tokendesk bin it's ")), 'bin')
  const app = await electron.launch({
    executablePath: binary!,
    args: ['out/main/index.js', ...(process.platform === 'linux' ? ['--password-store=gnome-libsecret'] : [])],
    env: { ...process.env, TOKEN_DESK_USER_DATA: userData, TOKEN_DESK_BIN_DIR: binDir }
  })
  try {
    const page = await app.firstWindow()
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible()
    await page.keyboard.press('Control+K')
    await page.getByRole('textbox', { name: 'Type a command' }).fill('Install command line tool')
    await page.getByRole('textbox', { name: 'Type a command' }).press('Enter')
    const launcher = path.join(binDir, 'tokendesk')
    await expect(page.getByRole('status').filter({ hasText: 'Installed tokendesk at' })).toContainText(launcher)
    expect(readFileSync(launcher, 'utf8')).toContain(`'--tokendesk-cli' '--' "$@"`)

    const help = await bash('"$LAUNCHER" --help', { LAUNCHER: launcher })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('tokendesk')
    // Talks to the running app over its endpoint, from a second Electron process with no window.
    const listed = await bash('"$LAUNCHER" workspaces --json --user-data "$DATA"', { LAUNCHER: launcher, DATA: userData })
    expect(listed.status).toBe(0)
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((w) => w.name).sort()).toEqual(['Sandbox EU', 'Sandbox US'])
    expect(app.windows()).toHaveLength(1)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
    rmSync(path.dirname(binDir), { recursive: true, force: true })
  }
})
