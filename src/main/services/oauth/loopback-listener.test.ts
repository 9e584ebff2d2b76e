import http from 'node:http'
import https from 'node:https'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryVault } from '../vault/memory-vault'
import { loopbackCertificate } from './loopback-certificate'
import { LoopbackListener } from './loopback-listener'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(
  listener: LoopbackListener,
  path: string,
  options: { method?: string; host?: string | null; ca?: string } = {}
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.host !== null) headers.host = options.host ?? `127.0.0.1:${listener.port}`
  const transport = options.ca ? https : http
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        host: '127.0.0.1',
        port: listener.port,
        path,
        method: options.method ?? 'GET',
        headers,
        setHost: false,
        ca: options.ca,
        servername: 'localhost'
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject).end()
  })
}

const refused = (listener: LoopbackListener) =>
  request(listener, '/callback?state=s&code=c').then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED'
  )

let current: LoopbackListener | null = null
const start = async (options: Partial<Parameters<typeof LoopbackListener.start>[0]> = {}) =>
  (current = await LoopbackListener.start({ expectedState: 'expected-state', ...options }))
afterEach(() => current?.cancel())

describe('LoopbackListener', () => {
  it('binds 127.0.0.1 on an ephemeral port and builds the redirect URI from it', async () => {
    const listener = await start()
    expect(listener.address().address).toBe('127.0.0.1')
    expect(listener.port).toBeGreaterThan(0)
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`)
  })

  it('answers 404 on any other path and keeps listening', async () => {
    const listener = await start()
    expect((await request(listener, '/favicon.ico')).status).toBe(404)
    expect((await request(listener, '/callbackx?state=expected-state&code=c')).status).toBe(404)
    expect(listener.closed).toBe(false)
  })

  it('accepts GET only', async () => {
    const listener = await start()
    const reply = await request(listener, '/callback?state=expected-state&code=c', { method: 'POST' })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('GET')
    expect(listener.closed).toBe(false)
  })

  it('answers 400 to a wrong or missing Host (DNS rebinding) and keeps listening', async () => {
    const listener = await start()
    expect((await request(listener, '/callback?state=expected-state&code=c', { host: 'evil.example:80' })).status).toBe(400)
    expect((await request(listener, '/callback?state=expected-state&code=c', { host: `127.0.0.1:${listener.port + 1}` })).status).toBe(400)
    expect((await request(listener, '/callback?state=expected-state&code=c', { host: null })).status).toBe(400)
    expect(listener.closed).toBe(false)
  })

  it('answers 400 to a wrong or missing state and keeps waiting for the real answer', async () => {
    const listener = await start()
    expect((await request(listener, '/callback?state=guess&code=c')).status).toBe(400)
    expect((await request(listener, '/callback?code=c')).status).toBe(400)
    expect((await request(listener, '/callback?state=guess&error=access_denied')).status).toBe(400)
    expect(listener.closed).toBe(false)
    expect(
      (await request(listener, '/callback?state=expected-state&code=the%2Bcode%3D', { host: `localhost:${listener.port}` })).status
    ).toBe(200)
    expect((await listener.result).get('code')).toBe('the+code=')
  })

  it('serves a static success page with strict headers, then closes at once', async () => {
    const listener = await start()
    const reply = await request(listener, '/callback?state=expected-state&code=abc')
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'",
      'content-type': 'text/html; charset=utf-8'
    })
    expect(reply.body).toMatch(/return to Token Desk/)
    expect(reply.body).not.toMatch(/<script|abc/)
    expect((await listener.result).get('code')).toBe('abc')
    expect(listener.closed).toBe(true)
    expect(await refused(listener)).toBe(true)
  })

  it('ends the flow on error=access_denied with a clear message', async () => {
    const listener = await start()
    const reply = await request(listener, '/callback?state=expected-state&error=access_denied&error_description=User%20said%20no')
    expect(reply.status).toBe(200)
    expect(reply.body).not.toContain('User said no')
    await expect(listener.result).rejects.toMatchObject({
      code: 'oauth',
      message: 'Sign-in was cancelled or access was denied: User said no',
      details: { error: 'access_denied' }
    })
    expect(await refused(listener)).toBe(true)
  })

  it('times out and closes', async () => {
    const listener = await start({ timeoutMs: 50 })
    await expect(listener.result).rejects.toMatchObject({ code: 'timeout' })
    expect(await refused(listener)).toBe(true)
  })

  it('can be cancelled, which closes it', async () => {
    const listener = await start()
    listener.cancel()
    await expect(listener.result).rejects.toMatchObject({ code: 'cancelled' })
    expect(await refused(listener)).toBe(true)
  })

  it('listens on a fixed port when asked, and says so when the port is taken', async () => {
    const first = await start()
    const port = first.port
    first.cancel()
    const fixed = await start({ port, path: '/oauth/intercom' })
    expect(fixed.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/intercom`)
    await expect(LoopbackListener.start({ expectedState: 'x', port })).rejects.toMatchObject({ code: 'busy' })
  })

  it('serves https://localhost with a locally made certificate cached in the vault', async () => {
    const vault = new MemoryVault()
    const tls = await loopbackCertificate(vault)
    expect(await loopbackCertificate(vault)).toEqual(tls)
    const listener = await start({ tls })
    expect(listener.redirectUri).toBe(`https://localhost:${listener.port}/callback`)
    const reply = await request(listener, '/callback?state=expected-state&code=tls-code', {
      ca: tls.cert,
      host: `localhost:${listener.port}`
    })
    expect(reply.status).toBe(200)
    expect((await listener.result).get('code')).toBe('tls-code')
  })
})
