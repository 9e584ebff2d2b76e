// The OAuth server over real HTTP: consent page, decision, code exchange, PKCE and uninstall.
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOAuthClient } from './index'
import { CODE_TTL_MS, redirectUriMatches } from './oauth'
import { call, type AnyJson } from './test-support'

let sb: Sandbox
let now = Date.UTC(2025, 5, 1)
let confidential: SandboxOAuthClient
let publicClient: SandboxOAuthClient
const REDIRECT = 'http://127.0.0.1:53682/callback'

beforeAll(async () => {
  sb = await startSandbox({ contacts: 10, seed: 5, clock: () => now })
  confidential = sb.oauthClients.find((c) => c.clientSecret !== '')!
  publicClient = sb.oauthClients.find((c) => c.clientSecret === '')!
})
afterAll(() => sb.close())

function authorizeUrl(params: Record<string, string>): string {
  return `${sb.url}/oauth?${new URLSearchParams(params)}`
}

async function consent(params: Record<string, string>) {
  const res = await fetch(authorizeUrl(params), { redirect: 'manual' })
  const html = await res.text()
  const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1]
  return { res, html, nonce }
}

async function decide(fields: Record<string, string>) {
  const res = await fetch(`${sb.url}/oauth/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual'
  })
  return { res, location: res.headers.get('location') }
}

/** Runs consent + Authorize and returns the code from the redirect. */
async function authorize(params: Record<string, string>, workspace = 'us'): Promise<string> {
  const { nonce } = await consent(params)
  const { location } = await decide({ nonce: nonce!, workspace, decision: 'authorize' })
  const code = new URL(location!).searchParams.get('code')
  expect(code).toBeTruthy()
  return code!
}

async function exchange(fields: Record<string, string>, asJson = false) {
  const res = await fetch(`${sb.url}/auth/eagle/token`, {
    method: 'POST',
    headers: { 'Content-Type': asJson ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: asJson ? JSON.stringify(fields) : new URLSearchParams(fields)
  })
  return { status: res.status, json: (await res.json()) as AnyJson }
}

describe('consent page', () => {
  it('is real HTML with a strict CSP, no script, grouped permissions and both buttons', async () => {
    const { res, html, nonce } = await consent({ client_id: confidential.clientId, state: 's1', redirect_uri: REDIRECT })
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("form-action 'self' http://127.0.0.1:53682")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(html).not.toMatch(/<script|\son\w+=/i)
    expect(html).toContain('Token Desk Sandbox App')
    for (const group of ['People', 'Companies', 'Conversations', 'Teams and teammates', 'Tags', 'Workspace counts', 'Data attributes']) {
      expect(html).toContain(`>${group}</h3>`)
    }
    expect(html).toMatch(/>Read<\/span> Read admins/)
    expect(html).toMatch(/>Write<\/span> Write tags/)
    expect(html).toMatch(/<button[^>]*value="authorize"[^>]*>Authorize<\/button>/)
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/)
    expect(html).toContain('value="us"')
    expect(html).toContain('value="eu"')
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/)
    const css = await fetch(`${sb.url}/oauth/consent.css`)
    expect(css.headers.get('content-type')).toContain('text/css')
  })

  it('shows an error page, never a redirect, for an unknown client or unregistered redirect', async () => {
    const unknown = await consent({ client_id: 'nope', redirect_uri: REDIRECT })
    expect(unknown.res.status).toBe(400)
    expect(unknown.res.headers.get('location')).toBeNull()
    expect(unknown.html).toContain('Unknown client_id')
    for (const redirect of ['https://evil.example/callback', 'http://localhost:5000/callback', 'http://127.0.0.1:5000/other']) {
      const bad = await consent({ client_id: confidential.clientId, redirect_uri: redirect })
      expect(bad.res.status, redirect).toBe(400)
      expect(bad.res.headers.get('location')).toBeNull()
      expect(bad.html).toContain('is not registered')
    }
  })

  it('accepts loopback redirects on any port and defaults to the first registered URI', async () => {
    expect((await consent({ client_id: confidential.clientId, redirect_uri: 'https://localhost:8443/callback' })).res.status).toBe(200)
    const { nonce } = await consent({ client_id: confidential.clientId, state: 'x' })
    const { location } = await decide({ nonce: nonce!, workspace: 'us', decision: 'deny' })
    expect(location!.startsWith('http://127.0.0.1/callback?')).toBe(true)
  })
})

describe('decision', () => {
  it('Deny redirects with error=access_denied and the state', async () => {
    const { nonce } = await consent({ client_id: confidential.clientId, state: 'deny-me', redirect_uri: REDIRECT })
    const { res, location } = await decide({ nonce: nonce!, workspace: 'us', decision: 'deny' })
    expect(res.status).toBe(303)
    const url = new URL(location!)
    expect(url.origin + url.pathname).toBe(REDIRECT)
    expect(Object.fromEntries(url.searchParams)).toEqual({ error: 'access_denied', state: 'deny-me' })
  })

  it('Authorize redirects with a code and the state; a replayed or forged form is refused', async () => {
    const { nonce } = await consent({ client_id: confidential.clientId, state: 'abc', redirect_uri: REDIRECT })
    const { res, location } = await decide({ nonce: nonce!, workspace: 'eu', decision: 'authorize' })
    expect(res.status).toBe(303)
    const url = new URL(location!)
    expect(url.searchParams.get('state')).toBe('abc')
    expect(url.searchParams.get('code')!.length).toBeGreaterThan(20)
    const replay = await decide({ nonce: nonce!, workspace: 'eu', decision: 'authorize' })
    expect(replay.res.status).toBe(400)
    expect(replay.location).toBeNull()
    const forged = await decide({ nonce: 'forged', workspace: 'eu', decision: 'authorize' })
    expect(forged.res.status).toBe(400)
  })
})

describe('token exchange', () => {
  it('issues a working token for the chosen workspace; the code is single-use', async () => {
    const code = await authorize({ client_id: confidential.clientId, redirect_uri: REDIRECT, state: 's' }, 'eu')
    const ok = await exchange({ code, client_id: confidential.clientId, client_secret: confidential.clientSecret })
    expect(ok.status).toBe(200)
    expect(ok.json.token_type).toBe('Bearer')
    expect(ok.json.access_token).toBe(ok.json.token)
    const me = await call(sb, '/me', { token: ok.json.token })
    expect(me.json.app.region).toBe('EU')
    expect((await call(sb, '/admins', { token: ok.json.token })).status).toBe(200)

    const reused = await exchange({ code, client_id: confidential.clientId, client_secret: confidential.clientSecret })
    expect(reused.status).toBe(401)
    expect(reused.json.errors[0].message).toBe('Unauthorized Code')
  })

  it('accepts JSON bodies and refuses bad codes, wrong secrets and expired codes', async () => {
    const code = await authorize({ client_id: confidential.clientId, redirect_uri: REDIRECT })
    expect((await exchange({ code, client_id: confidential.clientId, client_secret: confidential.clientSecret }, true)).status).toBe(200)
    const bad = await exchange({ code: 'bogus', client_id: confidential.clientId, client_secret: confidential.clientSecret })
    expect(bad).toMatchObject({ status: 401, json: { type: 'error.list', errors: [{ message: 'Unauthorized Code' }] } })
    const wrongSecret = await authorize({ client_id: confidential.clientId, redirect_uri: REDIRECT })
    expect((await exchange({ code: wrongSecret, client_id: confidential.clientId, client_secret: 'wrong' })).status).toBe(401)
    const late = await authorize({ client_id: confidential.clientId, redirect_uri: REDIRECT })
    now += CODE_TTL_MS + 1
    expect((await exchange({ code: late, client_id: confidential.clientId, client_secret: confidential.clientSecret })).status).toBe(401)
    const missing = await exchange({ client_id: confidential.clientId })
    expect(missing.status).toBe(400)
  })

  it('enforces PKCE: public clients must send a challenge and the matching verifier', async () => {
    const verifier = randomBytes(32).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const loopback = 'http://[::1]:61000/callback'

    const noChallenge = await fetch(authorizeUrl({ client_id: publicClient.clientId, redirect_uri: loopback, state: 'p' }), {
      redirect: 'manual'
    })
    const refused = new URL(noChallenge.headers.get('location')!)
    expect(refused.searchParams.get('error')).toBe('invalid_request')
    expect(refused.searchParams.get('state')).toBe('p')

    const params = { client_id: publicClient.clientId, redirect_uri: loopback, code_challenge: challenge, code_challenge_method: 'S256' }
    const noVerifier = await authorize(params)
    expect((await exchange({ code: noVerifier, client_id: publicClient.clientId })).status).toBe(401)
    const wrongVerifier = await authorize(params)
    expect(
      (await exchange({ code: wrongVerifier, client_id: publicClient.clientId, code_verifier: randomBytes(32).toString('base64url') }))
        .status
    ).toBe(401)
    const good = await authorize(params)
    const ok = await exchange({
      code: good,
      client_id: publicClient.clientId,
      code_verifier: verifier,
      redirect_uri: loopback,
      grant_type: 'authorization_code'
    })
    expect(ok.status).toBe(200)
    expect((await call(sb, '/me', { token: ok.json.token })).status).toBe(200)
  })

  it('lets a confidential client use PKCE without its secret', async () => {
    const verifier = randomBytes(40).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const code = await authorize({
      client_id: confidential.clientId,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256'
    })
    expect((await exchange({ code, client_id: confidential.clientId, code_verifier: verifier })).status).toBe(200)
    const plain = await fetch(
      authorizeUrl({ client_id: confidential.clientId, redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'plain' }),
      { redirect: 'manual' }
    )
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe('invalid_request')
  })
})

describe('uninstall', () => {
  it('revokes the token it is called with', async () => {
    const code = await authorize({ client_id: confidential.clientId, redirect_uri: REDIRECT })
    const { json } = await exchange({ code, client_id: confidential.clientId, client_secret: confidential.clientSecret })
    expect((await call(sb, '/auth/uninstall', { token: json.token, method: 'POST' })).status).toBe(200)
    const after = await call(sb, '/me', { token: json.token })
    expect(after.status).toBe(401)
    expect(after.json.errors[0].code).toBe('token_revoked')
  })
})

describe('redirectUriMatches', () => {
  it('ignores the port only for loopback URIs', () => {
    expect(redirectUriMatches('http://127.0.0.1/callback', 'http://127.0.0.1:9/callback')).toBe(true)
    expect(redirectUriMatches('http://[::1]/callback', 'http://[::1]:9/callback')).toBe(true)
    expect(redirectUriMatches('http://localhost/callback', 'http://localhost:9/callback')).toBe(true)
    expect(redirectUriMatches('https://localhost/callback', 'https://localhost:9/callback')).toBe(true)
    expect(redirectUriMatches('https://localhost/callback', 'http://localhost:9/callback')).toBe(false)
    expect(redirectUriMatches('http://127.0.0.1/callback', 'http://localhost/callback')).toBe(false)
    expect(redirectUriMatches('http://127.0.0.1/callback', 'http://127.0.0.1:9/callback#frag')).toBe(false)
    expect(redirectUriMatches('https://app.example/cb', 'https://app.example:444/cb')).toBe(false)
    expect(redirectUriMatches('https://app.example/cb', 'https://app.example/cb')).toBe(true)
    expect(redirectUriMatches('https://app.example/cb', 'not a url')).toBe(false)
  })
})
