// The one rule for putting a workspace's credential on the wire. The executor, every curl
// snippet and the Python and Node code follow the plan this returns, so one credential has one
// Authorization value everywhere (issue: legacy app_id:api_key was sent with a trailing colon
// by the snippets and without by Send).
import type { AuthMode } from '../model'
import { RequestBuildError } from './errors'

/** What kind of secret the workspace holds; 'none' builds a request with no Authorization. */
export type CredentialKind = 'token' | 'legacy' | 'none'

/**
 * How the secret becomes the Authorization value:
 * - bearer: `Bearer <secret>`
 * - basic: `Basic base64(utf8(<secret><suffix>))`. A token is the user name with a blank
 *   password (suffix ":"); a legacy secret is already `app_id:api_key` (suffix "").
 */
export type AuthPlan = { scheme: 'none' } | { scheme: 'bearer' } | { scheme: 'basic'; suffix: '' | ':' }

export const AUTH_MESSAGES = {
  legacyAsBearer: 'A legacy app ID and API key cannot be sent as a Bearer token; use the legacy or basic auth mode.',
  legacyWithToken: 'The legacy auth mode needs a legacy app ID and API key; this workspace has an access token.',
  lineBreak: 'The token contains a line break or NUL character.',
  bearerNotAscii:
    'The token contains a character that cannot be sent in a Bearer header (only printable ASCII can); use the basic auth mode.'
} as const

/** Which auth modes a credential allows, and how each is written. Refuses the others. */
export function authPlan(mode: AuthMode, kind: CredentialKind): AuthPlan {
  if (mode === 'none' || kind === 'none') return { scheme: 'none' }
  if (kind === 'legacy') {
    if (mode === 'bearer') throw new RequestBuildError('authMode', AUTH_MESSAGES.legacyAsBearer)
    return { scheme: 'basic', suffix: '' }
  }
  if (mode === 'legacy') throw new RequestBuildError('authMode', AUTH_MESSAGES.legacyWithToken)
  return mode === 'bearer' ? { scheme: 'bearer' } : { scheme: 'basic', suffix: ':' }
}

/** Refuses a secret the plan cannot send; generated code repeats these checks with the same messages. */
export function checkSecret(plan: AuthPlan, secret: string): void {
  if (plan.scheme === 'none') return
  if (/[\r\n\0]/.test(secret)) throw new RequestBuildError('credential', AUTH_MESSAGES.lineBreak)
  if (plan.scheme === 'bearer' && /[^\x20-\x7e]/.test(secret)) throw new RequestBuildError('credential', AUTH_MESSAGES.bearerNotAscii)
}

/** The exact Authorization value, or null when none is sent. */
export function authorizationValue(plan: AuthPlan, secret: string): string | null {
  checkSecret(plan, secret)
  if (plan.scheme === 'none') return null
  if (plan.scheme === 'bearer') return `Bearer ${secret}`
  return `Basic ${base64Utf8(secret + plan.suffix)}`
}

export function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
