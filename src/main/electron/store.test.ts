// electron-store with electron mocked: each named store gets its own file (electron-store would
// otherwise put every store in config.json), and a corrupt file is set aside, not reset.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

const dir = mkdtempSync(path.join(os.tmpdir(), 'td-estore-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
vi.mock('electron', () => {
  const electron = { app: { getPath: () => dir, getVersion: () => '1.0.0' }, ipcMain: { on: vi.fn() }, shell: {} }
  return { default: electron, ...electron }
})
const { electronStoreFactory } = await import('./store')
const { createLogger } = await import('../services/core/logger')

describe('electron-store factory', () => {
  it('keeps one JSON file per named store', () => {
    const notices: string[] = []
    const create = electronStoreFactory({ cwd: dir, logger: createLogger(() => undefined), onNotice: (n) => notices.push(n) })
    create('workspaces').set('list', [{ id: 'w1' }])
    create('settings').set('sandboxSeeded', true)
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'workspaces.json'])
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ sandboxSeeded: true })
    expect(create('workspaces').get('list')).toEqual([{ id: 'w1' }])
    expect(notices).toEqual([])
  })

  it('sets a corrupt file aside and reports it', () => {
    writeFileSync(path.join(dir, 'scopes.json'), '{not json')
    const notices: string[] = []
    const store = electronStoreFactory({ cwd: dir, logger: createLogger(() => undefined), onNotice: (n) => notices.push(n) })('scopes')
    expect(store.get('anything')).toBeUndefined()
    expect(notices).toHaveLength(1)
    expect(readdirSync(dir).some((f) => f.startsWith('scopes.corrupt-'))).toBe(true)
  })
})
