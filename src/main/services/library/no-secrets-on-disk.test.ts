// End-to-end guarantee for the library: after saving, moving, duplicating, recording history and
// exporting drafts that carried a canary token in every place a token can hide, no file under the
// data root contains it, byte for byte (raw, base64-decoded form, or URL-encoded).
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RequestDraftInput } from '../../../shared/model'
import { CANARY_JWT, CANARY_TOKEN } from './fixtures/canary'
import { allFiles } from './fixtures/files'
import { HistoryStore } from '../history/history'
import { exportPostmanCollection } from '../import/postman'
import { SavedRequestStore } from './saved-requests'

let root: string
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'td-canary-'))
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const on = (name: string, value: string) => ({ name, value, enabled: true })
const leakyDrafts: RequestDraftInput[] = [
  { method: 'GET', path: '/me', headers: [on('Authorization', `Bearer ${CANARY_TOKEN}`)] },
  { method: 'GET', path: '/me', headers: [on('authorization', `Basic ${Buffer.from(`${CANARY_TOKEN}:`).toString('base64')}`)] },
  {
    method: 'GET',
    path: '/contacts',
    headers: [on('X-Intercom-Token', CANARY_TOKEN), on('Accept', 'application/json')],
    query: [on('access_token', CANARY_TOKEN)]
  },
  { method: 'GET', path: '/contacts', headers: [on('X-Whatever', CANARY_JWT)] },
  {
    method: 'POST',
    path: `/contacts?token=${CANARY_TOKEN}`,
    body: JSON.stringify({ api_key: CANARY_TOKEN, nested: { note: `bearer ${CANARY_TOKEN}` } })
  }
]

it('no saved, history or exported file contains the canary token', async () => {
  const saved = new SavedRequestStore({ root: path.join(root, 'collections') })
  const history = new HistoryStore({ root: path.join(root, 'history') })
  for (const [i, draft] of leakyDrafts.entries()) {
    const r = await saved.save(
      { name: `Leaky ${i}`, folder: 'Secrets/Here', sharing: { kind: 'shared' }, draft },
      { secretsHandled: 'strip' }
    )
    await saved.duplicate(r.id)
    await saved.move(r.id, { sharing: { kind: 'workspace', workspaceId: 'ws1' } })
    await history.record(
      { workspaceId: 'ws1', draft, status: 200, timing: { totalMs: 5 }, responseBody: `{"echo":"${CANARY_TOKEN}"}` },
      { knownSecrets: [CANARY_TOKEN] }
    )
  }
  const { requests } = await saved.list()
  expect(requests).toHaveLength(leakyDrafts.length * 2)
  await fs.writeFile(path.join(root, 'export.postman_collection.json'), JSON.stringify(exportPostmanCollection('all', requests), null, 2))

  const needles = [
    CANARY_TOKEN,
    CANARY_JWT,
    Buffer.from(CANARY_TOKEN, 'base64').toString('utf8'),
    encodeURIComponent(CANARY_TOKEN),
    Buffer.from(`${CANARY_TOKEN}:`).toString('base64')
  ]
  const files = await allFiles(root)
  expect(files.length).toBeGreaterThan(leakyDrafts.length * 3)
  for (const file of files) {
    const bytes = await fs.readFile(file)
    for (const needle of needles) expect(bytes.includes(needle), `${path.relative(root, file)} contains a canary`).toBe(false)
  }
})
