// ST-1: tokens written through the services never reach disk in plaintext.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { loopbackCertificate } from '../oauth/loopback-certificate'
import { JsonFileStore } from '../store/json-file-store'
import { FakeSafeStorage } from '../vault/fake-safe-storage'
import { SafeStorageVault } from '../vault/safe-storage-vault'
import { WorkspaceRegistry } from './registry'

let sandbox: Sandbox
let dir: string
beforeAll(async () => {
  sandbox = await startSandbox()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-plain-'))
})
afterAll(async () => {
  await sandbox.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function allFiles(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? allFiles(path.join(root, e.name)) : [path.join(root, e.name)]))
}

it('no secret appears in any file the services write, in any common encoding', async () => {
  const vault = new SafeStorageVault({
    safeStorage: new FakeSafeStorage(),
    store: new JsonFileStore({ cwd: dir, name: 'secrets' }),
    backend: { id: 'safeStorage', label: 'test', secure: true, persistent: true, notice: null }
  })
  const registry = new WorkspaceRegistry({
    store: new JsonFileStore({ cwd: dir, name: 'settings' }),
    vault,
    resolveApiBase: () => sandbox.url
  })
  const [us, eu] = sandbox.workspaces
  const client = sandbox.oauthClients[0]!
  await registry.addByToken({ token: us!.tokens.standard, region: 'US', sandbox: true })
  const oauthWs = await registry.addFromOAuth({
    accessToken: eu!.tokens.extended,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    region: 'EU',
    sandbox: true
  })
  await registry.rotate(oauthWs.id, eu!.tokens.standard)
  await registry.addLegacy({ appId: 'legacyapp', apiKey: 'legacy-api-key-0123456789abcdef', region: 'AU', name: 'Legacy' })
  const tls = await loopbackCertificate(vault)

  const secrets = [us!.tokens.standard, eu!.tokens.extended, eu!.tokens.standard, client.clientSecret, 'legacy-api-key-0123456789abcdef']
  const keyBody = tls.key
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('')
  const needles = secrets.flatMap((s) => [Buffer.from(s), Buffer.from(Buffer.from(s).toString('base64')), Buffer.from(s, 'utf16le')])
  needles.push(Buffer.from(keyBody.slice(0, 40)))

  const files = allFiles(dir)
  expect(files.map((f) => path.basename(f)).sort()).toEqual(['secrets.json', 'settings.json'])
  for (const file of files) {
    const bytes = fs.readFileSync(file)
    for (const needle of needles) expect(bytes.includes(needle), `${path.basename(file)} contains a secret`).toBe(false)
  }
  // And the secrets really are there, encrypted: the registry can still read them.
  expect(await registry.reveal(oauthWs.id)).toBe(eu!.tokens.standard)
})
