// The one place a draft becomes the exact HTTP request. The main-process executor sends what
// this returns and the snippet generators render it, so the two can never disagree.
import { AppError } from '../errors'
import type { AuthMode, KeyValue, RequestDraft } from '../model'

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

export type BuildField = 'baseUrl' | 'path' | 'pathParams' | 'query' | 'headers' | 'body' | 'authMode' | 'credential'

/** Bad input, with the draft field it came from (`name` is the param or header at fault). */
export class RequestBuildError extends AppError {
  constructor(
    readonly field: BuildField,
    message: string,
    readonly fieldName?: string
  ) {
    super('invalid_input', message, fieldName === undefined ? { field } : { field, name: fieldName })
    this.name = 'RequestBuildError'
  }
}

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD'])
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

  const defaults: Array<[string, string]> = [['Accept', 'application/json']]
  const version = draft.intercomVersion || ctx.defaultVersion
  if (version) defaults.push(['Intercom-Version', version])
  const authorization = authorizationHeader(draft.authMode, ctx.credential)
  if (authorization !== null) defaults.push(['Authorization', authorization])
  if (body !== null) defaults.push(['Content-Type', 'application/json'])

  const user = draft.headers.filter((h) => h.enabled && h.name !== '').map((h): [string, string] => [h.name, trimOws(h.value)])
  for (const [name, value] of [...defaults, ...user]) assertHeader(name, value)

  // A user header replaces the default of the same name in place, so the order stays stable.
  const headers = defaults.filter(([name]) => !user.some(([u]) => sameName(u, name))).concat(user)
  return { method, url, headers, body }
}

/** The Authorization value for a mode, or null when none is sent. */
export function authorizationHeader(mode: AuthMode, credential: Credential): string | null {
  if (mode === 'none' || credential.kind === 'none') return null
  if (credential.kind === 'legacy') {
    if (mode === 'bearer')
      throw new RequestBuildError(
        'authMode',
        'A legacy app ID and API key cannot be sent as a Bearer token; use the legacy or basic auth mode.'
      )
    return `Basic ${base64Utf8(`${credential.appId}:${credential.apiKey}`)}`
  }
  if (mode === 'legacy')
    throw new RequestBuildError('authMode', 'The legacy auth mode needs a legacy app ID and API key; this workspace has an access token.')
  if (/[\r\n\0]/.test(credential.token)) throw new RequestBuildError('credential', 'The token contains a line break or NUL character.')
  return mode === 'bearer' ? `Bearer ${credential.token}` : `Basic ${base64Utf8(`${credential.token}:`)}`
}

/** First and last four characters; a short secret is masked entirely so little of it leaks. */
export function maskSecret(secret: string): string {
  const chars = Array.from(secret)
  if (chars.length < 12) return '********'
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

function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
