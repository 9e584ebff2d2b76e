import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { generate } from 'selfsigned'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import type { PreparedRequest } from '../../../shared/request/build'
import { executeRequest, type ExecuteOptions } from './executor'
import { explainNetworkError } from '../http/network-errors'
import { startServer, type TestServer } from '../http/test-server'

const TOKEN = 'dG9rOnNlY3JldC10b2tlbi0xMjM0NTY3ODkw'
const servers: TestServer[] = []
let spoolDir: string

beforeEach(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), 'td-exec-'))
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await rm(spoolDir, { recursive: true, force: true })
})

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args)
  servers.push(s)
  return s
}

const get = (url: string, extra: Array<[string, string]> = []): PreparedRequest => ({
  method: 'GET',
  url,
  headers: [['Authorization', `Bearer ${TOKEN}`], ['Cookie', 'session=abc'], ...extra],
  body: null
})

const opts = (o: Partial<ExecuteOptions> = {}): ExecuteOptions => ({ spoolDir, timeoutMs: 5_000, ...o })

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(AppError)
  const appErr = err as AppError
  // No failure ever echoes the credential.
  expect(JSON.stringify({ m: appErr.message, d: appErr.details })).not.toContain(TOKEN)
  return appErr
}

describe('executeRequest', () => {
  it('returns status, headers, body, rate limit and parsed Intercom errors', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(401, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '167',
        'x-ratelimit-remaining': '160',
        'x-ratelimit-reset': '1700000010'
      })
      res.end(JSON.stringify({ type: 'error.list', request_id: 'r1', errors: [{ code: 'token_revoked', message: 'Token revoked' }] }))
    })
    const r = await executeRequest(get(`${s.origin}/me`), opts())
    expect(r.status).toBe(401)
    expect(r.contentType).toBe('application/json')
    expect(r.rateLimit).toEqual({ limit: 167, remaining: 160, resetAt: 1_700_000_010_000 })
    expect(r.intercomErrors?.[0]).toMatchObject({ code: 'token_revoked', message: 'Token revoked' })
    expect(r.intercomErrors?.[0]?.hint).toMatch(/re-authorize|new access token/i)
    expect(r.body.kind).toBe('inline')
    expect(r.headers).toContainEqual(['x-ratelimit-limit', '167'])
    expect(s.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('sends the body and method it was given', async () => {
    const s = await serve((_req, res) => res.end('{}'))
    await executeRequest(
      { method: 'POST', url: `${s.origin}/contacts`, headers: [['Content-Type', 'application/json']], body: '{"email":"a@b.c"}' },
      opts()
    )
    expect(s.requests[0]).toMatchObject({ method: 'POST', body: '{"email":"a@b.c"}' })
    expect(s.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it('does not carry Authorization or Cookie across a redirect to another origin', async () => {
    const other = await serve((_req, res) => res.end('landed'))
    const first = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.origin}/elsewhere` })
      res.end()
    })
    const r = await executeRequest(get(`${first.origin}/start`, [['Intercom-Version', '2.16']]), opts())
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ kind: 'inline', text: 'landed' })
    expect(r.redirects).toEqual([{ status: 302, url: `${other.origin}/elsewhere` }])
    expect(first.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    const landed = other.requests[0]?.headers
    expect(landed?.authorization).toBeUndefined()
    expect(landed?.cookie).toBeUndefined()
    expect(landed?.['intercom-version']).toBe('2.16')
  })

  it('never re-adds Authorization after leaving the origin, even when sent back', async () => {
    let originUrl = ''
    const other = await serve((_req, res) => {
      res.writeHead(307, { location: `${originUrl}/back` })
      res.end()
    })
    const first = await serve((req, res) => {
      if (req.url === '/back') return void res.end('back')
      res.writeHead(302, { location: `${other.origin}/bounce` })
      res.end()
    })
    originUrl = first.origin
    const r = await executeRequest(get(`${first.origin}/start`), opts())
    expect(r.body).toEqual({ kind: 'inline', text: 'back' })
    expect(first.requests.map((x) => x.headers.authorization)).toEqual([`Bearer ${TOKEN}`, undefined])
  })

  it('keeps Authorization on a same-origin redirect', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/new') return void res.end('ok')
      res.writeHead(301, { location: '/new' })
      res.end()
    })
    const r = await executeRequest(get(`${s.origin}/old`), opts())
    expect(r.body).toEqual({ kind: 'inline', text: 'ok' })
    expect(s.requests.map((x) => [x.url, x.headers.authorization])).toEqual([
      ['/old', `Bearer ${TOKEN}`],
      ['/new', `Bearer ${TOKEN}`]
    ])
  })

  it('turns a POST into a body-less GET on 303, and keeps method and body on 307', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/see-other') {
        res.writeHead(303, { location: '/result' })
        return void res.end()
      }
      if (req.url === '/temp') {
        res.writeHead(307, { location: '/result' })
        return void res.end()
      }
      res.end('done')
    })
    const post = (path: string): PreparedRequest => ({
      method: 'POST',
      url: `${s.origin}${path}`,
      headers: [['Content-Type', 'application/json']],
      body: '{"a":1}'
    })
    await executeRequest(post('/see-other'), opts())
    expect(s.requests[1]).toMatchObject({ method: 'GET', url: '/result', body: '' })
    expect(s.requests[1]?.headers['content-type']).toBeUndefined()
    await executeRequest(post('/temp'), opts())
    expect(s.requests[3]).toMatchObject({ method: 'POST', url: '/result', body: '{"a":1}' })
  })

  it('stops after 5 redirects', async () => {
    const s = await serve((req, res) => {
      res.writeHead(302, { location: `/hop${Number(req.url?.slice(4) || 0) + 1}` })
      res.end()
    })
    const err = await failure(executeRequest(get(`${s.origin}/hop0`), opts()))
    expect(err.code).toBe('network')
    expect(err.message).toMatch(/5 redirects/)
    expect(s.requests).toHaveLength(6)
  })

  it('times out when the server never answers, naming the host', async () => {
    const s = await serve(() => undefined)
    const err = await failure(executeRequest(get(`${s.origin}/slow`), opts({ timeoutMs: 150 })))
    expect(err.code).toBe('timeout')
    expect(err.message).toContain(new URL(s.origin).host)
  })

  it('times out when the body stalls half-way', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"data":[')
    })
    const err = await failure(executeRequest(get(`${s.origin}/stall`), opts({ timeoutMs: 150 })))
    expect(err.code).toBe('timeout')
  })

  it('is cancelled mid-download and leaves no spool file behind', async () => {
    const controller = new AbortController()
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.write(Buffer.alloc(4096, 97), () => setTimeout(() => controller.abort(), 50))
    })
    const err = await failure(executeRequest(get(`${s.origin}/big`), opts({ signal: controller.signal, maxInMemoryBytes: 1024 })))
    expect(err.code).toBe('cancelled')
    expect(await readdir(spoolDir)).toEqual([])
  })

  it('is cancelled at once when the signal is already aborted', async () => {
    const s = await serve((_req, res) => res.end('x'))
    const err = await failure(executeRequest(get(`${s.origin}/`), opts({ signal: AbortSignal.abort() })))
    expect(err.code).toBe('cancelled')
    expect(s.requests).toHaveLength(0)
  })

  it('spools a body above the in-memory threshold to a file, with a preview', async () => {
    const payload = JSON.stringify({ data: Array.from({ length: 5000 }, (_, i) => ({ id: String(i), name: `Contact ${i} – ü` })) })
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(payload)
    })
    const r = await executeRequest(get(`${s.origin}/contacts`), opts({ maxInMemoryBytes: 10_000 }))
    if (r.body.kind !== 'file') throw new Error(`expected a spooled body, got ${r.body.kind}`)
    expect(r.body.bytes).toBe(Buffer.byteLength(payload))
    expect(r.bytes).toBe(r.body.bytes)
    expect(await readFile(r.body.path, 'utf8')).toBe(payload)
    expect(payload.startsWith(r.body.preview)).toBe(true)
    expect(r.body.preview.length).toBeGreaterThan(1000)
    expect(r.body.path.startsWith(spoolDir)).toBe(true)
  })

  it('keeps a body under the threshold in memory', async () => {
    const s = await serve((_req, res) => res.end('small'))
    const r = await executeRequest(get(`${s.origin}/`), opts({ maxInMemoryBytes: 10_000 }))
    expect(r.body).toEqual({ kind: 'inline', text: 'small' })
    expect(await readdir(spoolDir)).toEqual([])
  })

  it('refuses a body above the hard cap, streamed or declared, and keeps working', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-length': String(50_000) })
        return void res.end(Buffer.alloc(50_000, 98))
      }
      if (req.url === '/streamed') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(10_000, 97))
        return void res.end()
      }
      res.end('fine')
    })
    for (const path of ['/declared', '/streamed']) {
      const err = await failure(executeRequest(get(`${s.origin}${path}`), opts({ maxInMemoryBytes: 5_000, maxBytes: 30_000 })))
      expect(err.code).toBe('too_large')
      expect(err.message).toContain(new URL(s.origin).host)
    }
    expect(await readdir(spoolDir)).toEqual([])
    const ok = await executeRequest(get(`${s.origin}/after`), opts({ maxBytes: 30_000 }))
    expect(ok.body).toEqual({ kind: 'inline', text: 'fine' })
  })

  it('decodes a gzip body', async () => {
    const json = JSON.stringify({ type: 'list', data: [{ id: '1' }] })
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(gzipSync(json))
    })
    const r = await executeRequest(get(`${s.origin}/`), opts())
    expect(r.body).toEqual({ kind: 'inline', text: json })
    expect(s.requests[0]?.headers['accept-encoding']).toMatch(/gzip/)
  })

  it('explains a self-signed TLS certificate in plain words', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048 })
    const s = await serve((_req, res) => res.end('secret'), { key: pems.private, cert: pems.cert })
    const err = await failure(executeRequest(get(`${s.origin}/me`), opts()))
    expect(err.code).toBe('network')
    expect(err.message).toMatch(/self-signed/)
    expect(err.message).toContain(new URL(s.origin).host)
    expect(s.requests).toHaveLength(0)
  })

  it('explains a refused connection', async () => {
    const s = await startServer(() => undefined)
    const origin = s.origin
    await s.close()
    const err = await failure(executeRequest(get(`${origin}/me`), opts()))
    expect(err.code).toBe('network')
    expect(err.message).toMatch(/refused/)
    expect(err.message).toContain(new URL(origin).host)
    expect(err.details).toMatchObject({ cause: 'ECONNREFUSED' })
  })

  it('rejects a URL that is not http(s)', async () => {
    const err = await failure(executeRequest(get('file:///etc/passwd'), opts()))
    expect(err.code).toBe('invalid_input')
  })
})

describe('explainNetworkError', () => {
  const withCode = (code: string) => Object.assign(new Error('boom'), { code })
  it.each([
    ['CERT_HAS_EXPIRED', /expired/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /could not be verified/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /different host name/],
    ['ENOTFOUND', /does not resolve/],
    ['ECONNRESET', /reset/],
    ['ETIMEDOUT', /timed out/]
  ])('%s', (code, pattern) => {
    const err = explainNetworkError(withCode(code), 'api.intercom.io')
    expect(err.message).toMatch(pattern)
    expect(err.message).toContain('api.intercom.io')
    expect(err.code).toBe(code === 'ETIMEDOUT' ? 'timeout' : 'network')
  })

  it('finds the code on a wrapped cause', () => {
    const wrapped = Object.assign(new Error('outer'), {
      code: 'ERR_NETWORK',
      cause: Object.assign(new Error('inner'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })
    })
    expect(explainNetworkError(wrapped, 'h').message).toMatch(/self-signed/)
  })

  it('says something useful for an unknown failure without echoing its message', () => {
    const err = explainNetworkError(new Error('https://h/?token=abc'), 'h')
    expect(err.message).toBe('Could not talk to h.')
  })
})
