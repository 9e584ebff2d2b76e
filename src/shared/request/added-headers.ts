// What a request carries besides the header rows the user typed, for the composer's preview:
// the same list, from the same builder, that Send and every snippet put on the wire.
import type { RequestDraft } from '../model'
import { buildRequest, contentLength } from './build'

/**
 * The headers the builder adds to `draft` (defaults not replaced by a row, Intercom-Version,
 * Content-Type, and Content-Length as the HTTP client writes it), in the order they are sent.
 * Authorization is left to the auth preview and Host to the URL. Null when Send would refuse the draft.
 */
export function addedHeaders(draft: RequestDraft, defaultVersion: string): Array<[string, string]> | null {
  let sent
  try {
    // The host does not change the headers; a placeholder keeps this free of the workspace's address.
    sent = buildRequest(draft, { baseUrl: 'https://api.intercom.io', defaultVersion, credential: { kind: 'none' } })
  } catch {
    return null
  }
  const typed = new Set(draft.headers.filter((h) => h.enabled && h.name !== '').map((h) => h.name.toLowerCase()))
  const added = sent.headers.filter(([name]) => !typed.has(name.toLowerCase()))
  const length = contentLength(sent)
  return length === null ? added : [...added, ['Content-Length', length]]
}
