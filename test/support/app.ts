// The composed app as the integration tests start it: a fresh data folder, secrets in memory, the
// embedded sandbox with a few contacts, no browser or clipboard. Tests pass only what differs.
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { createLogger } from '../../src/main/services/core/logger'
import { JsonFileStore } from '../../src/main/services/store'
import { MemoryVault } from '../../src/main/services/vault'
import { spawnDocumentWorkerFromSource } from '../../src/main/node/document-worker'

export type TestAppDeps = Parameters<typeof createApp>[0]

export function testAppDeps(dir: string, overrides: Partial<TestAppDeps> = {}): TestAppDeps {
  return {
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
    sandbox: { contacts: 5 },
    ...overrides
  }
}

/** A call's value, or an error naming the call and what it said. */
export async function dispatchOk<T>(app: TokenDeskApp, name: string, input?: unknown): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}
