// The generic PKCE flow against a strict third-party authorization server (oidc-provider) on
// 127.0.0.1: a native public client, PKCE required, loopback redirect matched with any port.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OAuthFlows } from './flows'

let server: http.Server
let issuer: string

beforeAll(async () => {
  server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'token-desk',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code']
      }
    ],
    cookies: { keys: ['test-only-cookie-key'] }
  })
  server.on('request', provider.callback())
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** Plays the browser and the user: follows redirects with a cookie jar and submits the dev login and consent forms. */
async function browse(url: string, stopAt: string): Promise<string> {
  const jar = new Map<string, string>()
  let next: { url: string; init?: RequestInit } = { url }
  for (let hop = 0; hop < 20; hop++) {
    if (next.url.startsWith(stopAt)) return next.url
    const response = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...(next.init?.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const eq = pair.indexOf('=')
      jar.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    const location = response.headers.get('location')
    if (location) {
      next = { url: new URL(location, next.url).href }
      continue
    }
    const html = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    if (!action) throw new Error(`stuck at ${response.status}`)
    const fields = new URLSearchParams()
    for (const [, name, value] of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      fields.set(name!, value!)
    if (/name="login"/.test(html)) fields.set('login', 'alice')
    if (/name="password"/.test(html)) fields.set('password', 'anything')
    next = {
      url: new URL(action, next.url).href,
      init: { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    }
  }
  throw new Error('too many hops')
}

const request = (extra: object = {}) => ({
  kind: 'generic' as const,
  authorizationUrl: `${issuer}/auth`,
  tokenUrl: `${issuer}/token`,
  clientId: 'token-desk',
  scopes: ['openid'],
  ...extra
})

describe('OAuthFlows — generic PKCE provider (oidc-provider)', () => {
  it('completes authorization code + PKCE S256 through the loopback listener', async () => {
    const flows = new OAuthFlows({ opener: { openExternal: async () => undefined } })
    const { flowId, authorizeUrl, redirectUri } = await flows.start(request())
    const url = new URL(authorizeUrl)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('response_type')).toBe('code')
    const callback = await browse(authorizeUrl, redirectUri)
    expect(new URL(callback).searchParams.get('iss')).toBe(issuer)
    expect((await fetch(callback)).status).toBe(200)
    const result = await flows.result(flowId)
    expect(result).toMatchObject({ kind: 'generic', tokenType: 'bearer', accessToken: expect.any(String), idToken: expect.any(String) })
  })

  it('rejects a response from an unexpected issuer (mix-up defence) before redeeming the code', async () => {
    const flows = new OAuthFlows({ opener: { openExternal: async () => undefined } })
    const { flowId, authorizeUrl, redirectUri } = await flows.start(request({ issuer: 'https://other-issuer.example' }))
    await fetch(await browse(authorizeUrl, redirectUri))
    await expect(flows.result(flowId)).rejects.toMatchObject({ code: 'oauth', message: expect.stringMatching(/iss/) })
  })

  it('surfaces the server refusing the code (a wrong secret for a public client)', async () => {
    const flows = new OAuthFlows({ opener: { openExternal: async () => undefined } })
    const { flowId, authorizeUrl, redirectUri } = await flows.start(request({ clientSecret: 'not-registered' }))
    await fetch(await browse(authorizeUrl, redirectUri))
    await expect(flows.result(flowId)).rejects.toMatchObject({
      code: 'oauth',
      message: expect.stringMatching(/token endpoint refused the code: invalid_client/)
    })
  })
})
