// Auth, permissions, versions, rate limits and fault injection, over real HTTP.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_OPERATIONS } from './operations'
import { startSandbox, type Sandbox } from './index'
import { call, specErrors, specSchemas, type AnyJson } from './test-support'
import { SPEC_VERSIONS } from './versions'
import { LEGACY_KEY_MESSAGE, type TokenGrant } from './auth'
import { Router, type HandlerTable } from './router'

let sb: Sandbox
let now = Date.UTC(2025, 0, 1)

beforeAll(async () => {
  sb = await startSandbox({ contacts: 20, seed: 11, clock: () => now })
})
afterAll(() => sb.close())

const ws = () => sb.workspaces[0]!
const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`

function expectError(res: { status: number; json: AnyJson }, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.json).toMatchObject({ type: 'error.list', errors: [{ code }] })
  expect(res.json.request_id).toMatch(/^[0-9a-f-]{36}$/)
  expect(specErrors('GET /me', status, res.json)).toEqual([])
}

describe('tokens', () => {
  it('look like Intercom tokens and are deterministic per seed', async () => {
    const token = ws().tokens.standard
    expect(Buffer.from(token, 'base64').toString()).toMatch(/^tok:[0-9a-f_]+:1:0$/)
    const again = await startSandbox({ contacts: 5, seed: 11 })
    const other = await startSandbox({ contacts: 5, seed: 12 })
    try {
      expect(again.workspaces.map((w) => w.tokens)).toEqual(sb.workspaces.map((w) => w.tokens))
      expect(again.oauthClients).toEqual(sb.oauthClients)
      expect(other.workspaces[0]!.tokens.standard).not.toBe(token)
    } finally {
      await Promise.all([again.close(), other.close()])
    }
  })
})

describe('authentication', () => {
  it('accepts Bearer, Basic token: and Basic token without colon', async () => {
    const token = ws().tokens.extended
    expect((await call(sb, '/me', { authorization: `Bearer ${token}` })).status).toBe(200)
    expect((await call(sb, '/me', { authorization: basic(`${token}:`) })).status).toBe(200)
    expect((await call(sb, '/me', { authorization: basic(token) })).status).toBe(200)
  })

  it('answers 401 unauthorized for a missing or unknown token, without rate headers', async () => {
    const missing = await call(sb, '/me')
    expectError(missing, 401, 'unauthorized')
    expect(missing.headers.get('x-ratelimit-limit')).toBeNull()
    expectError(await call(sb, '/me', { token: 'dG9rOm5vcGU=' }), 401, 'unauthorized')
    expectError(await call(sb, '/me', { authorization: 'Token abc' }), 401, 'unauthorized')
  })

  it('refuses a legacy app_id:api_key pair with a pointer to Access Tokens', async () => {
    const { appId, apiKey } = ws().legacyKey
    const res = await call(sb, '/contacts', { authorization: basic(`${appId}:${apiKey}`) })
    expectError(res, 401, 'unauthorized')
    expect(res.json.errors[0].message).toBe(LEGACY_KEY_MESSAGE)
    expect(res.json.errors[0].message).toMatch(/replaced by Access Tokens/)
  })

  it('answers 401 token_revoked for a revoked token', async () => {
    expectError(await call(sb, '/me', { token: ws().tokens.revoked }), 401, 'token_revoked')
  })
})

describe('permissions', () => {
  it('lets a standard token read people but not admins, naming the missing scope', async () => {
    const token = ws().tokens.standard
    expect((await call(sb, '/contacts', { token })).status).toBe(200)
    expect((await call(sb, '/me', { token })).status).toBe(200)
    const admins = await call(sb, '/admins', { token })
    expectError(admins, 403, 'forbidden')
    expect(admins.json.errors[0].message).toBe('You do not have the required scope (read_admins) to access this resource')
    const admin = await call(sb, `/admins/${ws().admin.id}`, { token })
    expect(admin.json.errors[0].message).toContain('(read_single_admin)')
    // The extended token has every permission.
    expect((await call(sb, '/admins', { token: ws().tokens.extended })).status).toBe(200)
  })

  it('checks the permission before it looks up an id or validates a body (the order the write probes rest on)', async () => {
    const token = ws().tokens.standard
    // Without the scope: 403 naming it, whatever the id or the body.
    const news = await call(sb, '/news/news_items', { token, method: 'POST', body: {} })
    expectError(news, 403, 'forbidden')
    expect(news.json.errors[0].message).toContain('(read_write_news)')
    const gone = await call(sb, '/admins/token-desk-no-such-id', { token })
    expect(gone.json.errors[0].message).toContain('(read_single_admin)')
    // With it: the id is not found, the body is refused; nothing is created.
    const extended = ws().tokens.extended
    expectError(await call(sb, '/admins/token-desk-no-such-id', { token: extended }), 404, 'not_found')
    expectError(await call(sb, '/news/news_items', { token: extended, method: 'POST', body: {} }), 400, 'parameter_not_found')
    expectError(await call(sb, '/news/news_items/0', { token: extended, method: 'DELETE' }), 404, 'not_found')
  })

  it('answers a spec operation it keeps no records for after the permission check: empty lists', async () => {
    expect((await call(sb, '/articles', { token: ws().tokens.extended })).json).toMatchObject({ type: 'list', data: [] })
    expectError(await call(sb, '/articles', { token: ws().tokens.standard }), 403, 'forbidden')
  })

  it('asks for delete_conversations_and_metrics only when retain_metrics=false, and Read admins on /me only of OAuth tokens', () => {
    const router = new Router({} as HandlerTable)
    const grant = (permissions: string[], oauth = false): TokenGrant => ({
      token: 't',
      workspace: 'us',
      permissions: new Set(permissions),
      revoked: false,
      oauth
    })
    const del = router.match('DELETE', '/conversations/5').route
    const keeper = grant(['write_conversations'])
    expect(() => Router.authorize(del, keeper, new URLSearchParams('retain_metrics=true'))).not.toThrow()
    expect(() => Router.authorize(del, keeper, new URLSearchParams('retain_metrics=false'))).toThrow(/\(delete_conversations_and_metrics\)/)
    expect(() =>
      Router.authorize(del, grant(['write_conversations', 'delete_conversations_and_metrics']), new URLSearchParams('retain_metrics=false'))
    ).not.toThrow()
    const me = router.match('GET', '/me').route
    expect(() => Router.authorize(me, grant([]))).not.toThrow()
    expect(() => Router.authorize(me, grant([], true))).toThrow(/\(read_admins\)/)
  })

  it('answers 404 in Intercom shape for an unknown endpoint', async () => {
    expectError(await call(sb, '/nothing/here', { token: ws().tokens.extended }), 404, 'not_found')
  })
})

describe('Intercom-Version', () => {
  it('accepts every spec version, Preview and Unstable, and refuses others', async () => {
    const token = ws().tokens.extended
    for (const v of [...SPEC_VERSIONS, 'Preview', 'Unstable']) {
      expect((await call(sb, '/me', { token, headers: { 'Intercom-Version': v } })).status, v).toBe(200)
    }
    const bad = await call(sb, '/me', { token, headers: { 'Intercom-Version': '3.0' } })
    expectError(bad, 400, 'intercom_version_invalid')
    expect(bad.json.errors[0].message).toContain('3.0')
  })

  it('matches the spec enum recorded in spec-schemas.json', () => {
    expect([...SPEC_VERSIONS]).toEqual(specSchemas.intercomVersions)
  })
})

describe('spec-schemas.json', () => {
  it('has a response schema for every implemented operation', () => {
    for (const op of SANDBOX_OPERATIONS) {
      const entry = specSchemas.operations[`${op.method} ${op.path}`]
      expect(entry?.operationId, `${op.method} ${op.path}`).toBe(op.operationId)
    }
  })
})

describe('rate limiting', () => {
  it('counts per token in fixed windows and answers 429 past the budget', async () => {
    sb.setRateLimit({ perWindow: 3, windowSeconds: 10 })
    try {
      now = Date.UTC(2025, 0, 1, 0, 0, 1)
      const token = ws().tokens.extended
      const first = await call(sb, '/me', { token })
      expect(first.headers.get('x-ratelimit-limit')).toBe('3')
      expect(first.headers.get('x-ratelimit-remaining')).toBe('2')
      expect(first.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2025, 0, 1, 0, 0, 10) / 1000))
      await call(sb, '/me', { token })
      await call(sb, '/me', { token })
      const limited = await call(sb, '/me', { token })
      expectError(limited, 429, 'rate_limit_exceeded')
      expect(limited.json.errors[0].message).toBe('Exceeded rate limit of 3 in 10_seconds')
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
      // Another token has its own budget; errors after auth still carry the headers.
      const other = await call(sb, '/admins', { token: ws().tokens.standard })
      expect(other.status).toBe(403)
      expect(other.headers.get('x-ratelimit-remaining')).toBe('2')
      // The next window starts afresh.
      now = Date.UTC(2025, 0, 1, 0, 0, 10)
      expect((await call(sb, '/me', { token })).status).toBe(200)
    } finally {
      sb.setRateLimit({ perWindow: 10_000, windowSeconds: 10 })
    }
  })
})

describe('faults', () => {
  it('answers 500/503 at errorRate 1 and recovers when switched off', async () => {
    const token = ws().tokens.extended
    sb.setFaults({ errorRate: 1 })
    try {
      const res = await call(sb, '/me', { token })
      expect([500, 503]).toContain(res.status)
      expect(['server_error', 'service_unavailable']).toContain(res.json.errors[0].code)
    } finally {
      sb.setFaults({ errorRate: 0 })
    }
    expect((await call(sb, '/me', { token })).status).toBe(200)
  })

  it('destroys the socket at dropRate 1', async () => {
    sb.setFaults({ dropRate: 1 })
    try {
      await expect(call(sb, '/me', { token: ws().tokens.extended })).rejects.toThrow()
    } finally {
      sb.setFaults({ dropRate: 0 })
    }
  })

  it('adds latency and streams slowly, delivering the whole body', async () => {
    sb.setFaults({ latencyMs: 50, slowStreamBytesPerSec: 20_000 })
    try {
      const chunks: number[] = []
      const body = await new Promise<string>((resolve, reject) => {
        const url = new URL(`${sb.url}/contacts?per_page=5`)
        request(url, { headers: { Authorization: `Bearer ${ws().tokens.extended}` } }, (res) => {
          let text = ''
          res.on('data', (c: Buffer) => {
            chunks.push(c.length)
            text += c.toString()
          })
          res.on('end', () => resolve(text))
          res.on('error', reject)
        })
          .on('error', reject)
          .end()
      })
      expect(JSON.parse(body).data).toHaveLength(5)
      // 20 kB/s in 100 ms ticks means chunks of at most 2,000 bytes.
      expect(chunks.length).toBeGreaterThan(1)
      expect(Math.max(...chunks)).toBeLessThanOrEqual(2_000)
    } finally {
      sb.setFaults({ latencyMs: 0, slowStreamBytesPerSec: 0 })
    }
  })

  it('serves an oversized JSON body of the configured size', async () => {
    expect((await call(sb, '/sandbox/oversized')).status).toBe(404)
    sb.setFaults({ oversizedBytes: 3_000_000 })
    try {
      const res = await call(sb, '/sandbox/oversized')
      expect(res.status).toBe(200)
      expect(Buffer.byteLength(res.text)).toBe(3_000_000)
      expect(res.json.type).toBe('list')
      expect(res.json.data.length).toBeGreaterThan(1000)
      expect(res.json.data[0]).toMatchObject({ type: 'contact', id: 'oversized-0' })
    } finally {
      sb.setFaults({ oversizedBytes: 0 })
    }
  })

  it('refuses invalid fault and rate settings with a clear error', () => {
    expect(() => sb.setFaults({ errorRate: 2 })).toThrow(/errorRate/)
    expect(() => sb.setRateLimit({ perWindow: 0, windowSeconds: 10 })).toThrow(/perWindow/)
  })
})

describe('startSandbox options', () => {
  it('refuses a contact count out of range', async () => {
    await expect(startSandbox({ contacts: 100_001 })).rejects.toThrow(/contacts/)
  })
})
