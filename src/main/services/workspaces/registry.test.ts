import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { AppError } from '../../../shared/errors'
import type { Workspace } from '../../../shared/model'
import { MemoryVault } from '../vault/memory-vault'
import { VAULT_SERVICE } from '../vault/types'
import { fetchIntercomIdentity } from './intercom-identity'
import { WorkspaceRegistry, nextColor } from './registry'

/** The KeyValueStore contract in memory; the file-backed store has its own tests. */
class MapStore {
  readonly data = new Map<string, unknown>()
  get = (key: string) => structuredClone(this.data.get(key))
  set = (key: string, value: unknown) => void this.data.set(key, structuredClone(value))
  delete = (key: string) => void this.data.delete(key)
}

let sandbox: Sandbox
let store: MapStore
let vault: MemoryVault
let changes: Workspace[][]
let registry: WorkspaceRegistry
const us = () => sandbox.workspaces.find((w) => w.key === 'us')!
const eu = () => sandbox.workspaces.find((w) => w.key === 'eu')!
const makeRegistry = () =>
  new WorkspaceRegistry({
    store,
    vault,
    resolveApiBase: ({ sandbox: isSandbox }) => (isSandbox ? sandbox.url : null),
    onChange: (list) => changes.push(list),
    clock: { now: () => Date.UTC(2026, 10, 1) }
  })

beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => {
  store = new MapStore()
  vault = new MemoryVault()
  changes = []
  registry = makeRegistry()
})

const addUs = () => registry.addByToken({ token: us().tokens.standard, region: 'US', sandbox: true })

describe('WorkspaceRegistry.addByToken', () => {
  it('verifies the token with GET /me and fills in the workspace from the answer', async () => {
    const ws = await addUs()
    expect(ws).toMatchObject({
      name: us().appName,
      appIdCode: us().appIdCode,
      appName: us().appName,
      region: us().region,
      adminName: us().admin.name,
      adminEmail: us().admin.email,
      authKind: 'access_token',
      sandbox: true,
      vaultBackend: 'memory',
      verifiedAt: '2026-11-01T00:00:00.000Z'
    })
    const token = us().tokens.standard
    expect(ws.tokenPreview).toBe(`${token.slice(0, 4)}…${token.slice(-4)}`)
    expect(JSON.stringify(ws)).not.toContain(token)
    expect(await vault.get(VAULT_SERVICE, `${ws.id}:token`)).toBe(token)
    expect(JSON.stringify([...store.data])).not.toContain(token)
    expect(changes.at(-1)).toEqual([ws])
  })

  it('takes the region from app.region, whatever was picked', async () => {
    const ws = await registry.addByToken({ token: eu().tokens.standard, region: 'US', sandbox: true, name: 'Europe', color: '#123456' })
    expect(ws).toMatchObject({ region: 'EU', name: 'Europe', color: '#123456', appIdCode: eu().appIdCode })
  })

  it('refuses a duplicate of a workspace already present', async () => {
    const first = await addUs()
    const error = await registry.addByToken({ token: us().tokens.extended, region: 'US', sandbox: true }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'conflict', details: { existingId: first.id } })
    expect(registry.list()).toHaveLength(1)
    expect(await vault.findCredentials(VAULT_SERVICE)).toHaveLength(1)
  })

  it("rejects a bad token with Intercom's own error, and stores nothing", async () => {
    const bad = await registry.addByToken({ token: 'dG9rOm5vdC1hLXJlYWwtdG9rZW4=', region: 'US', sandbox: true }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(AppError)
    expect(bad).toMatchObject({ code: 'unauthorized', details: { status: 401, intercomCode: 'unauthorized' } })
    expect((bad as AppError).message).toMatch(/GET \/me failed with HTTP 401: Access Token Invalid \(unauthorized\)/)
    const revoked = await registry.addByToken({ token: us().tokens.revoked, region: 'US', sandbox: true }).catch((e: unknown) => e)
    expect(revoked).toMatchObject({ code: 'unauthorized', details: { intercomCode: 'token_revoked' } })
    expect(registry.list()).toEqual([])
    expect(store.data.size).toBe(0)
    expect(await vault.findCredentials(VAULT_SERVICE)).toEqual([])
  })

  it('validates input before any network call', async () => {
    await expect(registry.addByToken({ token: 'has space in it', region: 'US' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'token' }
    })
    await expect(registry.addByToken({ token: 'abcdefghijkl', region: 'XX' as 'US' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'region' }
    })
    await expect(registry.addByToken({ token: 'abcdefghijkl', region: 'US', color: 'red' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'color' }
    })
  })

  it('reports an unreachable host as a network error', async () => {
    const closed = await startSandbox()
    const url = closed.url
    await closed.close()
    await expect(fetchIntercomIdentity({ apiBase: url, token: 'whatever-token' })).rejects.toMatchObject({ code: 'network' })
  })
})

describe('WorkspaceRegistry lifecycle', () => {
  it('remembers the active workspace across restarts', async () => {
    const a = await addUs()
    const b = await registry.addByToken({ token: eu().tokens.standard, region: 'EU', sandbox: true })
    expect(registry.active()?.id).toBe(a.id)
    registry.setActive(b.id)
    expect(makeRegistry().active()?.id).toBe(b.id)
    expect(() => registry.setActive('nope')).toThrow(expect.objectContaining({ code: 'not_found' }))
  })

  it('updates name, colour, region and version with validation', async () => {
    const ws = await addUs()
    const updated = await registry.update(ws.id, { name: 'Renamed', color: '#abcdef', intercomVersion: 'Preview' })
    expect(updated).toMatchObject({ name: 'Renamed', color: '#abcdef', intercomVersion: 'Preview' })
    await expect(registry.update(ws.id, { intercomVersion: 'latest' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'intercomVersion' }
    })
    await expect(registry.update(ws.id, { name: '' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(registry.get(ws.id).name).toBe('Renamed')
  })

  it('moves a real workspace to the region host when the region changes', async () => {
    const local = new WorkspaceRegistry({
      store,
      vault,
      identify: async () => ({
        adminId: '1',
        adminName: 'A',
        adminEmail: 'a@x',
        emailVerified: true,
        appIdCode: 'abc123',
        appName: 'App',
        region: null
      })
    })
    const ws = await local.addByToken({ token: 'abcdefghijklmnop', region: 'US' })
    expect((await local.credentialFor(ws.id)).apiBase).toBe('https://api.intercom.io')
    await local.update(ws.id, { region: 'AU' })
    expect((await local.credentialFor(ws.id)).apiBase).toBe('https://api.au.intercom.io')
  })

  it('rotates only to a verified token of the same workspace', async () => {
    const ws = await addUs()
    await expect(registry.rotate(ws.id, eu().tokens.standard)).rejects.toMatchObject({ code: 'conflict' })
    await expect(registry.rotate(ws.id, us().tokens.revoked)).rejects.toMatchObject({ code: 'unauthorized' })
    expect(await registry.reveal(ws.id)).toBe(us().tokens.standard)
    const rotated = await registry.rotate(ws.id, us().tokens.extended)
    expect(await registry.reveal(ws.id)).toBe(us().tokens.extended)
    expect(rotated.tokenPreview).toBe(`${us().tokens.extended.slice(0, 4)}…${us().tokens.extended.slice(-4)}`)
  })

  it('keeps a legacy pair marked as retired, then migrates it to a verified Access Token and deletes the pair', async () => {
    const legacy = await registry.addLegacy({ appId: us().appIdCode, apiKey: us().legacyKey.apiKey, region: 'US', name: 'Old keys' })
    expect(legacy).toMatchObject({ authKind: 'legacy_api_key', appIdCode: us().appIdCode, verifiedAt: null })
    expect(await registry.credentialFor(legacy.id)).toMatchObject({
      auth: { kind: 'legacy', appId: us().appIdCode, apiKey: us().legacyKey.apiKey }
    })
    await expect(registry.rotate(legacy.id, us().tokens.standard)).rejects.toMatchObject({ code: 'invalid_input' })
    // The legacy workspace points at the real US host; migrate against the sandbox via a fresh one.
    store.set(
      'workspaces',
      (store.get('workspaces') as object[]).map((w) => ({ ...w, apiBase: sandbox.url }))
    )
    await expect(registry.migrateLegacy(legacy.id, eu().tokens.standard)).rejects.toMatchObject({ code: 'conflict' })
    expect(await vault.get(VAULT_SERVICE, `${legacy.id}:legacy`)).not.toBeNull()
    const migrated = await registry.migrateLegacy(legacy.id, us().tokens.standard)
    expect(migrated).toMatchObject({ authKind: 'access_token', adminEmail: us().admin.email })
    expect(await vault.get(VAULT_SERVICE, `${legacy.id}:legacy`)).toBeNull()
    expect(await registry.credentialFor(legacy.id)).toMatchObject({
      apiBase: sandbox.url,
      auth: { kind: 'bearer', token: us().tokens.standard }
    })
  })

  it('removes a workspace and its secrets; revokes an OAuth token when asked', async () => {
    const client = sandbox.oauthClients[0]!
    const ws = await registry.addFromOAuth({
      accessToken: us().tokens.extended,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      region: 'US',
      sandbox: true
    })
    expect(ws.authKind).toBe('oauth')
    expect(await registry.oauthClientFor(ws.id)).toEqual({ clientId: client.clientId, clientSecret: client.clientSecret })
    registry.setActive(ws.id)
    await registry.remove(ws.id, { revoke: true })
    expect(registry.list()).toEqual([])
    expect(registry.active()).toBeNull()
    expect(await vault.findCredentials(VAULT_SERVICE)).toEqual([])
    await expect(fetchIntercomIdentity({ apiBase: sandbox.url, token: us().tokens.extended })).rejects.toMatchObject({
      details: { intercomCode: 'token_revoked' }
    })
  })

  it('says clearly when a secret is missing from the current vault', async () => {
    const ws = await addUs()
    await vault.delete(VAULT_SERVICE, `${ws.id}:token`)
    await expect(registry.credentialFor(ws.id)).rejects.toMatchObject({
      code: 'vault_unavailable',
      message: expect.stringMatching(/not in the current secret store/)
    })
  })

  it('refuses to start on a malformed workspace list rather than dropping it', () => {
    store.set('workspaces', [{ id: 1 }])
    expect(() => makeRegistry()).toThrow(expect.objectContaining({ code: 'storage' }))
  })
})

describe('default workspace colours', () => {
  it('gives a new workspace a colour no other workspace has, while the palette lasts', () => {
    const first = nextColor([])
    const second = nextColor([first])
    const third = nextColor([first, second])
    expect(new Set([first, second, third]).size).toBe(3)
    // A deleted workspace's colour is reused before any colour repeats.
    expect(nextColor([first, third])).toBe(second)
  })
})
