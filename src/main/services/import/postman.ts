// Postman Collection v2.1 import and export. Import keeps folders, methods, URLs, headers and raw
// bodies; every part it cannot carry over is named in the report with the item it came from.
// Literal credentials never become part of a draft: they come back separately, for the vault.
import { randomUUID } from 'node:crypto'
import { decodeQuery, splitPathQuery } from '../../../shared/request/query-sync'
import {
  FolderSegment,
  type ImportedCredential,
  type ImportedRequest,
  type ImportReport,
  type ImportWarning
} from '../../../shared/library'
import { HTTP_METHODS, REGION_HOSTS, RequestDraft, type AuthMode, type KeyValue } from '../../../shared/model'
import { AppError } from '../../../shared/errors'
import { findSecretValues, maskSecret, stripSecrets } from '../library/secrets'

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

export interface PostmanImport {
  requests: ImportedRequest[]
  report: ImportReport
  /** Credential id → secret value. Main process only: never send this to the renderer. */
  credentialValues: Map<string, string>
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined

const TEMPLATE = /\{\{([^{}]+)\}\}/g
const isTemplateOnly = (v: string): boolean => /^\s*(\{\{[^{}]+\}\}\s*)+$/.test(v)
const INTERCOM_HOSTS = new Set(Object.values(REGION_HOSTS).map((u) => new URL(u).host))
// Variable names this app uses on export for Intercom's legacy (app id + API key) Basic auth.
const LEGACY_USER = '{{appId}}'
const LEGACY_PASS = '{{apiKey}}'

// Parts of each object we understand; anything else is reported. Ids and `_postman_*` are metadata.
const KNOWN = {
  collection: ['info', 'item', 'auth', 'event', 'variable'],
  folder: ['name', 'item', 'auth', 'event', 'description', 'variable'],
  item: ['name', 'request', 'response', 'event', 'description', 'variable'],
  request: ['method', 'url', 'header', 'body', 'auth', 'description']
} as const

/** Parses a v2.0/v2.1 collection (JSON text or already-parsed value). */
export function importPostmanCollection(input: string | unknown): PostmanImport {
  let doc: unknown = input
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input)
    } catch (e) {
      throw new AppError('invalid_input', `not a Postman collection: the file is not valid JSON (${(e as Error).message})`)
    }
  }
  if (!isObj(doc) || !isObj(doc.info) || !Array.isArray(doc.item))
    throw new AppError('invalid_input', 'not a Postman collection: expected an object with "info" and an "item" list')
  const schema = str(doc.info.schema) ?? ''
  if (schema && !/collection\/v2\.[01]\.0/.test(schema))
    throw new AppError('invalid_input', `unsupported Postman collection schema "${schema}" (v2.0 and v2.1 are supported)`)
  return new Importer(str(doc.info.name) ?? 'Imported collection').run(doc)
}

class Importer {
  private readonly requests: ImportedRequest[] = []
  private readonly warnings: ImportWarning[] = []
  private readonly credentials: ImportedCredential[] = []
  private readonly credentialValues = new Map<string, string>()
  private readonly variables = new Map<string, Set<string>>()
  private readonly reportedAuth = new WeakSet<object>()
  private folderCount = 0
  private described = 0

  constructor(private readonly name: string) {}

  run(doc: Json): PostmanImport {
    this.unknownKeys(doc, KNOWN.collection, '')
    this.scripts(doc, '')
    this.walk(doc.item as unknown[], [], [], isObj(doc.auth) ? doc.auth : undefined)
    if (this.described > 0)
      this.warn('', 'description', `${this.described} description${this.described === 1 ? ' was' : 's were'} not imported`)
    return {
      requests: this.requests,
      credentialValues: this.credentialValues,
      report: {
        collectionName: this.name,
        requestCount: this.requests.length,
        folderCount: this.folderCount,
        warnings: this.warnings,
        credentials: this.credentials,
        variables: [...this.variables]
          .map(([name, paths]) => ({ name, itemPaths: [...paths] }))
          .sort((a, b) => a.name.localeCompare(b.name))
      }
    }
  }

  private walk(items: unknown[], folder: string[], names: string[], auth: Json | undefined): void {
    for (const item of items) {
      if (!isObj(item)) {
        this.warn(names.join(' / '), 'other', 'an item that is not an object was skipped')
        continue
      }
      const name = (str(item.name) ?? '').trim()
      const itemNames = [...names, name || '(unnamed)']
      const itemPath = itemNames.join(' / ')
      if (item.description !== undefined && item.description !== '') this.described++
      this.scripts(item, itemPath)
      const ownAuth = isObj(item.auth) ? item.auth : auth
      if (Array.isArray(item.item)) {
        this.folderCount++
        this.unknownKeys(item, KNOWN.folder, itemPath)
        this.walk(item.item, [...folder, folderSegment(name)], itemNames, ownAuth)
      } else if (item.request !== undefined) {
        this.unknownKeys(item, KNOWN.item, itemPath)
        if (Array.isArray(item.response) && item.response.length > 0)
          this.warn(
            itemPath,
            'response_examples',
            `${item.response.length} saved response example${item.response.length === 1 ? ' was' : 's were'} not imported`
          )
        this.request(item.request, name || 'Untitled request', folder.join('/'), itemPath, ownAuth)
      } else this.warn(itemPath, 'other', 'an item with neither a request nor sub-items was skipped')
    }
  }

  private request(req: unknown, name: string, folder: string, itemPath: string, inherited: Json | undefined): void {
    // v2.1 allows a bare URL string as the request.
    const r: Json = typeof req === 'string' ? { url: req, method: 'GET' } : isObj(req) ? req : {}
    this.unknownKeys(r, KNOWN.request, itemPath)
    if (r.description !== undefined && r.description !== '') this.described++
    const method = (str(r.method) ?? 'GET').toUpperCase()
    if (!(HTTP_METHODS as readonly string[]).includes(method))
      return this.warn(itemPath, 'method', `method ${method} is not supported; the request was skipped`)
    const url = parseUrl(r.url)
    if (!url) return this.warn(itemPath, 'url', 'the request has no URL; it was skipped')

    let authMode: AuthMode = this.auth(isObj(r.auth) ? r.auth : inherited, itemPath)
    let intercomVersion: string | null = null
    const headers: KeyValue[] = []
    for (const h of headerRows(r.header)) {
      const lower = h.name.trim().toLowerCase()
      if (lower === 'authorization' && h.enabled) {
        authMode = /^\s*basic\b/i.test(h.value) ? 'basic' : 'bearer'
        if (!isPlaceholderAuth(h.value)) this.credential(itemPath, 'header', h.name, h.value.trim().replace(/^(Bearer|Basic)\s+/i, ''))
      } else if (lower === 'intercom-version' && h.enabled) intercomVersion = isTemplateOnly(h.value) ? null : h.value.trim() || null
      else headers.push(h)
    }

    const parsed = RequestDraft.safeParse({
      method,
      path: url.path,
      pathParams: url.pathParams,
      query: url.query,
      headers,
      body: this.body(r.body, itemPath),
      intercomVersion,
      authMode
    })
    if (!parsed.success) return this.warn(itemPath, 'other', `could not import: ${parsed.error.issues[0]?.message ?? 'invalid request'}`)
    // Tokens typed into headers, query, path or body: reported for the vault, never kept.
    const secrets = findSecretValues(parsed.data)
    for (const s of secrets) this.credential(itemPath, s.location, s.name, s.value)
    const draft = secrets.length > 0 ? stripSecrets(parsed.data) : parsed.data
    this.noteVariables(draft, itemPath)
    this.requests.push({ name: name.slice(0, 200), folder, draft })
  }

  /** The draft's auth mode for an auth block; literal credentials are reported, not kept. */
  private auth(auth: Json | undefined, itemPath: string): AuthMode {
    if (!auth) return 'bearer'
    const type = str(auth.type) ?? ''
    const first = !this.reportedAuth.has(auth)
    this.reportedAuth.add(auth)
    if (type === 'noauth') return 'none'
    if (type === 'bearer') {
      const token = authParam(auth, 'bearer', 'token')
      if (first && token && !isTemplateOnly(token)) this.credential(itemPath, 'auth_bearer', 'bearer token', token)
      return 'bearer'
    }
    if (type === 'basic') {
      const user = authParam(auth, 'basic', 'username') ?? ''
      const pass = authParam(auth, 'basic', 'password') ?? ''
      if (user === LEGACY_USER && pass === LEGACY_PASS) return 'legacy'
      const literal = [user, pass].some((v) => v && !isTemplateOnly(v))
      // Intercom's Basic form is the token as username with an empty password.
      if (first && literal) this.credential(itemPath, 'auth_basic', 'basic credentials', pass ? `${user}:${pass}` : user)
      return 'basic'
    }
    if (first)
      this.warn(itemPath, 'auth', `auth type "${type || '(none)'}" is not supported; the requests use the workspace's token instead`)
    return 'bearer'
  }

  private body(body: unknown, itemPath: string): string | null {
    if (!isObj(body) || body.disabled === true) return null
    const mode = str(body.mode) ?? ''
    if (mode === 'raw') return str(body.raw) ?? ''
    if (mode === 'file') this.warn(itemPath, 'file_body', 'a file body was not imported')
    else if (mode) {
      const fields = Array.isArray(body[mode]) ? ` (${(body[mode] as unknown[]).length} fields)` : ''
      this.warn(itemPath, 'body_mode', `a "${mode}" body${fields} was not imported; only raw bodies are supported`)
    }
    return null
  }

  private scripts(obj: Json, itemPath: string): void {
    if (!Array.isArray(obj.event) || obj.event.length === 0) return
    const kinds = [...new Set(obj.event.map((e) => (isObj(e) ? str(e.listen) : undefined) ?? 'unknown'))]
    this.warn(itemPath, 'script', `${kinds.join(' and ')} script${obj.event.length === 1 ? ' was' : 's were'} not imported`)
  }

  private unknownKeys(obj: Json, known: readonly string[], itemPath: string): void {
    const extra = Object.keys(obj).filter((k) => !known.includes(k) && k !== 'id' && k !== 'uid' && !k.startsWith('_postman'))
    for (const k of extra) this.warn(itemPath, 'other', `"${k}" was not imported`)
  }

  private credential(itemPath: string, source: ImportedCredential['source'], name: string, value: string): void {
    const id = randomUUID()
    this.credentialValues.set(id, value)
    this.credentials.push({ id, itemPath, source, name, preview: maskSecret(value) })
  }

  private noteVariables(draft: RequestDraft, itemPath: string): void {
    const texts = [
      draft.path,
      ...Object.values(draft.pathParams),
      ...draft.query.flatMap((q) => [q.name, q.value]),
      ...draft.headers.flatMap((h) => [h.name, h.value]),
      draft.body ?? ''
    ]
    for (const t of texts)
      for (const m of t.matchAll(TEMPLATE)) {
        const name = m[1]!.trim()
        if (name === 'redacted') continue
        if (!this.variables.has(name)) this.variables.set(name, new Set())
        this.variables.get(name)!.add(itemPath)
      }
  }

  private warn(itemPath: string, kind: ImportWarning['kind'], message: string): void {
    this.warnings.push({ itemPath, kind, message })
  }
}

function isPlaceholderAuth(value: string): boolean {
  const v = value.trim().replace(/^(Bearer|Basic)\s+/i, '')
  return v === '' || isTemplateOnly(v)
}

/** `auth.bearer` is a list of {key, value} in v2.1 and a plain object in v2.0. */
function authParam(auth: Json, type: string, key: string): string | undefined {
  const params = auth[type]
  if (Array.isArray(params)) {
    const p = params.find((x) => isObj(x) && x.key === key)
    return isObj(p) ? str(p.value) : undefined
  }
  return isObj(params) ? str(params[key]) : undefined
}

function headerRows(header: unknown): KeyValue[] {
  if (typeof header === 'string')
    return header
      .split(/\r?\n/)
      .filter((l) => l.includes(':'))
      .map((l) => ({ name: l.slice(0, l.indexOf(':')).trim(), value: l.slice(l.indexOf(':') + 1).trim(), enabled: true }))
  if (!Array.isArray(header)) return []
  return header.filter(isObj).map((h) => ({ name: str(h.key) ?? '', value: str(h.value) ?? '', enabled: h.disabled !== true }))
}

/** A folder name made safe for a directory; odd characters become "-". */
function folderSegment(name: string): string {
  const cleaned = name
    .replace(/[\\/<>:"|?*\p{Cc}]/gu, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
  if (FolderSegment.safeParse(cleaned).success) return cleaned
  const suffixed = `${cleaned}-folder`
  return cleaned && FolderSegment.safeParse(suffixed).success ? suffixed : 'Untitled folder'
}

interface ParsedUrl {
  path: string
  pathParams: Record<string, string>
  query: KeyValue[]
}

/** A Postman URL (string or object) as a draft path: relative for Intercom hosts and `{{baseUrl}}`. */
function parseUrl(url: unknown): ParsedUrl | null {
  const u: Json = typeof url === 'string' ? { raw: url } : isObj(url) ? url : {}
  const raw = (str(u.raw) ?? '').replace(/#.*$/, '')
  const qIndex = raw.indexOf('?')
  const rawBase = qIndex >= 0 ? raw.slice(0, qIndex) : raw
  const rawQuery = qIndex >= 0 ? raw.slice(qIndex + 1) : ''

  let protocol: string | undefined
  let host: string
  let path: string
  if (u.host !== undefined || u.path !== undefined) {
    // The structured form is what Postman itself sends; raw is only for display.
    protocol = str(u.protocol)
    host = Array.isArray(u.host) ? u.host.map((h) => str(h) ?? '').join('.') : (str(u.host) ?? '')
    if (str(u.port)) host += `:${str(u.port)}`
    const segs = Array.isArray(u.path) ? u.path.map((s) => (isObj(s) ? str(s.value) : str(s)) ?? '') : undefined
    path = segs ? `/${segs.join('/')}` : (str(u.path) ?? '')
  } else {
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/]*)(.*)$/i.exec(rawBase.trim())
    if (!m || !rawBase.trim()) return null
    protocol = m[1]
    host = m[2] ?? ''
    path = m[3] ?? ''
  }
  if (!host && !path) return null
  if (path && !path.startsWith('/')) path = `/${path}`
  const relative = !host || isTemplateOnly(host) || INTERCOM_HOSTS.has(host.toLowerCase())
  const pathParams: Record<string, string> = {}
  const vars = Array.isArray(u.variable) ? u.variable.filter(isObj) : []
  for (const v of vars) if (str(v.key)) pathParams[str(v.key)!] = str(v.value) ?? ''
  path = path
    .split('/')
    .map((seg) => (/^:[A-Za-z0-9_]+$/.test(seg) ? `{${seg.slice(1)}}` : seg))
    .join('/')
  // Postman sends its query entries as written (a value of null: no "="). The enabled ones become
  // Params rows by the composer's rule when rows send them the same, else they stay in the path.
  const entries = Array.isArray(u.query)
    ? u.query
        .filter(isObj)
        .map((q) => ({ key: str(q.key) ?? '', value: q.value === null ? null : (str(q.value) ?? ''), on: q.disabled !== true }))
    : rawQuery === ''
      ? []
      : rawQuery.split('&').map((pair) => {
          const eq = pair.indexOf('=')
          return { key: eq >= 0 ? pair.slice(0, eq) : pair, value: eq >= 0 ? pair.slice(eq + 1) : null, on: true }
        })
  const typed = entries
    .filter((e) => e.on)
    .map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`))
    .join('&')
  const full = relative ? path || '/' : `${protocol ?? 'https'}://${host}${path}`
  const split = typed === '' ? { path: full, query: [] } : splitPathQuery(`${full}?${typed}`)
  const disabled = entries
    .filter((e) => !e.on)
    .map((e) => ({ name: decodeQuery(e.key), value: decodeQuery(e.value ?? ''), enabled: false }))
  return { path: split.path, pathParams, query: [...split.query, ...disabled] }
}

/**
 * A query component as Postman should send it to mean the same: `% & + # =` escaped, the rest as
 * written, so `{{variables}}` still work and spaces stay readable.
 */
function postmanComponent(text: string): string {
  return text.replace(/[%&+#=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

// ---- export ---------------------------------------------------------------------------------

export interface ExportableRequest {
  name: string
  folder: string
  draft: RequestDraft
}

interface PostmanItem {
  name: string
  item?: PostmanItem[]
  request?: Json
}

/**
 * A v2.1 collection: relative paths on a `{{baseUrl}}` host, and a collection-level Bearer auth
 * with `{{token}}`, so Postman sends `Authorization: Bearer {{token}}`. Never a real token:
 * drafts are stripped of anything that looks like one. `operationId` has no Postman equivalent.
 */
export function exportPostmanCollection(
  name: string,
  requests: readonly ExportableRequest[],
  opts: { baseUrl?: string; knownSecrets?: readonly string[] } = {}
): Json {
  const root: PostmanItem[] = []
  const folders = new Map<string, PostmanItem[]>([['', root]])
  const folderItems = (folder: string): PostmanItem[] => {
    const existing = folders.get(folder)
    if (existing) return existing
    const cut = folder.lastIndexOf('/')
    const group: PostmanItem = { name: folder.slice(cut + 1), item: [] }
    folderItems(cut >= 0 ? folder.slice(0, cut) : '').push(group)
    folders.set(folder, group.item!)
    return group.item!
  }
  for (const r of requests)
    folderItems(r.folder).push({ name: r.name, request: exportRequest(stripSecrets(r.draft, { alsoRemove: opts.knownSecrets })) })
  return {
    info: { name, schema: POSTMAN_SCHEMA_V21 },
    item: root,
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    variable: [
      { key: 'baseUrl', value: opts.baseUrl ?? REGION_HOSTS.US, type: 'string' },
      { key: 'token', value: '', type: 'string' }
    ]
  }
}

const EXPORT_AUTH: Record<AuthMode, Json | undefined> = {
  bearer: undefined, // inherits the collection's Bearer {{token}}
  basic: {
    type: 'basic',
    basic: [
      { key: 'username', value: '{{token}}', type: 'string' },
      { key: 'password', value: '', type: 'string' }
    ]
  },
  legacy: {
    type: 'basic',
    basic: [
      { key: 'username', value: LEGACY_USER, type: 'string' },
      { key: 'password', value: LEGACY_PASS, type: 'string' }
    ]
  },
  none: { type: 'noauth' }
}

function exportRequest(draft: RequestDraft): Json {
  // A query typed into the path belongs in Postman's query list, not in a path segment: as rows
  // when rows send it the same, else its pairs exactly as typed.
  const split = splitPathQuery(draft.path)
  const at = split.path.indexOf('?')
  const typedPairs = at === -1 ? [] : split.path.slice(at + 1).split('&')
  const d = { ...draft, path: at === -1 ? split.path : split.path.slice(0, at), query: [...split.query, ...draft.query] }
  const entries = [
    ...typedPairs.map((pair) => {
      const eq = pair.indexOf('=')
      return { key: eq === -1 ? pair : pair.slice(0, eq), value: eq === -1 ? null : pair.slice(eq + 1), on: true }
    }),
    ...d.query.map((q) => ({ key: postmanComponent(q.name), value: postmanComponent(q.value), on: q.enabled }))
  ]
  const absolute = /^https?:\/\//i.exec(d.path) !== null
  const parsed = absolute ? new URL(d.path) : undefined
  // `{name}` path segments become Postman's `:name` path variables.
  const pathText = (parsed ? decodeURI(parsed.pathname) : d.path).replace(/(^|\/)\{([A-Za-z0-9_]+)\}(?=\/|$)/g, '$1:$2')
  const segments = pathText.replace(/^\//, '').split('/')
  const enabledQuery = entries.filter((e) => e.on).map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`))
  const base = parsed ? `${parsed.protocol}//${parsed.host}` : '{{baseUrl}}'
  const url: Json = {
    raw: `${base}${pathText}${enabledQuery.length ? `?${enabledQuery.join('&')}` : ''}`,
    host: parsed ? parsed.hostname.split('.') : ['{{baseUrl}}'],
    path: segments
  }
  if (parsed) {
    url.protocol = parsed.protocol.replace(':', '')
    if (parsed.port) url.port = parsed.port
  }
  if (entries.length) url.query = entries.map((e) => ({ key: e.key, value: e.value, ...(e.on ? {} : { disabled: true }) }))
  if (Object.keys(d.pathParams).length) url.variable = Object.entries(d.pathParams).map(([key, value]) => ({ key, value }))
  const header = [
    ...d.headers.map((h) => ({ key: h.name, value: h.value, ...(h.enabled ? {} : { disabled: true }) })),
    ...(d.intercomVersion ? [{ key: 'Intercom-Version', value: d.intercomVersion }] : [])
  ]
  const request: Json = { method: d.method, header, url }
  if (d.body !== null) request.body = { mode: 'raw', raw: d.body, options: { raw: { language: looksLikeJson(d.body) ? 'json' : 'text' } } }
  const auth = EXPORT_AUTH[d.authMode]
  if (auth) request.auth = auth
  return request
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
