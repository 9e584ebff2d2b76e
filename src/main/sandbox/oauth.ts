// Intercom's OAuth flow: consent page (GET /oauth), the user's decision (POST /oauth/decision),
// and the code exchange (POST /auth/eagle/token), plus optional PKCE (S256) for public clients.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ALL_PERMISSION_IDS } from '../../shared/intercom/permissions'
import { randomToken, type TokenRegistry } from './auth'
import { CONSENT_CSS, CONSENT_CSS_PATH, htmlHeaders, renderConsentPage, renderErrorPage } from './consent-page'
import { ApiError, errorBody, parseJsonOrForm, readBody } from './http'
import type { SandboxOAuthClient, SandboxWorkspace, WorkspaceKey } from './types'

export const CODE_TTL_MS = 5 * 60 * 1000
const CONSENT_TTL_MS = 10 * 60 * 1000
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

interface Authorization {
  clientId: string
  redirectUri: string
  /** Whether the client sent redirect_uri (then the exchange must repeat it, RFC 6749 §4.1.3). */
  redirectUriSent: boolean
  state: string | null
  codeChallenge: string | null
}

interface IssuedCode extends Authorization {
  workspace: WorkspaceKey
  expiresAt: number
}

/**
 * Whether a requested redirect URI matches a registered one. Loopback URIs match on any port
 * (RFC 8252 §7.3); everything else must match exactly.
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  let a: URL
  let b: URL
  try {
    a = new URL(registered)
    b = new URL(requested)
  } catch {
    return false
  }
  if (b.hash !== '' || b.username !== '' || b.password !== '') return false
  const loopback = LOOPBACK_HOSTS.has(a.hostname) && (a.protocol === 'http:' || (a.protocol === 'https:' && a.hostname === 'localhost'))
  if (loopback) return a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search
  return a.href === b.href
}

const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

class PageError extends Error {}

export class OAuthServer {
  private readonly consents = new Map<string, Authorization & { expiresAt: number }>()
  private readonly codes = new Map<string, IssuedCode>()

  constructor(
    private readonly clients: readonly SandboxOAuthClient[],
    private readonly workspaces: readonly SandboxWorkspace[],
    private readonly registry: TokenRegistry,
    private readonly now: () => number
  ) {}

  /** Answers the OAuth routes; returns false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<boolean> {
    const route = `${req.method} ${url.pathname}`
    try {
      switch (route) {
        case 'GET /oauth':
          this.consentPage(url, res)
          return true
        case 'GET /favicon.ico':
          // Browsers ask for one on every page; answer quietly instead of with an API 401.
          res.writeHead(204, { 'Cache-Control': 'max-age=86400' }).end()
          return true
        case `GET ${CONSENT_CSS_PATH}`:
          res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }).end(CONSENT_CSS)
          return true
        case 'POST /oauth/decision':
          this.decide(parseJsonOrForm(await readBody(req), 'application/x-www-form-urlencoded'), res)
          return true
        case 'POST /auth/eagle/token': {
          const body = this.exchange(parseJsonOrForm(await readBody(req), req.headers['content-type']))
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body))
          return true
        }
        default:
          return false
      }
    } catch (error) {
      if (error instanceof PageError) {
        res.writeHead(400, htmlHeaders()).end(renderErrorPage('Authorization failed', error.message))
      } else if (error instanceof ApiError) {
        res.writeHead(error.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
        res.end(JSON.stringify(errorBody(requestId, error.code, error.message)))
      } else {
        throw error
      }
      return true
    }
  }

  private consentPage(url: URL, res: ServerResponse): void {
    const q = url.searchParams
    const client = this.clients.find((c) => c.clientId === q.get('client_id'))
    if (!client) throw new PageError('Unknown client_id: this app is not registered with the sandbox.')
    const requested = q.get('redirect_uri')
    const redirectUri = requested ?? client.redirectUris[0]
    if (!redirectUri || !client.redirectUris.some((r) => redirectUriMatches(r, redirectUri))) {
      throw new PageError(`redirect_uri ${requested ?? '(none)'} is not registered for ${client.name}.`)
    }
    // From here on the redirect URI is trusted, so errors go back to the client (RFC 6749 §4.1.2.1).
    const state = q.get('state')
    const challenge = q.get('code_challenge')
    const method = q.get('code_challenge_method')
    let problem: string | null = null
    if (challenge !== null && method !== 'S256') problem = 'code_challenge_method must be S256'
    else if (challenge !== null && !/^[A-Za-z0-9_-]{43,128}$/.test(challenge))
      problem = 'code_challenge must be 43-128 base64url characters'
    else if (challenge === null && client.clientSecret === '') problem = 'code_challenge is required for public clients'
    if (problem) {
      res.writeHead(303, { Location: this.redirect(redirectUri, { error: 'invalid_request', error_description: problem, state }) }).end()
      return
    }
    const nonce = randomBytes(24).toString('base64url')
    this.consents.set(nonce, {
      clientId: client.clientId,
      redirectUri,
      redirectUriSent: requested !== null,
      state,
      codeChallenge: challenge,
      expiresAt: this.now() + CONSENT_TTL_MS
    })
    const redirectOrigin = new URL(redirectUri).origin
    const html = renderConsentPage({
      appName: client.name,
      nonce,
      redirectOrigin,
      workspaces: this.workspaces.map((w) => ({ key: w.key, label: `${w.appName} (${w.region}, ${w.appIdCode})` })),
      permissionIds: ALL_PERMISSION_IDS
    })
    res.writeHead(200, htmlHeaders(redirectOrigin)).end(html)
  }

  private decide(form: Record<string, unknown>, res: ServerResponse): void {
    const nonce = typeof form.nonce === 'string' ? form.nonce : ''
    const consent = this.consents.get(nonce)
    // Single use: a replayed or forged form finds nothing.
    this.consents.delete(nonce)
    if (!consent || consent.expiresAt < this.now()) {
      throw new PageError('This authorization request has expired or was already answered. Start again from the app.')
    }
    if (form.decision === 'deny') {
      res.writeHead(303, { Location: this.redirect(consent.redirectUri, { error: 'access_denied', state: consent.state }) }).end()
      return
    }
    const workspace = this.workspaces.find((w) => w.key === form.workspace)
    if (form.decision !== 'authorize' || !workspace) throw new PageError('Pick a workspace, then choose Authorize or Deny.')
    const code = randomBytes(24).toString('base64')
    this.codes.set(code, { ...consent, workspace: workspace.key, expiresAt: this.now() + CODE_TTL_MS })
    res.writeHead(303, { Location: this.redirect(consent.redirectUri, { code, state: consent.state }) }).end()
  }

  private redirect(base: string, params: Record<string, string | null>): string {
    const url = new URL(base)
    for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value)
    return url.href
  }

  private exchange(body: Record<string, unknown>) {
    const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined)
    const code = str('code')
    const clientId = str('client_id')
    if (!code || !clientId) throw new ApiError(400, 'parameter_not_found', 'code and client_id are required')
    const issued = this.codes.get(code)
    // Codes are single-use: any attempt consumes it, so a leaked code cannot be retried.
    this.codes.delete(code)
    const unauthorized = new ApiError(401, 'unauthorized', 'Unauthorized Code')
    if (!issued || issued.expiresAt < this.now() || issued.clientId !== clientId) throw unauthorized
    const client = this.clients.find((c) => c.clientId === clientId)
    if (!client) throw unauthorized
    const redirectUri = str('redirect_uri')
    if (issued.redirectUriSent && redirectUri !== undefined && redirectUri !== issued.redirectUri) throw unauthorized
    const secret = str('client_secret')
    const verifier = str('code_verifier')
    if (issued.codeChallenge !== null) {
      if (!verifier || !safeEqual(pkceChallenge(verifier), issued.codeChallenge)) throw unauthorized
      if (secret !== undefined && !safeEqual(secret, client.clientSecret)) throw unauthorized
    } else if (secret === undefined || client.clientSecret === '' || !safeEqual(secret, client.clientSecret)) {
      throw unauthorized
    }
    const token = randomToken()
    this.registry.add(token, issued.workspace, ALL_PERMISSION_IDS, false, true)
    return { token_type: 'Bearer', token, access_token: token }
  }
}
