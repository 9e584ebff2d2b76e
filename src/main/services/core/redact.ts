// One redactor for everything that may be logged or shown: key-based (authorization, token, ...)
// and pattern-based (Bearer values, Basic credentials, Intercom-shaped tokens, JWTs, URL query
// values). Logs keep their shape; secrets become [REDACTED]. The credential shapes and the forms a
// known secret takes are shared with history redaction (src/shared/request/secret-forms).
import { cutSecrets, SECRET_VALUE_PATTERNS } from '../../../shared/request/secret-forms'

const SECRET_KEYS =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|code|code[_-]?verifier|client[_-]?secret|password|secret|state)$/i

// Logs are stricter than typed rows (any Bearer/Basic value goes), then the shared shapes.
const SECRET_PATTERNS: readonly RegExp[] = [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, ...SECRET_VALUE_PATTERNS]

const REDACTED = '[REDACTED]'

/**
 * The secrets this process has put on a request (registered where a credential meets a request),
 * so a log line, a history entry or an export is cut of them in every form even when its caller
 * did not know them. Held in memory only.
 */
const inPlay = new Set<string>()

export function addSecretsInPlay(secrets: readonly string[]): void {
  for (const secret of secrets) if (secret.length >= 4) inPlay.add(secret)
}

/** `known` plus every secret in play. */
export function secretsInPlay(known: readonly string[] = []): string[] {
  return [...new Set([...known, ...inPlay])]
}

/** Each secret in play (and in `known`) is cut out in every form it can take (raw, base64, Basic, URL-encoded). */
export function redactText(text: string, known: readonly string[] = []): string {
  let out = cutSecrets(text, secretsInPlay(known), REDACTED).replace(/([?&][^=&#\s]+=)[^&#\s]*/g, `$1${REDACTED}`)
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match) => {
      const scheme = /^(Bearer|Basic)\s/i.exec(match)
      return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED
    })
  }
  return out
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]'
  if (typeof value === 'string') return redactText(value)
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEYS.test(key) ? REDACTED : redact(v, depth + 1)
    }
    return out
  }
  return value
}
