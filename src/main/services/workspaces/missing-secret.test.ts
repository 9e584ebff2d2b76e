// A workspace whose secret is not in this run's vault (memory-only after a restart) says so, and
// still sends with auth mode None; entering the token again makes it whole.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { WorkspaceSender } from '../requests/workspace-sender'
import { MemoryVault } from '../vault/memory-vault'
import { WorkspaceRegistry } from './registry'

let sandbox: Sandbox
let spool: string
beforeAll(async () => {
  sandbox = await startSandbox({ contacts: 5 })
  spool = mkdtempSync(path.join(os.tmpdir(), 'td-missing-'))
})
afterAll(async () => {
  await sandbox.close()
  rmSync(spool, { recursive: true, force: true })
})

it('a restart without the secret marks the workspace, refuses the token, and still sends with auth None', async () => {
  const store = new Map<string, unknown>()
  const us = sandbox.workspaces.find((w) => w.key === 'us')!
  // A workspace on "another host" (the sandbox stands in for it through an override, not as a sandbox workspace).
  const first = new WorkspaceRegistry({ store, vault: new MemoryVault() })
  const added = await first.addByToken({ token: us.tokens.standard, region: 'US', apiBaseOverride: sandbox.url })
  expect(added.secretMissing).toBe(false)

  const changes: boolean[][] = []
  const second = new WorkspaceRegistry({ store, vault: new MemoryVault(), onChange: (l) => changes.push(l.map((w) => w.secretMissing)) })
  await second.checkSecrets()
  expect(second.get(added.id).secretMissing).toBe(true)
  expect(changes.at(-1)).toEqual([true])
  expect(JSON.stringify([...store.values()])).not.toContain('secretMissing') // a run's state, not the file's

  const sender = new WorkspaceSender(second, spool)
  await expect(
    sender.send(added.id, {
      method: 'GET',
      path: '/me',
      pathParams: {},
      query: [],
      headers: [],
      body: null,
      intercomVersion: null,
      authMode: 'bearer',
      operationId: null
    })
  ).rejects.toMatchObject({
    code: 'vault_unavailable',
    message: expect.stringContaining('Enter it again')
  })
  const none = await sender.send(added.id, {
    method: 'GET',
    path: '/me',
    pathParams: {},
    query: [],
    headers: [],
    body: null,
    intercomVersion: null,
    authMode: 'none',
    operationId: null
  })
  expect(none.response.status).toBe(401) // sent, without a credential
  expect(none.prepared.headers.some(([name]) => name.toLowerCase() === 'authorization')).toBe(false)

  await second.rotate(added.id, us.tokens.standard)
  expect(second.get(added.id).secretMissing).toBe(false)
  expect(changes.at(-1)).toEqual([false])
})
