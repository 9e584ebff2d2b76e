// The desktop app starts its document threads from the file electron-vite builds (see
// src/main/index.ts). That file is plain Node, so it is checked here: it loads and formats a body.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { ResponseDocuments } from '../../src/main/services/responses'

const chunks = path.resolve('out/main/chunks')
const built = existsSync(chunks) ? readdirSync(chunks).find((f) => /^document-worker-.*\.js$/.test(f)) : undefined
if (!built) console.warn('built document worker: skipped, no out/main/chunks/document-worker-*.js (run `npm run build` first)')

describe.skipIf(!built)('the built document worker', () => {
  it('formats a body and answers questions like the source does', async () => {
    const documents = new ResponseDocuments(() => new Worker(path.join(chunks, built!)))
    try {
      const loaded = await documents.open('r1', { kind: 'inline', text: '{"data":[{"id":"1"}],"total_count":1}' }, true)
      expect(loaded).toEqual({ json: true, parseError: null, lines: 8 })
      expect(await documents.query('r1', { type: 'copy', line: 3, what: 'path' })).toEqual({ type: 'copied', text: '$.data[0].id' })
    } finally {
      documents.closeAll()
    }
  })
})
