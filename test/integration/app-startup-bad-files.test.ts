// Each store file, broken (not JSON) or valid JSON of the wrong shape, at start-up: the app starts
// with everything else, the file is set aside byte for byte, and the user is told.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { dispatchOk, testAppDeps } from '../support/app'
import { createLogger } from '../../src/main/services/core/logger'
import { JsonFileStore } from '../../src/main/services/store'
import { createVault, MemoryVault, type SecretVault } from '../../src/main/services/vault'
import { FakeSafeStorage } from '../../src/main/services/vault/fake-safe-storage'
import { STORE_SHAPES } from '../../src/main/services/store/store-shapes'

const dirs: string[] = []
const apps: TokenDeskApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const logger = createLogger(() => undefined)
/** Every store name a start has opened, so a new store file cannot slip past these tests. */
const opened = new Set<string>()

/** Starts the app as a host does: stores that report what they set aside, a vault, the sandbox. */
async function start(dir: string, desktopVault: boolean): Promise<TokenDeskApp> {
  const notices: string[] = []
  const createStore = (name: string) => {
    opened.add(name)
    return new JsonFileStore({ cwd: dir, name, logger, onNotice: (n) => notices.push(n) })
  }
  // The desktop keeps safeStorage ciphertext in vault.json, as src/main/index.ts does.
  const vault: SecretVault = desktopVault
    ? await createVault({ mode: 'electron', safeStorage: new FakeSafeStorage(), store: createStore('vault'), keyring: false })
    : new MemoryVault()
  const app = await createApp(
    testAppDeps(dir, {
      host: desktopVault ? 'electron' : 'web',
      createStore,
      vault,
      logger,
      notices,
      sandbox: { contacts: 20 }
    })
  )
  apps.push(app)
  return app
}

const call = dispatchOk

const STORE_FILES = [
  { name: 'workspaces', desktop: false, wrongShape: '{"workspaces":"oops"}' },
  { name: 'workspaces', desktop: false, wrongShape: '{"workspaces":[{"id":"ws_1","name":42}],"activeWorkspaceId":"ws_1"}' },
  { name: 'settings', desktop: false, wrongShape: '{"sandboxSeeded":"yes"}' },
  { name: 'scopes', desktop: false, wrongShape: '{"ws_1":"oops"}' },
  { name: 'drafts', desktop: false, wrongShape: '{"session":{"tabs":"oops"}}' },
  { name: 'lending', desktop: false, wrongShape: '{"ws_1":{"allowed":"yes"}}' },
  { name: 'vault', desktop: true, wrongShape: '{"secrets":"oops"}' },
  { name: 'vault', desktop: true, wrongShape: '{"secrets":{"token-desk":{"ws_1:token":{"v":1}}}}' }
]
const BROKEN = '{"workspaces": [ oops'

describe.each(STORE_FILES)('start-up with a bad $name.json', ({ name, desktop, wrongShape }) => {
  it.each([
    ['broken JSON', BROKEN],
    ['valid JSON of the wrong shape', wrongShape],
    ['valid JSON that is not an object', '[1,2]']
  ])('%s: the app starts, the file is set aside unchanged, the user is told', async (_label, content) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-badfile-'))
    dirs.push(dir)
    writeFileSync(path.join(dir, `${name}.json`), content)

    const app = await start(dir, desktop)

    const asides = readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`))
    expect(asides).toHaveLength(1)
    expect(readFileSync(path.join(dir, asides[0]!), 'utf8')).toBe(content)
    const info = await call<{ notices: string[] }>(app, 'app.info')
    expect(info.notices.some((n) => n.includes(`${name}.json`) && n.includes(asides[0]!))).toBe(true)
    // Everything else works: the sandbox workspaces exist, hold their secrets and send.
    const { workspaces } = await call<{ workspaces: Array<{ id: string }> }>(app, 'workspaces.list')
    expect(workspaces.length).toBeGreaterThan(0)
    const sent = await call<{ status: number }>(app, 'requests.send', {
      requestId: 'me',
      workspaceId: workspaces[0]!.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(sent.status).toBe(200)
  })
})

describe('store files', () => {
  it('every store the app opens declares its shape and is covered above', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-badfile-'))
    dirs.push(dir)
    await start(dir, true)
    expect(opened.size).toBeGreaterThan(0)
    for (const name of opened) {
      expect(STORE_SHAPES[name], `${name}.json has no declared shape`).toBeDefined()
      expect(
        STORE_FILES.some((f) => f.name === name),
        `${name}.json has no start-up test`
      ).toBe(true)
    }
  })
})
