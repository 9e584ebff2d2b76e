// A first start while the embedded sandbox fails every request: the app starts, says what failed,
// and keeps trying to create the sandbox workspaces until the sandbox answers.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { createLogger } from '../../src/main/services/core/logger'
import { JsonFileStore } from '../../src/main/services/store'
import { MemoryVault } from '../../src/main/services/vault'
import { spawnDocumentWorkerFromSource } from '../../src/main/node/document-worker'

let app: TokenDeskApp | null = null
let dir = ''
afterEach(async () => {
  await app?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function call<T>(name: string, input?: unknown): Promise<T> {
  const result = await app!.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

it('starts on a sandbox that fails every request, says so, and creates the workspaces once it answers', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-first-'))
  app = await createApp({
    host: 'web',
    version: '0.0.0-test',
    platform: 'test',
    userData: dir,
    createStore: (name) => new JsonFileStore({ cwd: dir, name }),
    vault: new MemoryVault(),
    opener: { openExternal: async () => undefined },
    clipboard: null,
    spawnDocumentWorker: spawnDocumentWorkerFromSource,
    logger: createLogger(() => undefined),
    sandbox: { contacts: 20, faults: { errorRate: 1 } },
    sandboxRetryMs: { first: 50, max: 200 }
  })
  const info = await call<{ notices: string[] }>('app.info')
  expect(info.notices.join('\n')).toMatch(/sandbox workspaces could not be created yet \(Sandbox US: .+\).*keeps trying/)
  expect((await call<{ workspaces: unknown[] }>('workspaces.list')).workspaces).toEqual([])

  app.sandbox!.setFaults({ errorRate: 0 })
  await vi.waitFor(async () => expect((await call<{ workspaces: unknown[] }>('workspaces.list')).workspaces).toHaveLength(2), {
    timeout: 5_000
  })
  expect((await call<{ notices: string[] }>('app.info')).notices.join('\n')).not.toMatch(/could not be created/)
  expect(new JsonFileStore({ cwd: dir, name: 'settings' }).get('sandboxSeeded')).toBe(true)
})
