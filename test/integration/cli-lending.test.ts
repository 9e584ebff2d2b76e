// "Lend to the command line" through the composed app: the renderer's doors refuse the command
// line's calls, sandbox workspaces start lent and others do not, an approval on the terminal turns
// lending on, every lend is recorded, and withdrawing stops the next one.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'

let app: TokenDeskApp | null = null
let dir = ''

async function start() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-lend-'))
  app = await createApp(testAppDeps(dir))
  return app
}

afterEach(async () => {
  await app?.dispose()
  app = null
  rmSync(dir, { recursive: true, force: true })
})

describe('lending to the command line', () => {
  it('answers the command line calls on the local door only', async () => {
    const desk = await start()
    const refused = await desk.dispatch('cli.workspaces', undefined)
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    const answered = await desk.localDispatch('cli.workspaces', undefined)
    expect(answered).toMatchObject({ ok: true })
    // The renderer may still read and withdraw lending.
    const { workspaces } = ((await desk.dispatch('workspaces.list', undefined)) as { value: { workspaces: Array<{ id: string }> } }).value
    expect(await desk.dispatch('cli.lending', { workspaceId: workspaces[0]!.id })).toMatchObject({ ok: true, value: { allowed: true } })
    const lend = { workspaceId: workspaces[0]!.id, command: 'tokendesk token', pid: 1, cwd: '/', approved: true, secret: true }
    expect(await desk.dispatch('cli.lend', lend)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
  })

  it('lends, records, refuses after withdrawal, and lends again after an approval', async () => {
    const desk = await start()
    const { value } = (await desk.localDispatch('cli.workspaces', undefined)) as {
      value: { workspaces: Array<{ id: string; name: string; lendAllowed: boolean }> }
    }
    const us = value.workspaces.find((w) => w.name === 'Sandbox US')!
    expect(us.lendAllowed).toBe(true)
    const request = { workspaceId: us.id, command: 'run -- env', pid: 4242, cwd: '/work', secret: true }

    const lent = (await desk.localDispatch('cli.lend', request)) as { ok: true; value: { credential: { kind: string; token: string } } }
    expect(lent.ok).toBe(true)
    expect(lent.value.credential.kind).toBe('bearer')
    expect(lent.value.credential.token.length).toBeGreaterThan(8)
    const withoutSecret = (await desk.localDispatch('cli.lend', { ...request, secret: false })) as { value: { credential: unknown } }
    expect(withoutSecret.value.credential).toBeNull()

    await desk.dispatch('cli.setLending', { workspaceId: us.id, allowed: false })
    expect(await desk.localDispatch('cli.lend', request)).toMatchObject({ ok: false, error: { code: 'not_allowed' } })

    expect(await desk.localDispatch('cli.lend', { ...request, approved: true })).toMatchObject({ ok: true })
    const lending = (await desk.dispatch('cli.lending', { workspaceId: us.id })) as {
      value: { allowed: boolean; lends: Array<{ command: string; pid: number; cwd: string }> }
    }
    expect(lending.value.allowed).toBe(true)
    // Three lends went through (the refused one is not a lend), newest first.
    expect(lending.value.lends).toHaveLength(3)
    expect(lending.value.lends[0]).toMatchObject({ command: 'run -- env', pid: 4242, cwd: '/work' })
  })
})

describe('LendingLedger', () => {
  it('starts other workspaces off and keeps only the most recent lends', async () => {
    const { LendingLedger, KEPT_LENDS } = await import('../../src/main/services/cli/ledger')
    const values = new Map<string, unknown>()
    const store = {
      get: (k: string) => values.get(k),
      set: (k: string, v: unknown) => void values.set(k, v),
      delete: (k: string) => void values.delete(k)
    }
    const ledger = new LendingLedger(store, { now: () => 0 })
    expect(ledger.get({ id: 'acme', sandbox: false }).allowed).toBe(false)
    expect(ledger.get({ id: 'sandbox', sandbox: true }).allowed).toBe(true)
    for (let i = 0; i < KEPT_LENDS + 5; i++) ledger.record('acme', { command: `api /me ${i}`, pid: i, cwd: '/' })
    const { lends } = ledger.get({ id: 'acme', sandbox: false })
    expect(lends).toHaveLength(KEPT_LENDS)
    expect(lends[0]!.command).toBe(`api /me ${KEPT_LENDS + 4}`)
    ledger.forget('acme')
    expect(ledger.get({ id: 'acme', sandbox: false }).lends).toEqual([])
  })
})
