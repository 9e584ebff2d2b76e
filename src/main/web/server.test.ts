// Browser mode's HTTP transport: the per-launch secret, DNS-rebinding and CSRF defences, the CSP,
// confinement of static files, and the contract carried over HTTP and SSE.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { startWebServer, type WebServer } from './server'
import { EventHub } from '../services/core/events'

const SECRET = 'test-secret-abc'
const root = mkdtempSync(path.join(os.tmpdir(), 'td-web-'))
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Token Desk</title>')
writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'outside')

const dispatch = vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } }))
const events = new EventHub()
let server: WebServer

beforeAll(async () => {
  server = await startWebServer({ dispatch, events, rendererRoot: root, secret: SECRET })
})
afterAll(() => {
  server.close()
  rmSync(root, { recursive: true, force: true })
  rmSync(path.join(os.tmpdir(), 'outside.txt'), { force: true })
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function raw(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const cookie = () => `token_desk_${server.port}=${SECRET}`

describe('browser-mode server', () => {
  it('binds 127.0.0.1 and prints a URL carrying the secret', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${SECRET}`)
  })

  it('refuses requests without the secret', async () => {
    const reply = await raw('/')
    expect(reply.status).toBe(403)
    expect(reply.body).toMatch(/URL printed in the terminal/)
    expect((await raw('/?token=wrong')).status).toBe(403)
    const call = await raw('/api/call/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(call.status).toBe(403)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('trades the secret in the URL for an HttpOnly SameSite cookie and drops it from the address bar', async () => {
    const reply = await raw(`/?token=${SECRET}`)
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    expect(String(reply.headers['set-cookie'])).toMatch(new RegExp(`token_desk_${server.port}=${SECRET}; HttpOnly; SameSite=Strict`))
  })

  it('serves the renderer with the CSP header and never a file outside it', async () => {
    const page = await raw('/', { headers: { cookie: cookie() } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('Token Desk')
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(page.headers['x-frame-options']).toBe('DENY')
    for (const p of ['/../outside.txt', '/%2e%2e/outside.txt', '/%2e%2e%2foutside.txt']) {
      const reply = await raw(p, { headers: { cookie: cookie() } })
      expect(reply.body).not.toBe('outside')
    }
  })

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    expect((await raw('/', { headers: { cookie: cookie(), host: 'evil.example' } })).status).toBe(421)
    const csrf = await raw('/api/call/app.info', {
      method: 'POST',
      headers: { cookie: cookie(), origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}'
    })
    expect(csrf.status).toBe(403)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses calls and the event stream that the browser marks as cross-site or same-site, even with the cookie', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const call = await raw('/api/call/app.info', {
        method: 'POST',
        headers: { cookie: cookie(), 'sec-fetch-site': site, 'content-type': 'application/json' },
        body: '{}'
      })
      expect(call.status).toBe(403)
      expect((await raw('/api/events', { headers: { cookie: cookie(), 'sec-fetch-site': site } })).status).toBe(403)
    }
    expect(dispatch).not.toHaveBeenCalled()
    for (const site of ['same-origin', 'none']) {
      const call = await raw('/api/call/app.info', {
        method: 'POST',
        headers: { cookie: cookie(), 'sec-fetch-site': site, 'content-type': 'application/json' },
        body: '{}'
      })
      expect(call.status).toBe(200)
    }
    dispatch.mockClear()
  })

  it('answers a call name with broken percent-encoding with a typed 400', async () => {
    const reply = await raw('/api/call/%ZZ', {
      method: 'POST',
      headers: { cookie: cookie(), origin: server.origin, 'content-type': 'application/json' },
      body: '{}'
    })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('carries contract calls over HTTP', async () => {
    const reply = await raw('/api/call/workspaces.setActive', {
      method: 'POST',
      headers: { cookie: cookie(), origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { id: 'w1' } })
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { name: 'workspaces.setActive', input: { id: 'w1' } } })
    const bad = await raw('/api/call/app.info', {
      method: 'POST',
      headers: { cookie: cookie(), 'content-type': 'application/json' },
      body: '{not json'
    })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await raw('/api/call/app.info', { headers: { cookie: cookie() } })).status).toBe(405)
  })

  it('streams events to subscribers as server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { cookie: cookie() } }, (res) => {
        let text = ''
        res.on('data', (d: Buffer) => {
          text += d.toString()
          if (text.includes('connected')) events.emit('workspacesChanged', { workspaces: [], activeId: null })
          if (text.includes('workspacesChanged')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    const data = /data: (.*)\n/.exec(received)?.[1]
    expect(JSON.parse(data!)).toEqual({ name: 'workspacesChanged', payload: { workspaces: [], activeId: null } })
  })
})
