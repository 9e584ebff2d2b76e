import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { PERMISSIONS, permissionById } from '../../../shared/intercom/permissions'
import type { RequestDraft } from '../../../shared/model'
import { buildRequest } from '../../../shared/request/build'
import { startSandbox, type Sandbox } from '../../sandbox'
import { executeRequest } from '../requests/executor'
import { permissionState, plannedWriteProbes, probeScopes, probesFor, type ProbeAnswer } from './probe'
import { verdictFor } from './verdict'

const clock = { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) }
const forbidden = (scope: string): ProbeAnswer => ({
  status: 403,
  intercomErrors: [{ code: 'forbidden', message: `You do not have the required scope (${scope}) to access this resource` }]
})

/** A fake API that answers by draft, recording every draft it was sent. */
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

const perm = (id: string) => {
  const p = permissionById(id)
  if (!p) throw new Error(`no permission ${id}`)
  return p
}

describe('probeScopes with a fake API', () => {
  it('sends only GETs unless write probes are asked for', async () => {
    const api = fakeApi(() => ({ status: 500, intercomErrors: null }))
    await probeScopes({ send: api.send, clock })
    expect(api.sent.length).toBeGreaterThan(10)
    expect(api.sent.every((d) => d.method === 'GET' && d.body === null)).toBe(true)
  })

  it('write probes only touch ids that cannot exist or send a body lacking a required field', async () => {
    const api = fakeApi(() => ({ status: 500, intercomErrors: null }))
    await probeScopes({ send: api.send, clock, writes: true })
    const writes = api.sent.filter((d) => d.method !== 'GET')
    expect(writes.length).toBeGreaterThan(5)
    for (const d of writes) {
      // Only a DELETE or PUT on an id that cannot exist, or a POST whose body lacks a required field.
      const impossible = /\/(0|token-desk-no-such-id)(\/|$)/.test(d.path)
      const ok = ((d.method === 'DELETE' || d.method === 'PUT') && impossible) || (d.method === 'POST' && d.body === '{}')
      expect(ok, `${d.method} ${d.path}`).toBe(true)
    }
  })

  it('lists every write probe before it runs, each with its reason', () => {
    const planned = plannedWriteProbes(clock.now())
    expect(planned.length).toBeGreaterThan(5)
    for (const p of planned) {
      expect(['DELETE', 'PUT', 'POST']).toContain(p.method)
      expect(p.reason).toMatch(p.method === 'POST' ? /^Its body is empty, but the spec requires .*must be refused\.$/ : /cannot exist/)
    }
  })

  it('marks the scope a 403 names, not the one probed, when they differ', async () => {
    const api = fakeApi((d) =>
      d.path.startsWith('/admins/activity_logs') ? forbidden('read_single_admin') : { status: 500, intercomErrors: null }
    )
    const report = await probeScopes({ send: api.send, clock, permissions: [perm('read_admin_activity_logs'), perm('read_single_admin')] })
    const byId = new Map(report.results.map((r) => [r.permission, r]))
    expect(byId.get('read_single_admin')).toMatchObject({ state: 'denied', status: 403 })
    expect(byId.get('read_admin_activity_logs')?.state).toBe('unknown')
  })

  it('leaves the probed permission unknown when the 403 names a scope it does not know', async () => {
    const api = fakeApi(() => forbidden('read_tag_groups'))
    const report = await probeScopes({ send: api.send, clock, permissions: [perm('read_tags')] })
    expect(report.results[0]).toMatchObject({ state: 'unknown', evidence: 'none', status: 403 })
    expect(report.results[0]?.message).toMatch(/read_tag_groups/)
  })

  it('reads a 404 for an impossible id as a passed permission check, and a 404 on a list as nothing', async () => {
    const api = fakeApi(() => ({ status: 404, intercomErrors: [{ code: 'not_found', message: 'Resource Not Found' }] }))
    const report = await probeScopes({ send: api.send, clock, permissions: [perm('read_tickets')] })
    const result = report.results[0]
    expect(result).toMatchObject({ state: 'granted', evidence: 'probe', status: 404 })
    expect(result?.request?.path).toMatch(/\/(0|token-desk-no-such-id)(\/|$|\?)/)
    expect(result?.message).toMatch(/cannot exist/)
  })

  it('takes an item id from a list probe for the one-item read', async () => {
    const api = fakeApi((d) =>
      d.path === listPath ? { status: 403, intercomErrors: null } : { status: 200, intercomErrors: null, bodyText: '{}' }
    )
    const listPath = probesFor(perm('read_users_companies'), { writes: false, now: clock.now() })[0]?.operation.path
    const listed = fakeApi((d) =>
      d.path === listPath
        ? { status: 200, intercomErrors: null, bodyText: '{"type":"list","data":[{"id":"abc123"}]}' }
        : { status: 200, intercomErrors: null }
    )
    await probeScopes({ send: listed.send, clock, permissions: [perm('read_users_companies'), perm('read_single_user_company')] })
    expect(listed.sent.map((d) => d.path)).toEqual([listPath, `${listPath}/abc123`])
    await probeScopes({ send: api.send, clock, permissions: [perm('read_single_user_company')] })
    expect(api.sent[0]?.path).toMatch(/token-desk-no-such-id|\/0$/)
  })

  it("labels refused-request results as inferred, and says when the endpoint's need is only inferred too", async () => {
    const api = fakeApi(() => ({ status: 404, intercomErrors: null }))
    const report = await probeScopes({ send: api.send, clock, writes: true, permissions: [perm('write_tags')] })
    expect(report.results[0]).toMatchObject({ state: 'granted', evidence: 'refused-request' })
    expect(report.results[0]?.message).toMatch(
      /^Inferred from a refused request: .*\(that it needs write_tags is inferred from the \w+ resource, not documented\)$/
    )
  })

  it('stops at a revoked token and keeps nothing it probed before', async () => {
    let n = 0
    const api = fakeApi(() =>
      n++ === 0
        ? { status: 200, intercomErrors: null }
        : { status: 401, intercomErrors: [{ code: 'token_revoked', message: 'Token revoked' }] }
    )
    const report = await probeScopes({ send: api.send, clock })
    expect(report.fatal).toBe(true)
    expect(report.results.every((r) => r.state === 'unknown')).toBe(true)
    expect(api.sent.length).toBe(2)
  })

  it('passes cancellation through', async () => {
    const api = fakeApi(() => {
      throw new AppError('cancelled', 'Cancelled.')
    })
    await expect(probeScopes({ send: api.send, clock })).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('has a probe for every permission some operation needs', () => {
    const noProbe = PERMISSIONS.filter((p) => probesFor(p, { writes: true, now: clock.now() }).length === 0).map((p) => p.id)
    expect(noProbe.sort()).toEqual(['gather_app_data', 'read_counts'])
  })
})

describe('probeScopes against the embedded sandbox', () => {
  let sandbox: Sandbox
  let spoolDir: string
  beforeAll(async () => {
    sandbox = await startSandbox({ contacts: 50 })
    spoolDir = await mkdtemp(join(tmpdir(), 'td-probe-'))
  })
  afterAll(async () => {
    await sandbox.close()
    await rm(spoolDir, { recursive: true, force: true })
  })

  const probeWith = (token: string, writes = false) =>
    probeScopes({
      clock,
      writes,
      send: async (draft) => {
        const r = await executeRequest(
          buildRequest(draft, { baseUrl: sandbox.url, defaultVersion: '2.16', credential: { kind: 'token', token } }),
          { spoolDir }
        )
        return { ...r, bodyText: r.body.kind === 'inline' ? r.body.text : null }
      }
    })

  it.each(['us', 'eu'] as const)(
    'on workspace %s, with write probes: at most 3 of 39 unknown, each with a reason, and no data changed',
    async (key) => {
      const ws = sandbox.workspaces.find((w) => w.key === key)
      if (!ws) throw new Error('the sandbox has no such workspace')
      for (const token of [ws.tokens.standard, ws.tokens.extended]) {
        const before = sandbox.dataSnapshot()
        const report = await probeWith(token, true)
        expect(sandbox.dataSnapshot()).toBe(before)
        expect(report.results).toHaveLength(39)
        const unknown = report.results.filter((r) => r.state === 'unknown')
        expect(unknown.length, unknown.map((u) => `${u.permission}: ${u.message}`).join('\n')).toBeLessThanOrEqual(3)
        for (const u of unknown) expect(u.message, u.permission).toBeTruthy()
        // Every known state rests on a request and its status.
        for (const r of report.results.filter((x) => x.state !== 'unknown')) {
          expect(r.request, r.permission).not.toBeNull()
          expect(r.status, r.permission).not.toBeNull()
          expect(r.evidence, r.permission).not.toBe('none')
        }
      }
    }
  )

  it('tells a standard token from an extended one, in the verdict too', async () => {
    const ws = sandbox.workspaces[0]
    if (!ws) throw new Error('the sandbox has no workspace')
    const standard = await probeWith(ws.tokens.standard)
    const extended = await probeWith(ws.tokens.extended)
    expect(permissionState(standard.results, 'read_admins')).toBe('denied')
    expect(permissionState(extended.results, 'read_admins')).toBe('granted')
    for (const report of [standard, extended]) {
      expect(permissionState(report.results, 'read_users_companies')).toBe('granted')
      expect(permissionState(report.results, 'read_single_user_company')).toBe('granted')
      expect(permissionState(report.results, 'read_tags')).toBe('granted')
    }
    const std = verdictFor(standard.results, { oauth: false })
    expect(std.kind).toBe('standard_only')
    expect(std.detail).toMatch(/Read admins/)
    expect(std.detail).toMatch(/Developer Hub → your app → Authentication → Edit scopes/)
    expect(std.missing).toContain('read_articles_scope')
    expect(verdictFor(extended.results, { oauth: false })).toMatchObject({ kind: 'extended_granted', missing: [] })
  })

  it('reports a revoked token as unknown everywhere', async () => {
    const ws = sandbox.workspaces[0]
    if (!ws) throw new Error('the sandbox has no workspace')
    const report = await probeWith(ws.tokens.revoked)
    expect(report.results.every((r) => r.state === 'unknown')).toBe(true)
    expect(report.results.find((r) => r.request)?.message).toMatch(/revoked/i)
  })
})
