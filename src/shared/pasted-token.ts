// What people paste into a token box: often the whole header value ("Bearer dG9r…"), sometimes a
// retired app_id:api_key pair. One reading of it for the contract (main) and the dialogs (renderer).

/** A leading auth scheme word copied along with the token. */
const SCHEME = /^(?:authorization\s*:\s*)?bearer\s+/i
/** An Intercom app id (8 letters and digits, or so) and an API key: Intercom's retired legacy pair. */
const LEGACY_PAIR = /^[a-z0-9]{4,16}:[A-Za-z0-9_-]{16,}$/i

export interface PastedToken {
  /** The token itself, without surrounding whitespace or the scheme word. */
  token: string
  /** Set when something was removed, to tell the user what and why. */
  note: string | null
}

/** Trims the paste and drops a leading "Bearer " (or "Authorization: Bearer "). */
export function cleanPastedToken(text: string): PastedToken {
  const trimmed = text.trim()
  const match = SCHEME.exec(trimmed)
  if (!match) return { token: trimmed, note: null }
  return { token: trimmed.slice(match[0].length).trim(), note: 'The word “Bearer” was removed: only the token itself is kept.' }
}

/** True for an `app_id:api_key` pair pasted where an Access Token was expected. */
export function looksLikeLegacyPair(text: string): boolean {
  return LEGACY_PAIR.test(cleanPastedToken(text).token)
}

export const LEGACY_PAIR_HINT =
  'This looks like an app_id:api_key pair, which Intercom retired. Use the “Legacy API key” tab to keep it for migration, or paste an Access Token.'
