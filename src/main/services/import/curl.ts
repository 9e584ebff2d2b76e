// Turns a pasted curl command (for example one from Intercom's docs) into a request draft.
// curlconverter does the shell parsing ('\'' and $'…' strings, line continuations, curl's own
// option rules); this module only maps its result onto our model. Credentials are lifted out of
// the draft so they can be offered to the vault instead of being saved with the request.
//
// The deep import is deliberate: the package's generators (toJsonObject, toHarString) re-parse
// JSON and form bodies, which would change the bytes; `parse` keeps them exactly as curl sends them.
import { COMMON_SUPPORTED_ARGS, parse, type Request, type Warnings } from 'curlconverter/dist/src/parse.js'
import shellParser from 'curlconverter/dist/src/shell/Parser.js'
import type { Word } from 'curlconverter/dist/src/shell/Word.js'
import { AppError } from '../../../shared/errors'
import { DEFAULT_HEADERS } from '../../../shared/request/build'
import { splitPathQuery } from '../../../shared/request/query-sync'
import {
  HTTP_METHODS,
  REGION_HOSTS,
  type AuthMode,
  REGIONS,
  RequestDraft,
  type HttpMethod,
  type KeyValue,
  type Region,
  type RequestDraftInput
} from '../../../shared/model'

export interface DetectedCredential {
  kind: 'bearer' | 'basic'
  token: string
}

export interface ImportedCurl {
  /** The path is relative when the URL is on a known Intercom host, else the full URL. */
  draft: RequestDraftInput
  region: Region | null
  /** Taken out of the draft's headers: offer it to the vault, never save it with the request. */
  detectedCredential: DetectedCredential | null
  /** Ignored flags and anything imported differently from how curl would send it, named. */
  warnings: string[]
}

export class CurlImportError extends AppError {
  constructor(message: string) {
    super('invalid_input', message)
    this.name = 'CurlImportError'
  }
}

// tree-sitter reads a string input in one piece of at most `bufferSize` (32 KiB by default) and
// fails with "Invalid argument" past it, so any command over about 33 KB could not be imported.
// curlconverter passes no options; its parser is a shared instance, so give it room for the whole input.
const parseShell = shellParser.parse.bind(shellParser)
shellParser.parse = (input, oldTree, options) =>
  parseShell(input, oldTree, typeof input === 'string' ? { bufferSize: Math.max(32 * 1024, input.length + 1), ...options } : options)

/** Options mapped below; anything else curlconverter knows is reported as ignored. */
const SUPPORTED = new Set(COMMON_SUPPORTED_ARGS)
const GLOB_WARNING =
  'The URL has {…} or […], which curl would expand as a pattern; they were imported as text, and {name} becomes a path parameter.'
/** Headers the request builder adds itself with these values, so keeping them would be noise. */
const BUILDER_DEFAULTS: Record<string, string> = {
  ...Object.fromEntries(DEFAULT_HEADERS.map(([name, value]) => [name.toLowerCase(), value.toLowerCase()])),
  'content-type': 'application/json'
}
/** Options that change nothing on the wire for Token Desk (it always decodes compressed answers). */
const NEUTRAL_OPTIONS = new Set(['--compressed'])

export function importCurl(command: string): ImportedCurl {
  const parserWarnings: Warnings = []
  let requests: Request[]
  try {
    requests = parse(command, SUPPORTED, parserWarnings)
  } catch (e) {
    throw new CurlImportError(`Could not read this as a curl command: ${firstLine(e instanceof Error ? e.message : String(e))}`)
  }
  const request = requests[0]
  const target = request?.urls[0]
  if (!request || !target) throw new CurlImportError('Could not read this as a curl command: it has no URL.')

  // Parser warnings can quote the command, which may hold a token: keep only their first line.
  const warnings = parserWarnings
    .filter(([, message]) => ![...NEUTRAL_OPTIONS].some((option) => message.startsWith(`${option} is not a supported option`)))
    .map(([id, message]) => (id === 'glob-in-url' ? GLOB_WARNING : firstLine(message)))
  if (requests.length > 1 || request.urls.length > 1)
    warnings.push('The command has more than one URL or request; only the first was imported.')
  const text = (word: Word, what: string): string => {
    const variables = word.tokens.filter((t) => typeof t !== 'string').map((t) => t.text)
    if (variables.length > 0) warnings.push(`${what} uses ${variables.join(', ')}, which was imported as literal text.`)
    return word.toString()
  }

  const method = target.method.toString().toUpperCase()
  if (!(HTTP_METHODS as readonly string[]).includes(method)) throw new CurlImportError(`The method ${method} is not supported.`)
  const { path, query, region } = splitUrl(text(target.url, 'The URL'), warnings)

  let detectedCredential: DetectedCredential | null = null
  // No credential in the command means none is sent (auth mode None), as curl would.
  let authMode: AuthMode = 'none'
  let intercomVersion: string | null = null
  const headers: KeyValue[] = []
  for (const [nameWord, valueWord] of request.headers) {
    if (valueWord === null) continue // `-H 'Name:'` removes a header curl would add; we add none of those.
    const name = nameWord.toString()
    const lower = name.toLowerCase()
    const value = text(valueWord, `Header ${name}`)
    if (lower === 'authorization') {
      const scheme = /^(bearer|basic)\s/i.exec(value)?.[1]?.toLowerCase() as 'bearer' | 'basic' | undefined
      const found = valueWord.isString() ? credentialFrom(value) : null
      if (!valueWord.isString() && scheme) {
        authMode = scheme
        warnings.push('The Authorization header reads a shell variable; it was left out and the workspace token is used instead.')
      } else if (found?.kind === 'placeholder') authMode = found.mode
      else if (found) {
        detectedCredential ??= found
        authMode = found.kind
      } else {
        // Another scheme (Token abc, Digest …) or a shell variable: kept exactly as typed.
        headers.push({ name, value, enabled: true })
        warnings.push('The Authorization header is not a Bearer or Basic token; it was kept as typed, and no workspace token is added.')
      }
      continue
    }
    if (lower === 'content-length') {
      // Framing belongs to the HTTP client; it always sends the body's real length.
      const expected = request.data ? null : '0'
      if (expected === null || value.trim() !== expected) warnings.push('The Content-Length header was left out; the real length is sent.')
      continue
    }
    // An empty Intercom-Version is sent empty, not replaced by the workspace's version.
    if (lower === 'intercom-version' && value !== '') intercomVersion = value
    else if (BUILDER_DEFAULTS[lower] !== value.toLowerCase()) headers.push({ name, value, enabled: true })
  }
  if (target.auth) {
    if (!target.auth.every((w) => w.isString()))
      warnings.push('The -u credential reads a shell variable; it was left out and the workspace credential is used instead.')
    if (request.authType === 'basic') {
      const [user, password] = target.auth.map((w) => w.toString())
      const found = target.auth.every((w) => w.isString()) ? basicCredential(user ?? '', password ?? '') : null
      if (found && found.kind !== 'placeholder') detectedCredential ??= found
      // A password means an app_id:api_key pair: the legacy mode of the same rule.
      authMode = password ? 'legacy' : 'basic'
      if (password && found === null)
        warnings.push(
          'The Basic credential has a password (a legacy app ID and API key); it was left out. Add it in the workspace settings.'
        )
    } else warnings.push(`${request.authType} authentication is not supported; the credential was left out.`)
  }

  let body: string | null = null
  const files = (request.dataArray ?? []).flatMap((d) => ('filetype' in d ? [d.filename.toString()] : []))
  if (files.length > 0)
    warnings.push(`The body is read from ${files.map((f) => `"${f}"`).join(', ')}; paste the file's contents into the body.`)
  else if (request.data) body = text(request.data, 'The body')
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value
  if (body !== null && /^application\/x-www-form-urlencoded/i.test(contentType ?? '') && looksLikeJson(body)) {
    warnings.push('curl sends this JSON body as application/x-www-form-urlencoded; Intercom expects Content-Type: application/json.')
  }
  if (body !== null && (method === 'GET' || method === 'HEAD'))
    warnings.push(`A ${method} request cannot have a body here; change the method or remove the body before sending.`)

  const draft = RequestDraft.safeParse({
    method: method as HttpMethod,
    path,
    pathParams: Object.fromEntries([...path.matchAll(/\{([^{}/]+)\}/g)].map((m) => [m[1], ''])),
    query,
    headers,
    body,
    intercomVersion,
    authMode
  } satisfies RequestDraftInput)
  if (!draft.success)
    throw new CurlImportError(
      `The command does not fit a request: ${draft.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`
    )
  return { draft: draft.data, region, detectedCredential, warnings }
}

function splitUrl(url: string, warnings: string[]): { path: string; query: KeyValue[]; region: Region | null } {
  const parts = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url)
  if (!parts) throw new CurlImportError(`"${url}" is not an http or https URL.`)
  const [, scheme = '', authority = '', rawPath = '', rawQuery = ''] = parts
  if (!/^https?$/i.test(scheme)) throw new CurlImportError(`Only http and https URLs can be imported, not ${scheme}.`)
  if (authority.includes('@'))
    throw new CurlImportError('The URL contains a user name or password; use -u or an Authorization header instead.')

  const host = authority.toLowerCase()
  const region = REGIONS.find((r) => new URL(REGION_HOSTS[r]).host === host) ?? null
  if (region && scheme.toLowerCase() !== 'https') warnings.push(`${host} only serves https; the request will use https.`)
  const path = region ? rawPath || '/' : `${scheme}://${authority}${rawPath}`
  // The query becomes Params rows by the composer's own rule, and only when the rows send it as
  // written; otherwise ("a+b", "flag" without "=") it stays in the path exactly as written.
  return { ...splitPathQuery(rawQuery === '' && !url.includes('?') ? path : `${path}?${rawQuery}`), region }
}

type Found = DetectedCredential | { kind: 'placeholder'; mode: 'bearer' | 'basic' } | null

function credentialFrom(value: string): Found {
  const [, scheme = '', credentials = ''] = /^(\S+)\s+(\S+)\s*$/.exec(value) ?? []
  // A docs placeholder such as <YOUR_TOKEN_HERE>: nothing to keep, but the mode is clear.
  if (/^bearer$/i.test(scheme))
    return /^<.*>$/.test(credentials) ? { kind: 'placeholder', mode: 'bearer' } : { kind: 'bearer', token: credentials }
  if (/^basic$/i.test(scheme)) {
    const decoded = decodeBase64(credentials)
    const colon = decoded?.indexOf(':') ?? -1
    if (decoded !== null && colon !== -1) return basicCredential(decoded.slice(0, colon), decoded.slice(colon + 1))
  }
  return null
}

/** Intercom reads the token from the Basic user name, with an empty password. */
function basicCredential(user: string, password: string): Found {
  if (/^<.*>$/.test(user)) return { kind: 'placeholder', mode: 'basic' }
  if (password === '' && user !== '') return { kind: 'basic', token: user }
  return null
}

function decodeBase64(text: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    return null
  }
}

function looksLikeJson(text: string): boolean {
  try {
    return typeof JSON.parse(text) === 'object'
  } catch {
    return false
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? ''
}
