// Every form a secret can take on the way out and back: raw, base64 (with and without padding,
// and URL-safe), the Basic values our auth rule makes from it, URL- and form-encoded, and JSON-
// escaped. A response that echoes the token in any of these forms is redacted just the same.
import { base64Utf8 } from './auth'

/**
 * Credential shapes, anywhere, for text where the secret itself is not known (logs, typed rows).
 * Intercom access tokens are base64 of "tok:<uuid>:..." so they start "dG9rO".
 */
export const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
  // A digit is required so prose like "Basic troubleshooting" is not flagged.
  /\b(?:Bearer|Basic)\s+(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /dG9rO[A-Za-z0-9+/_-]{10,}=*/g,
  /\b(?:ghp_|gho_|github_pat_|xox[abp]-|sk-|sk_live_|AKIA)[A-Za-z0-9_-]{10,}/g
]

/** The secret values a credential holds: the token, or the API key and the whole app_id:api_key pair. */
export function credentialSecrets(
  credential: { kind: 'bearer'; token: string } | { kind: 'legacy'; appId: string; apiKey: string }
): string[] {
  return credential.kind === 'bearer' ? [credential.token] : [credential.apiKey, `${credential.appId}:${credential.apiKey}`]
}

/** The forms of `secret` worth cutting out, longest first so a longer form is not half-replaced. */
export function secretForms(secret: string): string[] {
  if (secret.length < 4) return []
  const b64 = [secret, `${secret}:`].map(base64Utf8)
  const forms = new Set<string>([
    secret,
    ...b64,
    ...b64.map((b) => b.replace(/=+$/, '')),
    ...b64.map((b) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1)
  ])
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length)
}

/** Cuts every form of every known secret out of `text`. */
export function cutSecrets(text: string, secrets: readonly string[], replacement: string): string {
  let out = text
  for (const form of [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)) out = out.split(form).join(replacement)
  return out
}
