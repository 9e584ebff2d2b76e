// Real worker threads (the same document-worker.ts the hosts start) formatting real bodies, held
// in memory or spooled to a file, as the viewer's questions arrive over the contract.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnDocumentWorkerFromSource } from '../../node/document-worker'
import { DocumentQuery } from '../../../shared/json-document/protocol'
import { ResponseDocuments } from './response-documents'

const body = {
  type: 'list',
  data: [
    { id: '1', email: 'ada@example.org' },
    { id: '2', email: 'grace@example.org' }
  ],
  total_count: 2
}
const text = JSON.stringify(body)

let documents: ResponseDocuments | null = null
let spawned = 0
const counting = () => {
  spawned++
  return spawnDocumentWorkerFromSource()
}

afterEach(() => {
  documents?.closeAll()
  documents = null
  spawned = 0
})

describe('ResponseDocuments', () => {
  it('formats a body held in memory and answers rows, search, reveal and copy', async () => {
    documents = new ResponseDocuments(counting)
    expect(await documents.open('r1', { kind: 'inline', text }, true)).toEqual({ json: true, parseError: null, lines: 14 })
    const first = await documents.query('r1', { type: 'lines', from: 0, to: 3 })
    expect(first).toMatchObject({ type: 'lines', total: 14 })
    expect(first.type === 'lines' && first.rows.map((r) => `${r.key ?? ''}${r.text}`)).toEqual(['{', 'type"list"', 'data['])
    expect(await documents.query('r1', { type: 'search', query: 'GRACE' })).toEqual({ type: 'searched', count: 1 })
    const found = await documents.query('r1', { type: 'reveal', match: 0 })
    expect(found).toMatchObject({ type: 'revealed', line: 9 })
    expect(await documents.query('r1', { type: 'copy', line: 9, what: 'path' })).toEqual({ type: 'copied', text: '$.data[1].email' })
    expect(await documents.query('r1', { type: 'copy', line: 9, what: 'value' })).toEqual({ type: 'copied', text: 'grace@example.org' })
  })

  it('reads a spooled body from its file in the thread', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'token-desk-docs-'))
    try {
      const file = path.join(dir, 'body.json')
      writeFileSync(file, JSON.stringify({ data: Array.from({ length: 1000 }, (_, i) => ({ id: i })) }))
      documents = new ResponseDocuments(counting)
      const loaded = await documents.open('r1', { kind: 'file', path: file }, true)
      expect(loaded).toMatchObject({ json: true, parseError: null })
      const last = await documents.query('r1', { type: 'lines', from: loaded.lines - 3, to: loaded.lines })
      expect(last.type === 'lines' && last.rows.map((r) => r.text)).toEqual(['}', ']', '}'])
      expect(await documents.query('r1', { type: 'collapseAll' })).toEqual({ type: 'changed', total: 3 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says why a body is not JSON and still shows it raw', async () => {
    documents = new ResponseDocuments(counting)
    const loaded = await documents.open('r1', { kind: 'inline', text: '{"a": 1,\n oops' }, true)
    expect(loaded.json).toBe(false)
    expect(loaded.parseError).toBe('Unexpected character "o" at position 10 (line 2, column 2)')
    expect(await documents.query('r1', { type: 'raw', from: 0, to: 10 })).toEqual({ type: 'raw', rows: ['{"a": 1,', ' oops'], total: 2 })
  })

  it('formats a body once however often it is opened, and again in another mode', async () => {
    documents = new ResponseDocuments(counting)
    const [a, b] = await Promise.all([
      documents.open('r1', { kind: 'inline', text }, true),
      documents.open('r1', { kind: 'inline', text }, true)
    ])
    expect(a).toEqual(b)
    expect(spawned).toBe(1)
    expect(await documents.open('r1', { kind: 'inline', text }, false)).toEqual({ json: false, parseError: null, lines: 0 })
    expect(spawned).toBe(2)
    expect(documents.size).toBe(1)
  })

  it('stops the least recently used document beyond its capacity', async () => {
    documents = new ResponseDocuments(counting, 2)
    await documents.open('r1', { kind: 'inline', text }, true)
    await documents.open('r2', { kind: 'inline', text }, true)
    await documents.open('r1', { kind: 'inline', text }, true) // r1 is now the most recent
    await documents.open('r3', { kind: 'inline', text }, true)
    expect(documents.size).toBe(2)
    await expect(documents.query('r2', { type: 'lines', from: 0, to: 1 })).rejects.toMatchObject({ code: 'not_found' })
    await expect(documents.query('r1', { type: 'lines', from: 0, to: 1 })).resolves.toMatchObject({ total: 14 })
  })

  it('fails clearly, and lets go, when the formatter thread dies', async () => {
    const crashing = () => new Worker('throw new Error("out of memory")', { eval: true })
    documents = new ResponseDocuments(crashing)
    await expect(documents.open('r1', { kind: 'inline', text }, true)).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('out of memory')
    })
    expect(documents.size).toBe(0)
  })

  it('fails questions still waiting when a document is closed', async () => {
    documents = new ResponseDocuments(counting)
    const loading = documents.open('r1', { kind: 'inline', text: JSON.stringify(Array.from({ length: 200_000 }, (_, i) => i)) }, true)
    documents.close('r1')
    await expect(loading).rejects.toMatchObject({ code: 'not_found' })
    await expect(documents.query('r1', { type: 'lines', from: 0, to: 1 })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('DocumentQuery', () => {
  it('accepts a window of rows and refuses one that is backwards or too large', () => {
    expect(DocumentQuery.safeParse({ type: 'lines', from: 10, to: 60 }).success).toBe(true)
    expect(DocumentQuery.safeParse({ type: 'lines', from: 60, to: 10 }).success).toBe(false)
    const huge = DocumentQuery.safeParse({ type: 'raw', from: 0, to: 1_000_000 })
    expect(huge.success).toBe(false)
    expect(huge.error?.issues[0]?.message).toMatch(/at most 2,000 rows/)
    expect(DocumentQuery.safeParse({ type: 'delete', line: 1 }).success).toBe(false)
  })
})
