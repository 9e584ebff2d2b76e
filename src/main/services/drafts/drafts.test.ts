import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DraftStore } from '.'
import { JsonFileStore } from '../store/json-file-store'
import { RequestDraft } from '../../../shared/model'

const TOKEN = 'dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w'
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('DraftStore', () => {
  it('stores open tabs in the data folder and reads them back in a new process', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-drafts-'))
    dirs.push(dir)
    const draft = RequestDraft.parse({ method: 'POST', path: '/contacts/search', body: '{"query":{}}' })
    const session = {
      tabs: [{ id: 't1', draft, baseline: draft, saved: { id: 's1', name: 'Search' }, workspaceId: 'ws1' }],
      activeId: 't1'
    }
    new DraftStore(new JsonFileStore({ cwd: dir, name: 'drafts' })).save(session)
    expect(new DraftStore(new JsonFileStore({ cwd: dir, name: 'drafts' })).load()).toEqual(session)
  })

  it('never writes a credential typed into a draft', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'td-drafts-'))
    dirs.push(dir)
    const file = path.join(dir, 'drafts.json')
    const draft = RequestDraft.parse({
      method: 'GET',
      path: '/me',
      headers: [
        { name: 'Authorization', value: `Bearer ${TOKEN}` },
        { name: 'X-Keep', value: 'plain' }
      ],
      body: `{"token":"${TOKEN}"}`
    })
    const { stripped } = new DraftStore(new JsonFileStore({ cwd: dir, name: 'drafts' })).save({
      tabs: [{ id: 't1', draft, baseline: draft, saved: null, workspaceId: null }],
      activeId: 't1'
    })
    expect(stripped).toBeGreaterThan(0)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(Buffer.from(TOKEN).toString('base64'))
    expect(text).toContain('X-Keep')
  })

  it('starts with no tabs from an unreadable session', () => {
    const values = new Map<string, unknown>([['session', { tabs: 'nonsense' }]])
    const store = new DraftStore({
      get: (k) => values.get(k as string),
      set: (k, v) => values.set(k as string, v),
      delete: () => undefined
    })
    expect(store.load()).toEqual({ tabs: [], activeId: null })
  })
})
