// Access tokens and how a request presents one: Bearer, or Basic with the token as username
// (empty password, or no colon at all). Old `app_id:api_key` pairs are refused as Intercom does.
import { randomBytes } from 'node:crypto'
import { ApiError } from './http'
import type { Rng } from './random'
import type { WorkspaceKey } from './types'

export interface TokenGrant {
  token: string
  workspace: WorkspaceKey
  permissions: ReadonlySet<string>
  revoked: boolean
  /** Issued by the OAuth flow (some operations, such as GET /me, need a permission only then). */
  oauth: boolean
}

/** Intercom tokens are base64 of `tok:<uuid-ish hex>:<n>:<n>`; ours follow the same look. */
export function formatToken(hex: string): string {
  const uuid = `${hex.slice(0, 8)}_${hex.slice(8, 12)}_${hex.slice(12, 16)}_${hex.slice(16, 20)}_${hex.slice(20, 32)}`
  return Buffer.from(`tok:${uuid}:1:0`).toString('base64')
}

export const seededToken = (rng: Rng) => formatToken(rng.hex(32))
export const randomToken = () => formatToken(randomBytes(16).toString('hex'))

const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message)

export const LEGACY_KEY_MESSAGE =
  'API keys (app_id:api_key) were replaced by Access Tokens and no longer work. Create an Access Token in the Developer Hub and send it as "Authorization: Bearer <token>".'

export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>()

  add(token: string, workspace: WorkspaceKey, permissions: Iterable<string>, revoked = false, oauth = false): TokenGrant {
    const grant = { token, workspace, permissions: new Set(permissions), revoked, oauth }
    this.grants.set(token, grant)
    return grant
  }

  revoke(token: string): void {
    const grant = this.grants.get(token)
    if (grant) grant.revoked = true
  }

  /** The grant behind an Authorization header, or the 401 Intercom would answer. */
  authenticate(header: string | undefined): TokenGrant {
    const token = tokenFromHeader(header)
    const grant = this.grants.get(token)
    if (!grant) throw unauthorized('Access Token Invalid')
    if (grant.revoked) throw new ApiError(401, 'token_revoked', 'Token revoked')
    return grant
  }
}

function tokenFromHeader(header: string | undefined): string {
  if (!header) throw unauthorized('Access Token Invalid: send "Authorization: Bearer <token>"')
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2)
  if (scheme.toLowerCase() === 'bearer' && credentials) return credentials
  if (scheme.toLowerCase() === 'basic' && credentials) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon === -1) return decoded
    const user = decoded.slice(0, colon)
    const password = decoded.slice(colon + 1)
    if (password === '') return user
    // A username plus a password is the retired app_id:api_key scheme.
    throw unauthorized(LEGACY_KEY_MESSAGE)
  }
  throw unauthorized('Access Token Invalid: use "Authorization: Bearer <token>"')
}
