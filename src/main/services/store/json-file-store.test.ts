import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JsonFileStore } from './json-file-store'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-store-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) }

describe('JsonFileStore', () => {
  it('round-trips values through an owner-only JSON file, keys taken literally', () => {
    const store = new JsonFileStore({ cwd: dir, name: 'settings' })
    store.set('a.b', { nested: [1, 2] })
    expect(new JsonFileStore({ cwd: dir, name: 'settings' }).get('a.b')).toEqual({ nested: [1, 2] })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ 'a.b': { nested: [1, 2] } })
    expect(fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600)
    store.delete('a.b')
    expect(store.get('a.b')).toBeUndefined()
  })

  it('sets a corrupt file aside with a timestamped backup and reports it, instead of resetting silently', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"workspaces": [ oops')
    const notices: string[] = []
    const store = new JsonFileStore({ cwd: dir, name: 'settings', clock, onNotice: (n) => notices.push(n) })
    const backup = path.join(dir, 'settings.corrupt-2026-01-02T03-04-05-000Z.json')
    expect(fs.readFileSync(backup, 'utf8')).toBe('{"workspaces": [ oops')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('settings.corrupt-2026-01-02T03-04-05-000Z.json')
    expect(store.notices).toEqual(notices)
    expect(store.get('workspaces')).toBeUndefined()
    store.set('workspaces', [])
    expect(store.get('workspaces')).toEqual([])
  })

  it('treats a file whose top level is not an object as corrupt', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '[1,2,3]')
    const store = new JsonFileStore({ cwd: dir, name: 'settings', clock })
    expect(store.notices[0]).toMatch(/not a JSON object/)
    expect(fs.existsSync(path.join(dir, 'settings.corrupt-2026-01-02T03-04-05-000Z.json'))).toBe(true)
  })

  it('sets aside a file that was corrupted while the app was running', () => {
    const store = new JsonFileStore({ cwd: dir, name: 'settings', clock })
    store.set('x', 1)
    fs.writeFileSync(path.join(dir, 'settings.json'), 'garbage')
    expect(store.get('x')).toBeUndefined()
    expect(store.notices).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, 'settings.corrupt-2026-01-02T03-04-05-000Z.json'), 'utf8')).toBe('garbage')
  })

  it('sets aside an unreadable entry (a directory where the file should be)', () => {
    fs.mkdirSync(path.join(dir, 'settings.json'))
    const store = new JsonFileStore({ cwd: dir, name: 'settings', clock })
    expect(store.notices).toHaveLength(1)
    expect(fs.statSync(path.join(dir, 'settings.corrupt-2026-01-02T03-04-05-000Z.json')).isDirectory()).toBe(true)
    store.set('ok', true)
    expect(store.get('ok')).toBe(true)
  })
})
