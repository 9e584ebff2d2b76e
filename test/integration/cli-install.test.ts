// "Install command line tool" through the composed app: the renderer's door answers it (it is not
// one of the command line's own calls), with the launcher command the host gave, into the folder
// TOKEN_DESK_BIN_DIR names; a host that gave none says so.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'

let app: TokenDeskApp | null = null
const dirs: string[] = []
const temp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'td-install-'))
  dirs.push(dir)
  return dir
}

afterEach(async () => {
  await app?.dispose()
  app = null
  vi.unstubAllEnvs()
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

it.runIf(process.platform !== 'win32')('installs the host’s launcher from the renderer’s door, into TOKEN_DESK_BIN_DIR', async () => {
  const bin = path.join(temp(), 'bin')
  vi.stubEnv('TOKEN_DESK_BIN_DIR', bin)
  vi.stubEnv('PATH', `/usr/bin:${bin}`)
  app = await createApp(testAppDeps(temp(), { sandbox: false, cliLauncher: ['/opt/Token Desk/token-desk', '--tokendesk-cli', '--'] }))
  const result = await app.dispatch('cli.install', undefined)
  expect(result).toEqual({ ok: true, value: { path: path.join(bin, 'tokendesk'), onPath: true, pathHint: null } })
  expect(readFileSync(path.join(bin, 'tokendesk'), 'utf8')).toContain(`exec '/opt/Token Desk/token-desk' '--tokendesk-cli' '--' "$@"`)
})

it('says so when the host has no command line tool to install', async () => {
  vi.stubEnv('TOKEN_DESK_BIN_DIR', path.join(temp(), 'bin'))
  app = await createApp(testAppDeps(temp(), { sandbox: false }))
  expect(await app.dispatch('cli.install', undefined)).toEqual({
    ok: false,
    error: { code: 'not_found', message: 'This Token Desk has no command line tool to install.' }
  })
})
