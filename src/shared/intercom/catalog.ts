// The Intercom endpoint catalog: typed access, search and request-path matching over the data file
// that scripts/codegen/gen-catalog.ts derives from the OpenAPI spec. Pure data code: runs in main and renderer.
import { HTTP_METHODS, type HttpMethod, type KeyValue, type RequestDraftInput } from '../model'
import type { PermissionNeed, PermissionSource } from './permissions'
import catalogJson from './catalog.json' with { type: 'json' }

export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object'

export interface CatalogParam {
  name: string
  type: ParamType
  /** Allowed values (for arrays: of each item). */
  enum?: (string | number)[]
  required: boolean
  /** The spec's example, as text for an input field. */
  example?: string
}

export type PaginationKind = 'cursor' | 'search' | 'page' | 'scroll' | 'none'

/** A JSON value, as found in a request-body skeleton. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface CatalogOperation {
  /** The spec's operationId; derived from the summary for the few operations that lack one. */
  operationId: string
  method: HttpMethod
  /** Path template, e.g. `/contacts/{contact_id}/tags`. */
  path: string
  /** Primary (first) tag. */
  group: string
  tags: string[]
  summary: string
  pathParams: CatalogParam[]
  queryParams: CatalogParam[]
  /** Header parameters other than Intercom-Version (e.g. Accept for downloads). */
  headerParams: CatalogParam[]
  hasBody: boolean
  /** Skeleton of the JSON request body; null when there is none. */
  body: JsonValue | null
  /** The permission (scope id) it needs, null when unknown. */
  permission: string | null
  permissionSource: PermissionSource
  /** Every permission it needs, with the source of each and the condition under which it applies. */
  needs: PermissionNeed[]
  /** Top-level body fields the spec marks required (a body lacking one must be refused). */
  requiredBodyFields: string[]
  pagination: PaginationKind
  /** Where the cursor or page number goes: `search` pages in the body, most others in the query. */
  paginationIn: 'query' | 'body' | null
  /** Response property holding the items when paginated; dotted when nested (`data.articles`). */
  listKey: string | null
}

export interface CatalogData {
  source: string
  versions: string[]
  defaultVersion: string
  /** Primary tags in spec order. */
  groups: string[]
  operations: CatalogOperation[]
}

export const catalog = catalogJson as unknown as CatalogData

export const INTERCOM_VERSIONS: string[] = catalog.versions
export const DEFAULT_INTERCOM_VERSION: string = catalog.defaultVersion

const byId = new Map(catalog.operations.map((op) => [op.operationId, op]))

export function operationById(id: string): CatalogOperation | undefined {
  return byId.get(id)
}

export interface CatalogGroup {
  name: string
  operations: CatalogOperation[]
}

const groupList: CatalogGroup[] = catalog.groups.map((name) => ({
  name,
  operations: catalog.operations.filter((op) => op.group === name)
}))

/** Groups in spec order, each with its operations in spec order. */
export function groups(): CatalogGroup[] {
  return groupList
}

// ---------------------------------------------------------------------------------------------
// Path matching

export interface OperationMatch {
  operation: CatalogOperation
  /** Values of the template's `{params}` taken from the concrete path. */
  pathParams: Record<string, string>
}

const splitPath = (path: string) => path.split('/').filter((s) => s !== '')
const isParamSegment = (segment: string) => segment.startsWith('{') && segment.endsWith('}')

const templates = catalog.operations.map((operation) => ({ operation, segments: splitPath(operation.path) }))

/** The path part of a relative path or full URL, without query or fragment. */
export function pathOnly(pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) {
    try {
      return new URL(pathOrUrl).pathname
    } catch {
      return pathOrUrl
    }
  }
  return pathOrUrl.replace(/[?#].*$/, '')
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Maps a concrete request (`GET /contacts/123/tags`, or a full URL) to its template operation.
 * Literal segments beat `{params}`, earliest first, so `/contacts/search` wins over `/contacts/{id}`.
 */
export function matchOperation(method: string, path: string): OperationMatch | null {
  const wanted = method.toUpperCase()
  const segments = splitPath(pathOnly(path.trim()))
  let best: { operation: CatalogOperation; literals: boolean[] } | null = null
  for (const t of templates) {
    if (t.operation.method !== wanted || t.segments.length !== segments.length) continue
    const matches = t.segments.every((s, i) => isParamSegment(s) || s === segments[i])
    if (!matches) continue
    const literals = t.segments.map((s) => !isParamSegment(s))
    if (!best || moreLiteral(literals, best.literals)) best = { operation: t.operation, literals }
  }
  if (!best) return null
  const pathParams: Record<string, string> = {}
  splitPath(best.operation.path).forEach((s, i) => {
    if (isParamSegment(s)) pathParams[s.slice(1, -1)] = decodeSegment(segments[i] ?? '')
  })
  return { operation: best.operation, pathParams }
}

/** True when `a` has a literal segment where `b` has a parameter, at the first position they differ. */
function moreLiteral(a: boolean[], b: boolean[]): boolean {
  const i = a.findIndex((literal, k) => literal !== b[k])
  return i >= 0 && a[i] === true
}

// ---------------------------------------------------------------------------------------------
// Search

interface SearchEntry {
  operation: CatalogOperation
  index: number
  method: string
  path: string
  operationId: string
  /** Words of path, summary, group and operationId, for prefix matches. */
  words: string[]
  /** Everything searchable in one string, for substring matches. */
  text: string
}

/** Splits camelCase, snake_case, paths and prose into lower-case words. */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

const entries: SearchEntry[] = catalog.operations.map((operation, index) => ({
  operation,
  index,
  method: operation.method.toLowerCase(),
  path: operation.path.toLowerCase(),
  operationId: operation.operationId.toLowerCase(),
  words: wordsOf(`${operation.path} ${operation.summary} ${operation.group} ${operation.operationId}`),
  text: [operation.method, operation.path, operation.summary, operation.group, operation.operationId].join(' ').toLowerCase()
}))

/** Score of one query word against one entry; 0 means it does not match. */
function tokenScore(entry: SearchEntry, token: string): number {
  if (token === entry.method) return 30
  if (token.startsWith('/')) {
    if (entry.path === token) return 60
    if (entry.path.startsWith(token)) return 40
    return entry.path.includes(token) ? 20 : 0
  }
  if (entry.operationId.startsWith(token)) return 25
  if (entry.words.includes(token)) return 20
  if (entry.words.some((w) => w.startsWith(token))) return 12
  return entry.text.includes(token) ? 5 : 0
}

const MAX_QUERY_LENGTH = 200

/**
 * Case-insensitive, multi-word search over method, path, summary, group and operationId. Every
 * word must match. Exact operationId or path comes first, then a concrete path's template
 * (`/contacts/123`), then by how well the words match. An empty query lists everything.
 */
export function searchOperations(query: string, limit = 50): CatalogOperation[] {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH).toLowerCase()
  if (q === '') return catalog.operations.slice(0, limit)
  const tokens = q.split(/\s+/)
  const pathToken = tokens.find((t) => t.startsWith('/') || /^https?:\/\//.test(t))
  const methodToken = tokens.find((t) => entries.some((e) => e.method === t))
  // A concrete path (`/contacts/123/tags`) also finds its templates, for the named method or any.
  const concrete = new Set<CatalogOperation>()
  for (const method of pathToken ? (methodToken ? [methodToken] : HTTP_METHODS) : []) {
    const match = matchOperation(method, pathToken ?? '')
    if (match) concrete.add(match.operation)
  }

  const scored: { entry: SearchEntry; score: number }[] = []
  for (const entry of entries) {
    let score: number
    if (entry.operationId === q || entry.path === q) score = 1000
    else if (concrete.has(entry.operation)) score = 900
    else {
      score = 0
      for (const token of tokens) {
        const s = tokenScore(entry, token)
        if (s === 0) {
          score = 0
          break
        }
        score += s
      }
    }
    if (score > 0) scored.push({ entry, score })
  }
  scored.sort((a, b) => b.score - a.score || a.entry.path.length - b.entry.path.length || a.entry.index - b.entry.index)
  return scored.slice(0, limit).map((s) => s.entry.operation)
}

// ---------------------------------------------------------------------------------------------
// Drafts

const paramRow = (param: CatalogParam): KeyValue => ({ name: param.name, value: '', enabled: param.required })

/** A composer draft for an operation: the template path, blank parameters and the body skeleton. */
export function draftFromOperation(op: CatalogOperation): RequestDraftInput {
  return {
    method: op.method,
    path: op.path,
    pathParams: Object.fromEntries(op.pathParams.map((p) => [p.name, ''])),
    query: op.queryParams.map(paramRow),
    // A header parameter with a single allowed value (Accept on downloads) is filled in.
    headers: op.headerParams.map((p) => ({
      name: p.name,
      value: p.enum?.length === 1 ? String(p.enum[0]) : '',
      enabled: p.required || p.enum?.length === 1
    })),
    body: op.body === null ? null : JSON.stringify(op.body, null, 2),
    operationId: op.operationId
  }
}
