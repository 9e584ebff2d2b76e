// One contract call over browser mode's HTTP door: the request, and the answer as a result envelope.
// Shared by the page and the call worker (below), so both doors of the page speak the same way.
import type { Result } from '../../../shared/contract'

export async function httpCall(name: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      // A Blob is encoded once, natively; a string body of megabytes costs far more inside fetch.
      body: new Blob([JSON.stringify({ input })], { type: 'application/json' })
    })
    if (response.status === 403) return { ok: false, error: { code: 'forbidden_sender', message: await response.text() } }
    return (await response.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'network', message: 'Lost the connection to Token Desk. Is `npm run web` still running?' } }
  }
}

/** Above this many characters in one string, encoding the call would hold the page for a long task. */
export const LARGE_INPUT_CHARS = 256 * 1024

/** True when `value` holds a string longer than `limit` (checked without copying anything). */
export function holdsLargeString(value: unknown, limit = LARGE_INPUT_CHARS, depth = 0): boolean {
  if (typeof value === 'string') return value.length > limit
  if (value === null || typeof value !== 'object' || depth > 8) return false
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (holdsLargeString(v, limit, depth + 1)) return true
  return false
}
