import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { PERMISSIONS, permissionFor } from '../../../shared/intercom/permissions'
import type { RequestDraft } from '../../../shared/model'
import { buildRequest } from '../../../shared/request/build'
import { startSandbox, type Sandbox } from '../../sandbox'
import { executeRequest } from '../http/executor'
import { permissionState, probeScopes, SCOPE_PROBES, type ProbeAnswer, type ScopeReport } from './probe'

const clock = { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) }
const forbidden = (scope: string): ProbeAnswer => ({
  status: 403,
  intercomErrors: [{ code: 'forbidden', message: `You do not have the required scope (${scope}) to access this resource` }]
})

/** A fake API that answers by path, recording every draft it was sent. */
function fakeApi(answer: (draft: RequestDraft) => ProbeAnswer) {
  const sent: RequestDraft[] = []
  return {
    sent,
    send: async (draft: RequestDraft) => {
      sent.push(draft)
      return answer(draft)
    }
  }
}

const byPermission = (report: ScopeReport) => new Map(report.results.map((r) => [r.permission, r]))

describe('probeScopes', () => {
  it('only ever sends GET, whatever the answers', async () => {
    const answers: ProbeAnswer[] = [
      { status: 200, intercomErrors: null },
      forbidden('x'),
      { status: 404, intercomErrors: null },
      { status: 500, intercomErrors: null }
    ]
    let i = 0
    const api = fakeApi(() => answers[i++ % answers.length] as ProbeAnswer)
    await probeScopes({ send: api.send, clock })
    expect(api.sent.length).toBe(Object.keys(SCOPE_PROBES).length)
    expect(api.sent.every((d) => d.method === 'GET' && d.body === null)).toBe(true)
  })

  it('never probes a write permission', async () => {
    const api = fakeApi(() => ({ status: 200, intercomErrors: null }))
    const report = await probeScopes({ send: api.send, clock })
    const writes = PERMISSIONS.filter((p) => p.access === 'write')
    for (const perm of writes) {
      const r = byPermission(report).get(perm.id)
      expect(r).toMatchObject({ state: 'unknown', probe: null, status: null })
      expect(r?.message).toMatch(/write/)
    }
  })

  it('probes each permission with an operation that needs exactly that permission', () => {
    for (const [permission, spec] of Object.entries(SCOPE_PROBES)) {
      expect(permissionFor({ method: 'GET', path: spec.path, tags: [spec.tag] }).permission, spec.path).toBe(permission)
      expect(PERMISSIONS.find((p) => p.id === permission)?.access).toBe('read')
    }
  })

  it('maps 2xx to granted and 403 to denied, with the probe and the answer', async () => {
    const api = fakeApi((d) => (d.path === '/admins' ? forbidden('read_admins') : { status: 200, intercomErrors: null }))
    const report = await probeScopes({ send: api.send, clock })
    expect(report.checkedAt).toBe('2025-01-02T03:04:05.000Z')
    const results = byPermission(report)
    expect(results.get('read_admins')).toEqual({
      permission: 'read_admins',
      state: 'denied',
      probe: { method: 'GET', path: '/admins' },
      status: 403,
      message: 'You do not have the required scope (read_admins) to access this resource'
    })
    expect(results.get('read_users_companies')).toEqual({
      permission: 'read_users_companies',
      state: 'granted',
      probe: { method: 'GET', path: '/contacts?per_page=1' },
      status: 200,
      message: null
    })
    expect(results.get('read_admin_activity_logs')?.probe?.path).toBe(
      `/admins/activity_logs?created_at_after=${Math.floor(clock.now() / 1000) - 86_400}`
    )
    expect(permissionState(report, 'read_admins')).toBe('denied')
    expect(permissionState(report, 'read_tags')).toBe('granted')
    expect(permissionState(report, 'write_tags')).toBe('unknown')
  })

  it('marks everything unknown with "token invalid" on a 401, and stops probing', async () => {
    let calls = 0
    const api = fakeApi(() =>
      ++calls === 1
        ? { status: 200, intercomErrors: null }
        : { status: 401, intercomErrors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] }
    )
    const report = await probeScopes({ send: api.send, clock })
    expect(api.sent).toHaveLength(2)
    expect(report.results.every((r) => r.state === 'unknown')).toBe(true)
    const probed = report.results.filter((r) => r.probe !== null)
    expect(probed.every((r) => /Token invalid/.test(r.message ?? ''))).toBe(true)
  })

  it('keeps earlier answers but stops after a network failure', async () => {
    let calls = 0
    const api = fakeApi(() => {
      if (++calls === 2) throw new AppError('network', 'api.intercom.io refused the connection')
      return { status: 200, intercomErrors: null }
    })
    const report = await probeScopes({ send: api.send, clock })
    expect(api.sent).toHaveLength(2)
    const states = report.results.filter((r) => r.probe !== null).map((r) => r.state)
    expect(states[0]).toBe('granted')
    expect(states.slice(1).every((s) => s === 'unknown')).toBe(true)
  })

  it('treats a plan restriction and a 404 as unknown, not denied', async () => {
    const api = fakeApi((d) =>
      d.path === '/news/news_items'
        ? { status: 403, intercomErrors: [{ code: 'api_plan_restricted', message: 'Active subscription needed.' }] }
        : { status: 404, intercomErrors: null }
    )
    const report = await probeScopes({ send: api.send, clock })
    expect(report.results.filter((r) => r.probe).every((r) => r.state === 'unknown')).toBe(true)
    expect(byPermission(report).get('read_news')?.message).toMatch(/plan/)
  })
})

describe('probeScopes against the sandbox', () => {
  let sandbox: Sandbox
  let spoolDir: string
  beforeAll(async () => {
    sandbox = await startSandbox({ contacts: 5 })
    spoolDir = await mkdtemp(join(tmpdir(), 'td-scopes-'))
  })
  afterAll(async () => {
    await sandbox.close()
    await rm(spoolDir, { recursive: true, force: true })
  })

  const probeWith = (token: string) =>
    probeScopes({
      clock,
      send: (draft) =>
        executeRequest(buildRequest(draft, { baseUrl: sandbox.url, defaultVersion: '2.16', credential: { kind: 'token', token } }), {
          spoolDir
        })
    })

  it('tells a standard token from an extended one on extended permissions', async () => {
    const ws = sandbox.workspaces[0]
    if (!ws) throw new Error('the sandbox has no workspace')
    const standard = await probeWith(ws.tokens.standard)
    const extended = await probeWith(ws.tokens.extended)
    expect(permissionState(standard, 'read_admins')).toBe('denied')
    expect(permissionState(extended, 'read_admins')).toBe('granted')
    for (const report of [standard, extended]) {
      expect(permissionState(report, 'read_users_companies')).toBe('granted')
      expect(permissionState(report, 'read_tags')).toBe('granted')
      expect(permissionState(report, 'read_conversations')).toBe('granted')
    }
    expect(byPermission(standard).get('read_admins')?.message).toMatch(/read_admins/)
  })

  it('reports a revoked token as unknown everywhere', async () => {
    const ws = sandbox.workspaces[0]
    if (!ws) throw new Error('the sandbox has no workspace')
    const report = await probeWith(ws.tokens.revoked)
    expect(report.results.every((r) => r.state === 'unknown')).toBe(true)
    expect(report.results.find((r) => r.probe)?.message).toMatch(/revoked/i)
  })
})
