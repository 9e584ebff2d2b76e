import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rejection } from '../../../../test/support/errors'
import type { Sharing } from '../../../shared/library'
import type { RequestDraftInput } from '../../../shared/model'
import { CANARY_TOKEN } from './fixtures/canary'
import { SavedRequestStore, slugify } from './saved-requests'
import { writeSavedCollection } from '../../../../test/support/saved-collection'

const SHARED: Sharing = { kind: 'shared' }
const WS: Sharing = { kind: 'workspace', workspaceId: 'ws_eu-1' }
const get = (p = '/contacts'): RequestDraftInput => ({ method: 'GET', path: p })

let root: string
let now: number
let store: SavedRequestStore
const clock = { now: () => now }
const fresh = () => new SavedRequestStore({ root, clock })
const read = async (rel: string) => JSON.parse(await fs.readFile(path.join(root, rel), 'utf8')) as Record<string, unknown>

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const d of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) out.push(...(await filesUnder(p)))
    else out.push(path.relative(root, p).split(path.sep).join('/'))
  }
  return out.sort()
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'td-saved-'))
  now = Date.parse('2025-01-02T03:04:05Z')
  store = fresh()
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('SavedRequestStore files', () => {
  it('writes one readable JSON file per request, folders as directories, sharing as top-level directory', async () => {
    const a = await store.save({ name: 'List contacts', folder: 'Contacts', sharing: SHARED, draft: get() })
    const b = await store.save({ name: 'Get admin', folder: 'Admins/Me', sharing: WS, draft: get('/me') })
    expect(await filesUnder(root)).toEqual(['shared/Contacts/list-contacts.json', 'workspaces/ws_eu-1/Admins/Me/get-admin.json'])
    const text = await fs.readFile(path.join(root, 'shared/Contacts/list-contacts.json'), 'utf8')
    expect(text).toContain('\n  "id": ') // pretty-printed for diffs
    expect(JSON.parse(text)).toMatchObject({
      format: 'token-desk/request@1',
      id: a.id,
      name: 'List contacts',
      order: 0,
      request: { method: 'GET', path: '/contacts' }
    })
    expect(b).toMatchObject({ folder: 'Admins/Me', sharing: WS, updatedAt: '2025-01-02T03:04:05.000Z' })

    // Everything survives a restart; folder and sharing come from where the file is.
    const again = await fresh().list()
    expect(again.requests.map((r) => [r.id, r.folder, r.sharing.kind])).toEqual([
      [a.id, 'Contacts', 'shared'],
      [b.id, 'Admins/Me', 'workspace']
    ])
  })

  it('keeps names that slug alike apart, and updates in place by id', async () => {
    const a = await store.save({ name: 'Search!', sharing: SHARED, draft: get() })
    const b = await store.save({ name: 'search', sharing: SHARED, draft: get() })
    expect(await filesUnder(root)).toEqual(['shared/search-2.json', 'shared/search.json'])
    const updated = await store.save({ id: a.id, name: 'Search!', sharing: SHARED, draft: get('/contacts/search') })
    expect(updated.id).toBe(a.id)
    expect((await read('shared/search.json')).request).toMatchObject({ path: '/contacts/search' })
    expect((await store.get(b.id)).draft.path).toBe('/contacts')
    expect(slugify('Ünïcode   & CON')).toBe('unicode-con')
    expect(slugify('con')).toBe('con-request')
    expect(slugify('///')).toBe('request')
  })

  it('validates names, folders and sharings with clear errors', async () => {
    expect((await rejection(store.save({ name: '  ', sharing: SHARED, draft: get() }))).code).toBe('invalid_input')
    const bad = await rejection(store.save({ name: 'x', folder: '../escape', sharing: SHARED, draft: get() }))
    expect(bad.message).toMatch(/folder/)
    expect((await rejection(store.save({ name: 'x', sharing: { kind: 'workspace', workspaceId: '../x' }, draft: get() }))).message).toMatch(
      /workspace id/
    )
    expect((await rejection(store.get('nope'))).code).toBe('not_found')
    expect(await filesUnder(root)).toEqual([])
  })
})

describe('organising', () => {
  it('renames (file follows the name), duplicates, and moves across folders and sharings', async () => {
    const a = await store.save({ name: 'List contacts', folder: 'Contacts', sharing: SHARED, draft: get() })
    await store.rename(a.id, 'All contacts')
    const copy = await store.duplicate(a.id)
    expect(copy).toMatchObject({ name: 'All contacts copy', folder: 'Contacts', order: 1 })
    expect(copy.id).not.toBe(a.id)
    expect(await filesUnder(root)).toEqual(['shared/Contacts/all-contacts-copy.json', 'shared/Contacts/all-contacts.json'])

    const moved = await store.move(a.id, { folder: 'Archive/2024', sharing: WS })
    expect(moved).toMatchObject({ id: a.id, folder: 'Archive/2024', sharing: WS, order: 0 })
    expect(await filesUnder(root)).toEqual(['shared/Contacts/all-contacts-copy.json', 'workspaces/ws_eu-1/Archive/2024/all-contacts.json'])
    expect((await read('workspaces/ws_eu-1/Archive/2024/all-contacts.json')).id).toBe(a.id)
    expect((await store.list({ kind: 'visible', workspaceId: 'ws_eu-1' })).requests).toHaveLength(2)
    expect((await store.list({ kind: 'visible', workspaceId: 'other' })).requests.map((r) => r.id)).toEqual([copy.id])
  })

  it('reorders a folder and keeps the order on disk', async () => {
    const ids: string[] = []
    for (const name of ['one', 'two', 'three']) ids.push((await store.save({ name, folder: 'F', sharing: SHARED, draft: get() })).id)
    await store.reorder('F', SHARED, [ids[2]!, ids[0]!, ids[1]!])
    expect((await fresh().list(SHARED)).requests.map((r) => r.name)).toEqual(['three', 'one', 'two'])
    const e = await rejection(store.reorder('F', SHARED, [ids[0]!, ids[1]!]))
    expect(e.code).toBe('invalid_input')
  })

  it('deletes with undo, and the undo expires', async () => {
    const a = await store.save({ name: 'Keep me', sharing: SHARED, draft: get() })
    const before = await fs.readFile(path.join(root, 'shared/keep-me.json'))
    const { undoToken } = await store.remove(a.id)
    expect(await filesUnder(root)).toEqual([])
    expect((await store.list()).requests).toEqual([])
    const [restored] = await store.undoRemove(undoToken)
    expect(restored).toEqual(a)
    expect(await fs.readFile(path.join(root, 'shared/keep-me.json'))).toEqual(before)
    expect((await rejection(store.undoRemove(undoToken))).code).toBe('not_found')

    const second = await store.remove(a.id)
    now += 11 * 60_000
    expect((await rejection(store.undoRemove(second.undoToken))).code).toBe('not_found')
  })

  it('manages folders: create (empty dirs listed), rename with contents, remove only when empty or recursive, undo', async () => {
    await store.createFolder(SHARED, 'Empty/Nested')
    const a = await store.save({ name: 'Reply', folder: 'Conversations/Replies', sharing: SHARED, draft: get('/conversations') })
    expect((await store.listFolders(SHARED)).map((f) => f.folder)).toEqual([
      'Conversations',
      'Conversations/Replies',
      'Empty',
      'Empty/Nested'
    ])

    await store.renameFolder(SHARED, 'Conversations', 'Inbox/Conversations')
    expect((await store.get(a.id)).folder).toBe('Inbox/Conversations/Replies')
    expect(await filesUnder(root)).toEqual(['shared/Inbox/Conversations/Replies/reply.json'])
    expect((await rejection(store.renameFolder(SHARED, 'Inbox', 'Empty'))).code).toBe('conflict')
    expect((await rejection(store.renameFolder(SHARED, 'Inbox', 'Inbox/Deeper'))).code).toBe('invalid_input')

    expect((await rejection(store.removeFolder(SHARED, 'Inbox'))).code).toBe('conflict')
    await store.removeFolder(SHARED, 'Empty/Nested')
    const { undoToken } = await store.removeFolder(SHARED, 'Inbox', { recursive: true })
    expect(await filesUnder(root)).toEqual([])
    expect((await store.list()).requests).toEqual([])
    await store.undoRemove(undoToken)
    expect((await store.get(a.id)).folder).toBe('Inbox/Conversations/Replies')
    expect(await filesUnder(root)).toEqual(['shared/Inbox/Conversations/Replies/reply.json'])
  })
})

describe('corrupt files', () => {
  it('lists them with an error, keeps listing the rest, and never overwrites them', async () => {
    const good = await store.save({ name: 'Good', sharing: SHARED, draft: get() })
    await fs.mkdir(path.join(root, 'shared/Broken'), { recursive: true })
    await fs.writeFile(path.join(root, 'shared/Broken/list-contacts.json'), '{ "format": "token-desk/request@1", "id": ')
    await fs.writeFile(
      path.join(root, 'shared/Broken/wrong.json'),
      JSON.stringify({ format: 'token-desk/request@1', id: 'x', name: 'w', request: { method: 'FETCH', path: '/' } })
    )
    await fs.copyFile(path.join(root, 'shared/good.json'), path.join(root, 'shared/Broken/copied.json'))

    const s = fresh()
    const listed = await s.list()
    expect(listed.requests.map((r) => r.id)).toEqual([good.id])
    expect(listed.corrupt.map((c) => c.file.split(path.sep).join('/')).sort()).toEqual([
      'shared/Broken/copied.json',
      'shared/Broken/list-contacts.json',
      'shared/Broken/wrong.json'
    ])
    expect(listed.corrupt.find((c) => c.file.endsWith('list-contacts.json'))?.message).toMatch(/not valid JSON/)
    expect(listed.corrupt.find((c) => c.file.endsWith('wrong.json'))?.message).toMatch(/request\.method/)
    expect(listed.corrupt.find((c) => c.file.endsWith('copied.json'))?.message).toMatch(/duplicate id/)

    // A new request with the same slug goes next to the broken file, not over it.
    await s.save({ name: 'List contacts', folder: 'Broken', sharing: SHARED, draft: get() })
    expect(await fs.readFile(path.join(root, 'shared/Broken/list-contacts.json'), 'utf8')).toBe(
      '{ "format": "token-desk/request@1", "id": '
    )
    expect(await fs.stat(path.join(root, 'shared/Broken/list-contacts-2.json'))).toBeTruthy()
  })
})

describe('secrets on save', () => {
  const leaky: RequestDraftInput = {
    method: 'POST',
    path: '/contacts',
    headers: [
      { name: 'Authorization', value: `Bearer ${CANARY_TOKEN}`, enabled: true },
      { name: 'Accept', value: 'application/json', enabled: true }
    ],
    query: [{ name: 'api_key', value: 'k_1234567890', enabled: true }],
    body: '{"email":"a@b.co"}'
  }

  it('refuses a draft with credentials, naming them (masked) and writing nothing', async () => {
    const e = await rejection(store.save({ name: 'Leaky', sharing: SHARED, draft: leaky }))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toMatch(/header Authorization, query api_key/)
    expect(e.details?.secrets).toEqual([
      { location: 'header', name: 'Authorization', preview: `${CANARY_TOKEN.slice(0, 4)}…${CANARY_TOKEN.slice(-4)}` },
      { location: 'query', name: 'api_key', preview: '••••••••' }
    ])
    expect(JSON.stringify(e.toShape())).not.toContain(CANARY_TOKEN)
    expect(await filesUnder(root)).toEqual([])
  })

  it("saves without them when the caller passes secretsHandled: 'strip'", async () => {
    const saved = await store.save({ name: 'Leaky', sharing: SHARED, draft: leaky }, { secretsHandled: 'strip' })
    expect(saved.draft.headers).toEqual([{ name: 'Accept', value: 'application/json', enabled: true }])
    expect(saved.draft.query).toEqual([])
    expect(await fs.readFile(path.join(root, 'shared/leaky.json'), 'utf8')).not.toContain(CANARY_TOKEN)
  })
})

describe('search', () => {
  /** 10,000 request files written straight to disk, as a big team collection would be. */
  const buildCollection = (count: number) => writeSavedCollection(root, count)

  it('finds the right requests among 10,000 and keeps the index current on writes', async () => {
    await buildCollection(10_000)
    const exact = await store.save({ name: 'List all contacts', folder: 'Contacts', sharing: SHARED, draft: get('/contacts') })
    await store.save({ name: 'List all contacts by company', folder: 'Contacts', sharing: SHARED, draft: get('/companies/{id}/contacts') })
    const ticket = await store.save({ name: 'Fetch one', folder: 'Misc', sharing: WS, draft: get('/tickets/{ticket_id}') })
    expect((await store.list()).requests).toHaveLength(10_003)

    const hits = await store.search('List all contacts', 10)
    expect(hits[0]).toMatchObject({ id: exact.id, field: 'name' })
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score)

    // A folder match: every hit for a folder name is inside that folder.
    const invoices = await store.search('Billing/Invoices', 20)
    expect(invoices).toHaveLength(20)
    expect(invoices.every((h) => h.folder.startsWith('Billing/Invoices') && h.field === 'folder')).toBe(true)

    // A URL path match, and sharing filtering.
    const byPath = await store.search('/tickets/{ticket_id}', 5)
    expect(byPath[0]).toMatchObject({ id: ticket.id, field: 'path', sharing: WS })
    expect((await store.search('/tickets/{ticket_id}', 5, SHARED)).some((h) => h.id === ticket.id)).toBe(false)

    // Incremental updates: rename, delete, and fuzzy (typo-tolerant ordering) input.
    await store.rename(ticket.id, 'Zebra crossing report')
    expect((await store.search('zbra crossing', 3))[0]?.id).toBe(ticket.id)
    await store.remove(ticket.id)
    expect((await store.search('Zebra crossing report', 3)).some((h) => h.id === ticket.id)).toBe(false)
    expect((await store.search('Detach item 9999', 1))[0]?.id).toBe('gen-9999')
  }, 120_000) // writing 10,000 files is slow on busy CI disks; no timing is asserted
})
