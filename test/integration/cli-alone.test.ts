// `tokendesk` with no Token Desk running: it runs the services itself for the length of the
// command, with the OS keychain when there is one and memory-only secrets when there is none.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BIN, baseEnv, buildCli, runCli, tempFolder } from '../support/cli'

const folders: Array<{ remove(): void }> = []
const fresh = () => {
  const folder = tempFolder()
  folders.push(folder)
  return folder.dir
}

beforeAll(() => buildCli(), 60_000)
afterEach(() => folders.splice(0).forEach((f) => f.remove()))

const hasKeyringTools = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], { stdio: 'ignore' })
    return true
  } catch {
    console.log(
      '[keyring case skipped] dbus-run-session or gnome-keyring-daemon is missing (node scripts/test/ensure-system-deps.mjs installs them)'
    )
    return false
  }
})()

describe('tokendesk with no app running', () => {
  it('works with no keychain: memory-only secrets, the sandbox served in-process, nothing left behind', async () => {
    const userData = fresh()
    const listed = await runCli(['workspaces', '--json', '--user-data', userData])
    expect(listed.status).toBe(0)
    const rows = JSON.parse(listed.stdout) as Array<{ name: string; secretStore: string }>
    expect(rows.map((r) => r.secretStore)).toEqual(['memory', 'memory'])

    const other = fresh()
    const script = 'curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $INTERCOM_TOKEN" "$INTERCOM_API_BASE/me"'
    const run = await runCli(['run', '--user-data', other, '-w', 'Sandbox US', '--', 'sh', '-c', script])
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('200')
    // The writer lock and the socket go with the command.
    expect(existsSync(path.join(other, 'writer.lock'))).toBe(false)
    expect(readdirSync(other).filter((f) => f.endsWith('.sock'))).toEqual([])
  })

  it.runIf(hasKeyringTools)('keeps the secrets in the OS keychain across commands', async () => {
    const userData = fresh()
    const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} workspaces --json --user-data ${JSON.stringify(userData)}`
    const result = await runCli([], {
      command: ['bash', 'scripts/test/with-keyring.sh', 'sh', '-c', `${cli} >/dev/null && ${cli}`],
      env: baseEnv()
    })
    expect(result.status).toBe(0)
    const rows = JSON.parse(result.stdout) as Array<{ secretStore: string; secretAvailable: boolean }>
    // The second command found what the first stored: the keychain, not this process's memory.
    expect(rows).toEqual([
      expect.objectContaining({ secretStore: 'keyring', secretAvailable: true }),
      expect.objectContaining({ secretStore: 'keyring', secretAvailable: true })
    ])
  })

  it('lets several commands share one fresh folder: one writes, the others wait or talk to it', async () => {
    const userData = fresh()
    const runs = await Promise.all([
      runCli(['workspaces', '--json', '--user-data', userData]),
      runCli(['use', 'Sandbox EU', '--user-data', userData]),
      runCli(['workspaces', '--json', '--user-data', userData]),
      runCli(['use', 'Sandbox EU', '--user-data', userData])
    ])
    expect(runs.map((r) => r.stderr)).toEqual(['', '', '', ''])
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0])
    const files = readdirSync(userData)
    expect(files.filter((f) => /corrupt|\.tmp|writer\.lock/.test(f))).toEqual([])
    const stored = JSON.parse(readFileSync(path.join(userData, 'workspaces.json'), 'utf8')) as { workspaces: unknown[] }
    expect(stored.workspaces).toHaveLength(2)
  })

  it('says in one line to start Token Desk for a secret only the desktop app can open', async () => {
    const userData = fresh()
    await runCli(['workspaces', '--user-data', userData])
    const file = path.join(userData, 'workspaces.json')
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { workspaces: Array<Record<string, unknown>> }
    const desktop = {
      ...stored.workspaces[0]!,
      id: 'ws_desktop',
      name: 'Acme',
      sandbox: false,
      vaultBackend: 'safeStorage',
      apiBase: 'https://api.intercom.io',
      appIdCode: 'acme1234'
    }
    writeFileSync(file, JSON.stringify({ ...stored, workspaces: [...stored.workspaces, desktop] }))
    writeFileSync(path.join(userData, 'lending.json'), JSON.stringify({ ws_desktop: { allowed: true } }))
    const result = await runCli(['token', '-w', 'Acme', '--user-data', userData])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('tokendesk: Start Token Desk to lend the token of Acme\n')
    expect(result.stdout).toBe('')
  })
})
