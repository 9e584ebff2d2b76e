import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rejection } from '../../../../test/support/errors'
import { CANARY_TOKEN } from '../library/fixtures/canary'
import { allFiles } from '../library/fixtures/files'
import { HISTORY_REQUEST_BODY_MAX, HistoryStore, type RecordHistoryInput } from './history'

let root: string
let now: number
const clock = { now: () => now++ }
const make = (opts: { maxEntries?: number; maxBodyBytes?: number } = {}) => new HistoryStore({ root, clock, ...opts })
const sent = (over: Partial<RecordHistoryInput> = {}): RecordHistoryInput => ({
  workspaceId: 'ws1',
  draft: { method: 'GET', path: '/contacts' },
  status: 200,
  timing: { totalMs: 120, ttfbMs: 80 },
  contentType: 'application/json',
  responseBody: '{"type":"list","data":[]}',
  ...over
})

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'td-history-'))
  now = Date.parse('2025-03-01T10:00:00Z')
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('HistoryStore', () => {
  it('records status, timing, size and body per workspace, newest first, and survives a restart', async () => {
    const h = make()
    const a = await h.record(sent())
    const b = await h.record(sent({ workspaceId: 'ws2', draft: { method: 'POST', path: '/tickets' }, status: 422 }))
    const c = await h.record(sent({ status: null, error: 'connect ECONNREFUSED', responseBody: null, timing: { totalMs: 3 } }))
    expect(a).toMatchObject({
      workspaceId: 'ws1',
      status: 200,
      bytes: 25,
      bodyStored: true,
      bodyTooLarge: false,
      timing: { totalMs: 120, ttfbMs: 80 },
      sentAt: '2025-03-01T10:00:00.000Z'
    })
    expect(c).toMatchObject({ status: null, error: 'connect ECONNREFUSED', bytes: 0, bodyStored: false, timing: { ttfbMs: null } })

    const again = make()
    expect((await again.list('ws1')).entries.map((e) => e.id)).toEqual([c.id, a.id])
    expect((await again.list('ws2')).entries.map((e) => e.id)).toEqual([b.id])
    expect((await again.readBody('ws1', a.id)).toString()).toBe('{"type":"list","data":[]}')
    expect((await rejection(again.readBody('ws1', c.id))).code).toBe('not_found')
    expect((await again.get('ws1', a.id)).draft.path).toBe('/contacts')
  })

  it('keeps at most maxEntries per workspace, dropping the oldest with their bodies', async () => {
    const h = make({ maxEntries: 3 })
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push((await h.record(sent({ draft: { method: 'GET', path: `/contacts/${i}` } }))).id)
    const kept = (await h.list('ws1')).entries.map((e) => e.id)
    expect(kept).toEqual([ids[19], ids[18], ids[17]])
    expect((await fs.readdir(path.join(root, 'ws1/bodies'))).sort()).toEqual(kept.map((id) => `${id}.body`).sort())
    // The index file was compacted too: a restart sees the same three.
    const lines = (await fs.readFile(path.join(root, 'ws1/index.jsonl'), 'utf8')).trim().split('\n')
    expect(lines.length).toBeLessThanOrEqual(3 + 10)
    expect((await make({ maxEntries: 3 }).list('ws1')).entries.map((e) => e.id)).toEqual(kept)
  })

  it('does not keep bodies over the size cap, and says so', async () => {
    const h = make({ maxBodyBytes: 10 })
    const big = await h.record(sent({ responseBody: 'x'.repeat(11) }))
    expect(big).toMatchObject({ bodyStored: false, bodyTooLarge: true, bytes: 11 })
    expect((await rejection(h.readBody('ws1', big.id))).message).toMatch(/larger than the history keeps/)
    const small = await h.record(sent({ responseBody: new Uint8Array([0xff, 0x00, 0x01]) }))
    expect([...(await h.readBody('ws1', small.id))]).toEqual([0xff, 0x00, 0x01])
  })

  it('searches by method, path and status, and clears a workspace', async () => {
    const h = make()
    await h.record(sent({ draft: { method: 'GET', path: '/contacts' } }))
    const ticket = await h.record(sent({ draft: { method: 'POST', path: '/tickets' }, status: 422 }))
    await h.record(sent({ draft: { method: 'GET', path: '/admins' } }))
    expect((await h.search('ws1', 'tickets'))[0]?.id).toBe(ticket.id)
    expect((await h.search('ws1', 'POST 422')).map((e) => e.id)).toEqual([ticket.id])
    expect(await h.search('ws1', 'nothing-like-this')).toEqual([])
    expect(await h.search('ws1', '')).toHaveLength(3)

    await h.clear('ws1')
    expect((await h.list('ws1')).entries).toEqual([])
    await expect(fs.stat(path.join(root, 'ws1'))).rejects.toThrow()
    expect((await make().list('ws1')).entries).toEqual([])
  })

  it('tolerates a torn last line (crash mid-write): reports it, keeps the rest, appends cleanly', async () => {
    const h = make()
    const a = await h.record(sent())
    const b = await h.record(sent())
    const file = path.join(root, 'ws1/index.jsonl')
    const whole = await fs.readFile(file, 'utf8')
    await fs.writeFile(file, `${whole}{"id":"torn","workspaceId":"ws1","sentAt":"2025-`)

    const after = make()
    const listed = await after.list('ws1')
    expect(listed.entries.map((e) => e.id)).toEqual([b.id, a.id])
    expect(listed.problems).toEqual([{ line: 3, message: expect.stringMatching(/incomplete last line/) }])
    const c = await after.record(sent())
    expect((await make().list('ws1')).entries.map((e) => e.id)).toEqual([c.id, b.id, a.id])
  })

  it('never writes a secret: Authorization is always dropped, detected credentials stripped, known tokens cut from bodies', async () => {
    const h = make()
    await h.record(
      sent({
        draft: {
          method: 'POST',
          path: `/contacts?access_token=${CANARY_TOKEN}`,
          headers: [
            { name: 'Authorization', value: `Bearer ${CANARY_TOKEN}`, enabled: true },
            { name: 'X-Trace', value: 'abc', enabled: true }
          ],
          query: [{ name: 'token', value: CANARY_TOKEN, enabled: true }],
          body: JSON.stringify({ note: `token is ${CANARY_TOKEN}` })
        },
        error: `failed with Bearer ${CANARY_TOKEN}`,
        responseBody: `{"echo":"${CANARY_TOKEN}","raw":"plain-known-secret-123"}`
      }),
      { knownSecrets: ['plain-known-secret-123'] }
    )
    const [entry] = (await h.list('ws1')).entries
    expect(entry?.draft.headers).toEqual([{ name: 'X-Trace', value: 'abc', enabled: true }])
    for (const f of await allFiles(root)) {
      const bytes = await fs.readFile(f)
      expect(bytes.includes(CANARY_TOKEN), f).toBe(false)
      expect(bytes.includes('plain-known-secret-123'), f).toBe(false)
    }
  })

  it('rejects bad input clearly', async () => {
    const h = make()
    expect((await rejection(h.record(sent({ workspaceId: '../etc' })))).message).toMatch(/workspace id/)
    expect((await rejection(h.record(sent({ draft: { method: 'GET', path: '' } })))).code).toBe('invalid_input')
  })
})

describe('request bodies in the history', () => {
  it('keeps a small request body and only the size of a multi-megabyte one', async () => {
    const small = await make().record(sent({ draft: { method: 'POST', path: '/contacts', body: '{"a":1}' } }))
    expect(small.draft.body).toBe('{"a":1}')
    expect(small.requestBodyOmitted).toBeNull()
    const big = `{"x":"${'y'.repeat(HISTORY_REQUEST_BODY_MAX)}"}`
    const large = await make().record(sent({ draft: { method: 'POST', path: '/contacts', body: big } }))
    expect(large.draft.body).toBeNull()
    expect(large.requestBodyOmitted).toBe(big.length)
    const reread = await make().list('ws1')
    expect(reread.entries[0]!.requestBodyOmitted).toBe(big.length)
    const onDisk = (await Promise.all((await allFiles(root)).map((f) => fs.readFile(f, 'utf8')))).join('\n')
    expect(onDisk).not.toContain('y'.repeat(1000))
  })
})
