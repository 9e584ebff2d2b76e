import { timingSafeEqual } from 'node:crypto'

export type CallbackCheck =
  { kind: 'ok'; params: URLSearchParams } | { kind: 'bad_state' } | { kind: 'error'; error: string; description: string | null }

/**
 * Judges redirect parameters, from the loopback listener or pasted by the user. `state` is checked
 * first, so nobody who merely guessed the port can end or hijack the flow (RFC 8252 §8.9).
 */
export function checkCallback(params: URLSearchParams, expectedState: string): CallbackCheck {
  const state = params.get('state')
  if (state === null || !sameString(state, expectedState)) return { kind: 'bad_state' }
  const error = params.get('error')
  if (error !== null) return { kind: 'error', error, description: params.get('error_description') }
  if (!params.get('code')) return { kind: 'error', error: 'invalid_request', description: 'the redirect carried no code' }
  return { kind: 'ok', params }
}

export function describeOAuthError(error: string, description: string | null): string {
  const what = error === 'access_denied' ? 'Sign-in was cancelled or access was denied' : `Sign-in failed (${error})`
  return description ? `${what}: ${description.slice(0, 300)}` : `${what}.`
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
