// A second start on the same data folder: the sandbox workspaces must follow the embedded sandbox to
// its new port (it takes an ephemeral one on every start) in both vault modes, and no credential may
// go to the port an earlier run used, which another process may hold by now.
// Keychain mode needs a Secret Service: `bash scripts/test/with-keyring.sh npx vitest run test/integration/workspaces-restart.test.ts`.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { dispatchOk, testAppDeps } from '../support/app'
import { JsonFileStore } from '../../src/main/services/store'
import { KeyringVault, MemoryVault, type SecretVault } from '../../src/main/services/vault'

const keyring = new KeyringVault()
const probe = await keyring.probe()
if (!probe.ok) {
  if (process.env.CI === 'true') throw new Error(`CI=true but no Secret Service is reachable: ${probe.reason}`)
  console.warn(`[keychain restart test skipped] no Secret Service reachable (${probe.reason}); run it with scripts/test/with-keyring.sh`)
}
afterAll(() => keyring.close())

const dirs: string[] = []
const apps: TokenDeskApp[] = []
const decoys: Server[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose()
  for (const decoy of decoys.splice(0)) await new Promise((resolve) => decoy.close(resolve))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const memoryVault = () => new MemoryVault()

async function start(dir: string, vault: SecretVault): Promise<TokenDeskApp> {
  const app = await createApp(
    testAppDeps(dir, {
      vault,
      sandbox: { contacts: 20 }
    })
  )
  apps.push(app)
  return app
}

const call = dispatchOk

type Listed = { workspaces: Array<{ id: string; name: string; sandbox: boolean }> }
type Sent = { status: number; bodyText: string | null }

/** Listens on the port an earlier sandbox used and records every request it gets. */
async function decoyOn(port: number): Promise<IncomingHttpHeaders[]> {
  const seen: IncomingHttpHeaders[] = []
  const decoy = createServer((req, res) => {
    seen.push(req.headers)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"admin","id":"decoy"}')
  })
  await new Promise<void>((resolve, reject) => decoy.once('error', reject).listen(port, '127.0.0.1', resolve))
  decoys.push(decoy)
  return seen
}

async function restartTwice(vault: () => SecretVault) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'td-restart-'))
  dirs.push(dir)
  const first = await start(dir, vault())
  const firstList = await call<Listed>(first, 'workspaces.list')
  expect(firstList.workspaces.map((w) => w.name)).toEqual(['Sandbox US', 'Sandbox EU'])
  const oldPort = Number(new URL(first.sandboxUrl!).port)
  await first.dispose()
  apps.splice(apps.indexOf(first), 1)

  // Another process takes the old port before the second start.
  const seenByDecoy = await decoyOn(oldPort)
  const second = await start(dir, vault())
  expect(second.sandboxUrl).not.toBe(first.sandboxUrl)
  const { workspaces } = await call<Listed>(second, 'workspaces.list')
  expect(workspaces.map((w) => w.id)).toEqual(firstList.workspaces.map((w) => w.id))

  for (const ws of workspaces) {
    const sent = await call<Sent>(second, 'requests.send', {
      requestId: `me-${ws.id}`,
      workspaceId: ws.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(sent.status).toBe(200)
    expect(JSON.parse(sent.bodyText!)).toMatchObject({ type: 'admin', app: { name: expect.any(String) } })
  }
  // Rotate verifies the new token against the sandbox as it runs now.
  const us = second.sandbox!.workspaces.find((w) => w.key === 'us')!
  await call(second, 'workspaces.rotate', { id: workspaces[0]!.id, token: us.tokens.standard })
  const afterRotate = await call<Sent>(second, 'requests.send', {
    requestId: 'admins',
    workspaceId: workspaces[0]!.id,
    draft: { method: 'GET', path: '/admins' }
  })
  expect(afterRotate.status).toBe(403) // the standard token lacks read_admins: the rotation took effect

  expect(seenByDecoy).toEqual([])
  for (const ws of workspaces) await call(second, 'workspaces.remove', { id: ws.id })
}

describe('a second start on the same data folder', () => {
  it('memory-only vault: both sandbox workspaces send to the new sandbox, never to the old port', async () => {
    await restartTwice(memoryVault)
  })

  it.runIf(probe.ok)('OS keychain: both sandbox workspaces send to the new sandbox, never to the old port', async () => {
    await restartTwice(() => keyring)
  })

  it('after the app stops, a sandbox workspace has no address at all', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-restart-'))
    dirs.push(dir)
    const app = await start(dir, memoryVault())
    const { workspaces } = await call<Listed>(app, 'workspaces.list')
    const port = Number(new URL(app.sandboxUrl!).port)
    await app.dispose()
    apps.splice(apps.indexOf(app), 1)
    const seen = await decoyOn(port)
    const result = await app.dispatch('requests.send', {
      requestId: 'late',
      workspaceId: workspaces[0]!.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('embedded sandbox is not running') } })
    expect(seen).toEqual([])
  })

  it('a sandbox whose server stopped during the run gets no credential, whoever takes its port', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-restart-'))
    dirs.push(dir)
    const app = await start(dir, memoryVault())
    const { workspaces } = await call<Listed>(app, 'workspaces.list')
    const port = Number(new URL(app.sandboxUrl!).port)
    await app.sandbox!.close() // the app itself keeps running
    const seen = await decoyOn(port)
    const result = await app.dispatch('requests.send', {
      requestId: 'stopped',
      workspaceId: workspaces[0]!.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('embedded sandbox is not running') } })
    expect(seen).toEqual([])
  })

  it('a workspace file from an earlier version, holding an old sandbox port, is not trusted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-restart-'))
    dirs.push(dir)
    const first = await start(dir, memoryVault())
    const store = new JsonFileStore({ cwd: dir, name: 'workspaces' })
    const seen = await decoyOn(0).catch(() => [])
    const decoyPort = (decoys.at(-1)!.address() as { port: number }).port
    // What earlier versions wrote: the port of the day.
    store.set(
      'workspaces',
      (store.get('workspaces') as Array<Record<string, unknown>>).map((w) => ({ ...w, apiBase: `http://127.0.0.1:${decoyPort}` }))
    )
    const { workspaces } = await call<Listed>(first, 'workspaces.list')
    const sent = await call<Sent>(first, 'requests.send', {
      requestId: 'me',
      workspaceId: workspaces[1]!.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(sent.status).toBe(200)
    expect(seen).toEqual([])
  })
})

describe('a sandbox workspace and its official host', () => {
  it('treats a full URL on the region’s official host as the sandbox, and still refuses any other host', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-host-'))
    dirs.push(dir)
    const app = await start(dir, memoryVault())
    const { workspaces } = await call<Listed>(app, 'workspaces.list')
    const eu = workspaces.find((w) => w.name === 'Sandbox EU')!
    const sent = await call<Sent & { url: string }>(app, 'requests.send', {
      requestId: 'eu-contacts',
      workspaceId: eu.id,
      draft: { method: 'GET', path: 'https://api.eu.intercom.io/contacts?per_page=1' }
    })
    expect(sent.status).toBe(200)
    expect(sent.url).toBe(`${app.sandboxUrl}/contacts?per_page=1`)
    const foreign = await app.dispatch('requests.send', {
      requestId: 'us-host',
      workspaceId: eu.id,
      draft: { method: 'GET', path: 'https://api.intercom.io/contacts' }
    })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
