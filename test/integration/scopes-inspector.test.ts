// The scope inspector through the composed app, as the renderer drives it: every response teaches
// it, inspections (with write checks) settle the rest, and scopes.get returns what is known.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ScopeReport } from '../../src/shared/contract/scopes'
import { PERMISSIONS } from '../../src/shared/intercom/permissions'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'

let app: TokenDeskApp | null = null
let dir = ''

async function start(reuse = false) {
  if (!reuse) dir = mkdtempSync(path.join(os.tmpdir(), 'td-scopes-'))
  app = await createApp(
    testAppDeps(dir, {
      host: 'electron',
      sandbox: { contacts: 20 }
    })
  )
  const list = (await ok('workspaces.list')) as { workspaces: Array<{ name: string; id: string }> }
  const id = (name: string) => list.workspaces.find((w) => w.name === name)!.id
  return { us: id('Sandbox US'), eu: id('Sandbox EU') }
}

afterEach(async () => {
  await app?.dispose()
  app = null
  rmSync(dir, { recursive: true, force: true })
})

async function ok(name: string, input?: unknown): Promise<unknown> {
  const result = await app!.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value
}

let n = 0
const send = async (workspaceId: string, method: string, path: string) =>
  ((await ok('requests.send', { requestId: `r${n++}`, workspaceId, draft: { method, path } })) as { status: number }).status
const result = (report: ScopeReport | null, permission: string) => report?.results.find((r) => r.permission === permission)

describe('the scope inspector', () => {
  it('learns from responses without a probe: a 403 naming a scope denies it, a 2xx grants', async () => {
    const { eu } = await start()
    expect(await ok('scopes.get', { workspaceId: eu })).toBeNull()
    expect(await send(eu, 'GET', '/admins')).toBe(403)
    expect(await send(eu, 'GET', '/tags')).toBe(200)
    // GET /me answers an Access Token without Read admins: nothing is learned about read_admins from it.
    expect(await send(eu, 'GET', '/me')).toBe(200)
    const report = (await ok('scopes.get', { workspaceId: eu })) as ScopeReport
    expect(report.checkedAt).toBeNull()
    expect(result(report, 'read_admins')).toMatchObject({
      state: 'denied',
      evidence: 'response',
      request: { method: 'GET', path: '/admins' },
      status: 403
    })
    expect(result(report, 'read_tags')).toMatchObject({ state: 'granted', evidence: 'response', status: 200 })
    expect(report.verdict.kind).toBe('standard_only')
  })

  it('inspects with write checks: at most 3 unknown, every state with its evidence, and a verdict per token', async () => {
    const { us, eu } = await start()
    const plan = (await ok('scopes.plan', { workspaceId: eu })) as Array<{ method: string; reason: string }>
    expect(plan.length).toBeGreaterThan(5)
    for (const workspaceId of [us, eu]) {
      const report = (await ok('scopes.inspect', { workspaceId, writes: true })) as ScopeReport
      expect(report.results).toHaveLength(39)
      const unknown = report.results.filter((r) => r.state === 'unknown')
      expect(unknown.length).toBeLessThanOrEqual(3)
      for (const r of unknown) expect(r.message).toBeTruthy()
      for (const r of report.results.filter((x) => x.state !== 'unknown')) {
        expect(r.evidence).not.toBe('none')
        expect(r.request).not.toBeNull()
        expect(r.status).not.toBeNull()
      }
      expect(await ok('scopes.get', { workspaceId })).toEqual(report)
    }
    const std = (await ok('scopes.get', { workspaceId: eu })) as ScopeReport
    expect(std.verdict).toMatchObject({ kind: 'standard_only' })
    expect(std.verdict.detail).toMatch(/Read admins.*Developer Hub → your app → Authentication → Edit scopes/)
    expect(((await ok('scopes.get', { workspaceId: us })) as ScopeReport).verdict.kind).toBe('extended_granted')
    // writes defaults to false: write permissions then stay as they were (an unknown never erases).
    const again = (await ok('scopes.inspect', { workspaceId: eu })) as ScopeReport
    expect(result(again, 'write_tags')).toMatchObject({ state: 'granted', evidence: 'refused-request' })
  })

  it('inspects each sandbox workspace with its standard and its extended token: no data changed, at most 3 unknown, a verdict per token', async () => {
    await start()
    const sandbox = app!.sandbox!
    const extended = PERMISSIONS.filter((p) => p.tier === 'extended')
    for (const region of ['us', 'eu'] as const) {
      for (const scopes of ['standard', 'extended'] as const) {
        const where = `${region} ${scopes}`
        const workspace = (await ok('workspaces.addSandbox', { workspace: region, scopes, replace: true })) as { id: string }
        const before = sandbox.dataSnapshot()
        const report = (await ok('scopes.inspect', { workspaceId: workspace.id, writes: true })) as ScopeReport
        expect(sandbox.dataSnapshot(), where).toBe(before)
        expect(report.results, where).toHaveLength(39)
        const unknown = report.results.filter((r) => r.state === 'unknown')
        expect(unknown.length, where).toBeLessThanOrEqual(3)
        for (const r of unknown) expect(r.message, `${where} ${r.permission}`).toBeTruthy()
        if (scopes === 'standard') {
          expect(report.verdict, where).toMatchObject({ kind: 'standard_only', title: 'Standard scopes only' })
          const missing = extended.filter((p) => result(report, p.id)?.state === 'denied')
          expect(missing.length, where).toBeGreaterThan(10)
          for (const p of missing) expect(report.verdict.detail, `${where} ${p.id}`).toContain(p.label)
          expect(report.verdict.detail, where).toContain('Developer Hub → your app → Authentication → Edit scopes')
        } else {
          expect(report.verdict, where).toMatchObject({ kind: 'extended_granted', title: 'Extended scopes granted', missing: [] })
          expect(
            report.results.filter((r) => r.state === 'denied'),
            where
          ).toEqual([])
        }
      }
    }
  })

  it('starts with nothing known once the workspace token is replaced: another token has its own permissions', async () => {
    const { eu } = await start()
    expect(await send(eu, 'GET', '/admins')).toBe(403)
    expect(result((await ok('scopes.get', { workspaceId: eu })) as ScopeReport, 'read_admins')?.state).toBe('denied')
    const replaced = (await ok('workspaces.addSandbox', { workspace: 'eu', scopes: 'extended', replace: true })) as { id: string }
    expect(replaced.id).toBe(eu)
    expect(await ok('scopes.get', { workspaceId: eu })).toBeNull()
    expect(await send(eu, 'GET', '/admins')).toBe(200)
    const report = (await ok('scopes.get', { workspaceId: eu })) as ScopeReport
    expect(result(report, 'read_admins')).toMatchObject({ state: 'granted', evidence: 'response', status: 200 })
    expect(report.verdict.kind).toBe('extended_granted')
  })

  it('keeps what is known across a restart when the same token is put back (a memory-only vault)', async () => {
    const { eu } = await start()
    expect(await send(eu, 'GET', '/admins')).toBe(403)
    await app!.dispose()
    app = null
    // A fresh memory vault: the sandbox workspace's lost token is put back on start.
    const again = await start(true)
    expect(again.eu).toBe(eu)
    const report = (await ok('scopes.get', { workspaceId: eu })) as ScopeReport
    expect(result(report, 'read_admins')).toMatchObject({ state: 'denied', evidence: 'response', status: 403 })
    expect(report.verdict.kind).toBe('standard_only')
    // The fingerprint that ties the report to its token says nothing of the token itself.
    const stored = readFileSync(path.join(dir, 'scopes.json'), 'utf8')
    expect(stored).toMatch(/"credential": ?"[0-9a-f]{12}"/)
  })

  it('on an OAuth workspace: GET /me grants Read admins, and the verdict says where its permissions come from', async () => {
    await start()
    // Sign in with the sandbox's OAuth app, playing the user on its consent page.
    const client = ((await ok('app.info')) as { sandboxOAuth: { clientId: string; clientSecret: string } }).sandboxOAuth
    const flow = (await ok('oauth.start', { kind: 'intercom', sandbox: true, ...client })) as { flowId: string; authorizeUrl: string }
    const consent = await (await fetch(flow.authorizeUrl)).text()
    const nonce = /name="nonce" value="([^"]+)"/.exec(consent)![1]!
    const decision = await fetch(new URL('/oauth/decision', flow.authorizeUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ nonce, decision: 'authorize', workspace: 'us' })
    })
    await (await fetch(decision.headers.get('location')!)).text()
    const state = (await ok('oauth.status', { flowId: flow.flowId })) as { replaceableWorkspaceId: string | null }
    // The sandbox US workspace is already there: its credential becomes the OAuth token.
    if (state.replaceableWorkspaceId) await ok('oauth.replace', { flowId: flow.flowId })
    const list = (await ok('workspaces.list')) as { workspaces: Array<{ id: string; authKind: string }> }
    const oauth = list.workspaces.find((w) => w.authKind === 'oauth')!
    // For an OAuth token, GET /me needs Read admins: its 200 grants it.
    expect(await send(oauth.id, 'GET', '/me')).toBe(200)
    const learned = (await ok('scopes.get', { workspaceId: oauth.id })) as ScopeReport
    expect(result(learned, 'read_admins')).toMatchObject({
      state: 'granted',
      evidence: 'response',
      request: { method: 'GET', path: '/me' }
    })
    const report = (await ok('scopes.inspect', { workspaceId: oauth.id })) as ScopeReport
    expect(report.verdict.kind).toBe('extended_granted')
    expect(report.verdict.oauthNote).toMatch(/Developer Hub, not something chosen at sign-in/)
  })

  it('reads a report stored in an older shape as nothing known yet', async () => {
    const { eu } = await start()
    await app!.dispose()
    app = null
    writeFileSync(
      path.join(dir, 'scopes.json'),
      JSON.stringify({ [eu]: { checkedAt: 'x', results: [{ permission: 'read_tags', state: 'granted', probe: null, status: 200 }] } })
    )
    const again = await start(true)
    expect(again.eu).toBe(eu)
    expect(await ok('scopes.get', { workspaceId: eu })).toBeNull()
  })
})
