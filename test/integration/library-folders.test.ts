// Folder rename and delete through the composed app, as the library UI calls them: a rename keeps
// the folder where it is and takes its requests along; a delete takes everything and is undone
// by library.undoRemove. Also: the library speaks of "sharing", never of "scope".
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { createLogger } from '../../src/main/services/core/logger'
import { JsonFileStore } from '../../src/main/services/store'
import { MemoryVault } from '../../src/main/services/vault'
import { spawnDocumentWorkerFromSource } from '../../src/main/node/document-worker'

let app: TokenDeskApp
let dir = ''
const SHARED = { kind: 'shared' } as const

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-folders-'))
  app = await createApp({
    host: 'electron',
    version: '0.0.0-test',
    platform: 'test',
    userData: dir,
    createStore: (name) => new JsonFileStore({ cwd: dir, name }),
    vault: new MemoryVault({ id: 'memory', label: 'Memory only (this run)', secure: true, persistent: false, notice: null }),
    opener: { openExternal: async () => undefined },
    clipboard: null,
    spawnDocumentWorker: spawnDocumentWorkerFromSource,
    logger: createLogger(() => undefined),
    sandbox: { contacts: 5 }
  })
})

afterEach(async () => {
  await app.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function ok<T = unknown>(name: string, input?: unknown): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

type Listing = { requests: Array<{ name: string; folder: string; sharing: unknown }>; folders: Array<{ folder: string; sharing: unknown }> }
const list = () => ok<Listing>('library.list', {})
const save = (name: string, folder: string) =>
  ok('library.save', { name, folder, sharing: SHARED, draft: { method: 'GET', path: '/contacts' } })

describe('library folders', () => {
  it('renames a nested folder in place, taking its requests and subfolders along', async () => {
    await save('List', 'Team/Contacts')
    await save('Deep', 'Team/Contacts/Search')
    const renamed = await ok('library.renameFolder', { sharing: SHARED, folder: 'Team/Contacts', name: 'People' })
    expect(renamed).toEqual({ sharing: SHARED, folder: 'Team/People' })
    const { requests } = await list()
    expect(requests.map((r) => `${r.folder}/${r.name}`).sort()).toEqual(['Team/People/List', 'Team/People/Search/Deep'])
    expect(requests.every((r) => JSON.stringify(r.sharing) === JSON.stringify(SHARED))).toBe(true)
    expect(existsSync(path.join(dir, 'collections', 'shared', 'Team', 'Contacts'))).toBe(false)
  })

  it('refuses a rename onto an existing folder or to a bad name, in plain words', async () => {
    await save('A', 'One')
    await save('B', 'Two')
    const clash = await app.dispatch('library.renameFolder', { sharing: SHARED, folder: 'One', name: 'Two' })
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const bad = await app.dispatch('library.renameFolder', { sharing: SHARED, folder: 'One', name: 'a/b' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await list()).requests.map((r) => r.folder).sort()).toEqual(['One', 'Two'])
  })

  it('removes a folder with everything in it, and undo brings all of it back', async () => {
    await save('Keep', '')
    await save('Gone 1', 'Old')
    await save('Gone 2', 'Old/Older')
    const { undoToken } = await ok<{ undoToken: string }>('library.removeFolder', { sharing: SHARED, folder: 'Old' })
    const after = await list()
    expect(after.requests.map((r) => r.name)).toEqual(['Keep'])
    expect(after.folders.map((f) => f.folder)).not.toContain('Old')
    expect(await ok('library.undoRemove', { undoToken })).toEqual({ restored: 2 })
    expect((await list()).requests.map((r) => `${r.folder}/${r.name}`).sort()).toEqual(['/Keep', 'Old/Gone 1', 'Old/Older/Gone 2'])
  })

  it('says when the folder is not there', async () => {
    const missing = await app.dispatch('library.removeFolder', { sharing: SHARED, folder: 'Nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
