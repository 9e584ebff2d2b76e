// The one place a draft becomes the exact HTTP request. The main-process executor sends what
// this returns and the snippet generators render it, so the two can never disagree.
import type { AuthMode, KeyValue, RequestDraft } from '../model'
import { authorizationValue, authPlan, type CredentialKind } from './auth'
import { RequestBuildError } from './errors'

export { RequestBuildError, type BuildField } from './errors'

export type Credential = { kind: 'token'; token: string } | { kind: 'legacy'; appId: string; apiKey: string } | { kind: 'none' }

export interface BuildContext {
  /** e.g. https://api.intercom.io or http://127.0.0.1:4010 (a path prefix is kept). */
  baseUrl: string
  defaultVersion: string
  /** `{ kind: 'none' }` builds the request without an Authorization header. */
  credential: Credential
}

export interface PreparedRequest {
  method: string
  /** Canonical: only RFC 3986 characters, so every client sends it byte for byte. */
  url: string
  headers: Array<[name: string, value: string]>
  body: string | null
}

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD'])
/** Every request carries these unless the draft sets its own; nothing else is added but Host and Content-Length. */
export const DEFAULT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Accept', 'application/json'],
  ['Accept-Encoding', 'gzip, deflate'],
  ['User-Agent', 'TokenDesk/0.1']
]
/** Framing headers belong to the HTTP client; letting users set them would make curl and the executor disagree. */
const CLIENT_OWNED_HEADERS = new Set(['content-length', 'transfer-encoding', 'host', 'connection'])
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const PLACEHOLDER = /\{([^{}/]+)\}/g

export function buildRequest(draft: RequestDraft, ctx: BuildContext): PreparedRequest {
  const method = draft.method.toUpperCase()
  const body = draft.body === null || draft.body === '' ? null : draft.body
  if (body !== null && METHODS_WITHOUT_BODY.has(method)) {
    throw new RequestBuildError('body', `A ${method} request cannot have a body; remove it or use another method.`)
  }

  const url = appendQuery(resolveUrl(substitutePathParams(draft.path, draft.pathParams), ctx.baseUrl), draft.query)

  // The draft's own headers are checked before the credential, so code that checks the token at
  // run time (the Python and Node snippets) refuses a draft for the same reason Send does.
  const user = draft.headers.filter((h) => h.enabled && h.name !== '').map((h): [string, string] => [h.name, trimOws(h.value)])
  for (const [name, value] of user) assertHeader(name, value)
  assertNoDuplicates(user)

  const defaults: Array<[string, string]> = DEFAULT_HEADERS.map(([n, v]): [string, string] => [n, v])
  const version = draft.intercomVersion || ctx.defaultVersion
  if (version) defaults.push(['Intercom-Version', version])
  if (body !== null) defaults.push(['Content-Type', 'application/json'])
  for (const [name, value] of defaults) assertHeader(name, value)
  const authorization = authorizationHeader(draft.authMode, ctx.credential)
  if (authorization !== null) defaults.push(['Authorization', authorization])

  // A user header replaces the default of the same name in place, so the order stays stable.
  const headers = defaults.filter(([name]) => !user.some(([u]) => sameName(u, name))).concat(user)
  return { method, url, headers, body }
}

/** The Authorization value for a mode, or null when none is sent (the rule lives in ./auth). */
export function authorizationHeader(mode: AuthMode, credential: Credential): string | null {
  return authorizationValue(authPlan(mode, credentialKind(credential)), credentialSecret(credential))
}

export function credentialKind(credential: Credential): CredentialKind {
  return credential.kind
}

/** The secret an env var holds for this credential: the token, or `app_id:api_key`. */
export function credentialSecret(credential: Credential): string {
  return credential.kind === 'token' ? credential.token : credential.kind === 'legacy' ? `${credential.appId}:${credential.apiKey}` : ''
}

/**
 * Content-Length as every door sends it: the body's UTF-8 byte count, and 0 for a body-less
 * method other than GET and HEAD (RFC 9110 §8.6; Python requests and Node do this on their own).
 */
export function contentLength(req: Pick<PreparedRequest, 'method' | 'body'>): string | null {
  if (req.body !== null) return String(new TextEncoder().encode(req.body).length)
  return METHODS_WITHOUT_BODY.has(req.method) ? null : '0'
}

/** Two rows with one header name: clients disagree on sending both, so the request is refused. */
function assertNoDuplicates(rows: Array<[string, string]>): void {
  const seen = new Set<string>()
  for (const [name] of rows) {
    const key = name.toLowerCase()
    if (seen.has(key))
      throw new RequestBuildError(
        'headers',
        `Header ${name} is set in more than one row; keep one row (join several values with a comma) or untick the others.`,
        name
      )
    seen.add(key)
  }
}

/**
 * The one masking rule (previews, findings, snippets): first and last four characters of a long
 * secret; anything shorter than 16 characters is masked entirely, with no hint of its length.
 */
export function maskSecret(secret: string): string {
  const chars = Array.from(secret.trim())
  if (chars.length < 16) return '••••••••'
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`
}

/** True when `url` is on the same scheme, host and port as `baseUrl`. */
export function isSameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin
  } catch {
    return false
  }
}

/**
 * Refuses header names that are not RFC 7230 tokens and values that are not printable ASCII
 * (CR, LF and NUL would inject headers; other bytes are sent differently by different clients).
 */
export function assertHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) {
    throw new RequestBuildError('headers', `Header name "${name}" is not valid: use letters, digits and !#$%&'*+-.^_\`|~ only.`, name)
  }
  if (CLIENT_OWNED_HEADERS.has(name.toLowerCase())) {
    throw new RequestBuildError('headers', `Header ${name} is set by the HTTP client itself; remove it.`, name)
  }
  const bad = /[\r\n\0]/.exec(value) ?? /[^\t\x20-\x7e]/.exec(value)
  if (bad) {
    const what =
      bad[0] === '\r'
        ? 'a carriage return (CR)'
        : bad[0] === '\n'
          ? 'a line feed (LF)'
          : bad[0] === '\0'
            ? 'a NUL character'
            : `the character ${JSON.stringify(bad[0])}`
    throw new RequestBuildError('headers', `Header ${name} contains ${what}; header values must be printable ASCII on one line.`, name)
  }
}

/** RFC 3986 encoding of one component: everything but unreserved characters. */
export function encodeComponent(text: string): string {
  // Lone surrogates become U+FFFD, as WHATWG URL does, instead of making encodeURIComponent throw.
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Placeholders are only read in the path part; braces in a typed query string are data. */
function substitutePathParams(path: string, params: Record<string, string>): string {
  const end = path.search(/[?#]/)
  const [pathPart, rest] = end === -1 ? [path, ''] : [path.slice(0, end), path.slice(end)]
  return (
    pathPart.replace(PLACEHOLDER, (_, name: string) => {
      const value = params[name]
      if (value === undefined || value === '') {
        throw new RequestBuildError('pathParams', `Path parameter {${name}} needs a value.`, name)
      }
      // URL parsers resolve "." and ".." segments even when encoded, which would change the endpoint.
      if (value === '.' || value === '..') {
        throw new RequestBuildError('pathParams', `Path parameter {${name}} cannot be "${value}".`, name)
      }
      return encodeComponent(value)
    }) + rest
  )
}

function resolveUrl(path: string, baseUrl: string): URL {
  const absolute = /^https?:\/\//i.test(path)
  let url: URL
  try {
    url = new URL(absolute ? path : joinPath(baseUrl, path))
  } catch {
    throw absolute
      ? new RequestBuildError('path', `"${path}" is not a valid URL.`)
      : new RequestBuildError('baseUrl', `The workspace host "${baseUrl}" is not a valid URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RequestBuildError(absolute ? 'path' : 'baseUrl', `Only http and https URLs can be sent, not ${url.protocol}`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new RequestBuildError('path', 'The URL contains a user name or password; use the auth settings instead.')
  }
  url.hash = ''
  url.pathname = canonical(url.pathname)
  url.search = canonical(url.search)
  return url
}

function joinPath(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`)
}

/** A query typed into the path (without its "?") as the builder sends it: WHATWG URL's encoding, then RFC 3986. */
export function queryAsSent(query: string): string {
  const url = new URL('https://host.invalid/')
  url.search = query
  return canonical(url.search).replace(/^\?/, '')
}

/** Percent-encodes what WHATWG URL leaves raw but RFC 3986 does not allow, and stray `%`. */
function canonical(part: string): string {
  return part.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g, (c) => encodeURIComponent(c))
}

function appendQuery(url: URL, rows: KeyValue[]): string {
  const pairs = rows.filter((r) => r.enabled && r.name !== '').map((r) => `${encodeComponent(r.name)}=${encodeComponent(r.value)}`)
  const base = url.href
  if (pairs.length === 0) return base
  const separator = url.search === '' ? (base.endsWith('?') ? '' : '?') : '&'
  return base + separator + pairs.join('&')
}

/** Leading and trailing whitespace is not part of a field value (RFC 9110 §5.5); clients differ in keeping it. */
function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '')
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
