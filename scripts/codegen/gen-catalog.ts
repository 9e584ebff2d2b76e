// Derives the endpoint catalog (src/shared/intercom/catalog.json) from Intercom's OpenAPI spec, so
// the app never parses YAML at run time. Only facts are taken (paths, parameters, schemas, summary
// titles); descriptions are read solely to find the scope ids they name, never copied.
//   npx tsx scripts/codegen/gen-catalog.ts [path/to/openapi.yaml]
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'yaml'
import { permissionFor, scopesNamedIn, type SpecScope } from '../../src/shared/intercom/permissions'
import { HTTP_METHODS, type HttpMethod } from '../../src/shared/model'
import type { CatalogData, CatalogOperation, CatalogParam, JsonValue, PaginationKind, ParamType } from '../../src/shared/intercom/catalog'

const here = dirname(fileURLToPath(import.meta.url))
export const DEFAULT_SPEC_PATH = resolve(here, '../../../shared/intercom/openapi-2.16.yaml')
export const CATALOG_PATH = resolve(here, '../../src/shared/intercom/catalog.json')

type Json = Record<string, unknown>
type Schema = Json

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** Nesting depth of body skeletons; deeper objects and lists are left empty. */
const MAX_BODY_DEPTH = 4
/** Optional properties shown when an object requires none. */
const OPTIONAL_PROPS_SHOWN = 3
/** Spec examples longer than this are prose, not values; they are left out. */
const MAX_EXAMPLE_LENGTH = 60

class SpecReader {
  private readonly schemas: Record<string, unknown>

  constructor(spec: Json) {
    this.schemas = isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {}
  }

  /** Follows `$ref`s to the schema they name. `seen` collects names, to stop cycles. */
  deref(node: unknown, seen?: Set<string>): Schema | undefined {
    let current = node
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
      const ref = current.$ref
      const prefix = '#/components/schemas/'
      if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref "${ref}" (only ${prefix}… is handled)`)
      const name = ref.slice(prefix.length)
      if (!(name in this.schemas)) throw new Error(`The spec's $ref "${ref}" names no schema`)
      if (seen?.has(name) || hops > 20) return undefined
      seen?.add(name)
      current = this.schemas[name]
    }
    return isObject(current) ? current : undefined
  }

  /** One object-like view of a schema: allOf merged, first oneOf/anyOf branch taken. */
  flatten(node: unknown, seen: Set<string> = new Set()): Schema | undefined {
    const schema = this.deref(node, seen)
    if (!schema) return undefined
    const parts = [schema, ...asArray(schema.allOf)]
    const firstBranch = asArray(schema.oneOf)[0] ?? asArray(schema.anyOf)[0]
    if (firstBranch !== undefined) parts.push(firstBranch)
    if (parts.length === 1) return schema
    const merged: Schema = {}
    const properties: Json = {}
    const required: string[] = []
    for (const part of parts) {
      const flat = part === schema ? schema : this.flatten(part, new Set(seen))
      if (!flat) continue
      for (const [key, value] of Object.entries(flat)) {
        if (!['allOf', 'oneOf', 'anyOf', 'properties', 'required'].includes(key) && !(key in merged)) merged[key] = value
      }
      if (isObject(flat.properties)) Object.assign(properties, flat.properties)
      for (const r of asArray(flat.required)) if (typeof r === 'string' && !required.includes(r)) required.push(r)
    }
    if (Object.keys(properties).length > 0) merged.properties = properties
    if (required.length > 0) merged.required = required
    return merged
  }

  /** A JSON value shaped like the schema: placeholders by type, first enum value, short examples. */
  skeleton(node: unknown, depth = 0, seen: Set<string> = new Set()): JsonValue {
    const schema = this.flatten(node, seen)
    if (!schema) return {}
    const enumValues = asArray(schema.enum).filter((v) => v !== null)
    if (enumValues.length > 0) return enumValues[0] as JsonValue
    const example = shortScalar(schema.example)
    const type = schemaType(schema)
    if (example !== undefined && type !== 'object' && type !== 'array') return example
    switch (type) {
      case 'string':
        return ''
      case 'integer':
      case 'number':
        return 0
      case 'boolean':
        return false
      case 'array':
        return depth >= MAX_BODY_DEPTH ? [] : [this.skeleton(schema.items, depth + 1, new Set(seen))]
      default: {
        const out: { [key: string]: JsonValue } = {}
        if (depth >= MAX_BODY_DEPTH) return out
        for (const [name, prop] of shownProperties(schema, (p) => this.deref(p, new Set(seen)))) {
          out[name] = this.skeleton(prop, depth + 1, new Set(seen))
        }
        return out
      }
    }
  }
}

function schemaType(schema: Schema): ParamType {
  const t = schema.type
  if (t === 'string' || t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') return t
  return 'object'
}

/** A spec example usable as a value: a number, boolean or short single-word string. */
function shortScalar(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string' && value.length <= MAX_EXAMPLE_LENGTH && !/\s/.test(value)) return value
  return undefined
}

/** Required properties, or the first few writable ones when none is required. */
function shownProperties(schema: Schema, deref: (p: unknown) => Schema | undefined): [string, unknown][] {
  const props = Object.entries(isObject(schema.properties) ? schema.properties : {}).filter(([, p]) => deref(p)?.readOnly !== true)
  const required = new Set(asArray(schema.required))
  const chosen = props.filter(([name]) => required.has(name))
  return chosen.length > 0 ? chosen : props.slice(0, OPTIONAL_PROPS_SHOWN)
}

// ---------------------------------------------------------------------------------------------

function readParam(reader: SpecReader, raw: Json): CatalogParam {
  const schema = reader.flatten(raw.schema) ?? {}
  const type = schemaType(schema)
  const items = type === 'array' ? (reader.flatten(schema.items) ?? {}) : schema
  const enumValues = asArray(items.enum).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
  const param: CatalogParam = { name: String(raw.name), type, required: raw.required === true }
  if (enumValues.length > 0) param.enum = enumValues
  const example = exampleText(raw.example ?? schema.example)
  if (example !== undefined) param.example = example
  return param
}

function exampleText(value: unknown): string | undefined {
  const scalar = shortScalar(value)
  if (scalar !== undefined) return String(scalar)
  if (Array.isArray(value) && value.length > 0) {
    const parts = value.map(shortScalar)
    if (parts.every((p) => p !== undefined)) return parts.join(',')
  }
  return undefined
}

export { scopesNamedIn }

/** Scope ids named anywhere the spec speaks of one operation: its description, its 401/403 examples, its tag's description. */
export function specScopesOf(op: Json, tagDescriptions: ReadonlyMap<string, string>): SpecScope[] {
  const responses = isObject(op.responses) ? op.responses : {}
  const refusals = ['401', '403'].map((status) => JSON.stringify(responses[status] ?? '')).join(' ')
  const params = asArray(op.parameters).filter(isObject)
  const texts: [string, string][] = [
    ['description', typeof op.description === 'string' ? op.description : ''],
    ['parameter description', params.map((p) => (typeof p.description === 'string' ? p.description : '')).join(' ')],
    ['403 example', refusals],
    ['tag description', tagDescriptions.get(asArray(op.tags).map(String)[0] ?? '') ?? '']
  ]
  return texts.flatMap(([where, text]) => scopesNamedIn(text).map((id) => ({ id, where })))
}

function successSchema(reader: SpecReader, op: Json): Schema | undefined {
  const responses = isObject(op.responses) ? op.responses : {}
  for (const [status, response] of Object.entries(responses)) {
    if (!status.startsWith('2') || !isObject(response) || !isObject(response.content)) continue
    const json = response.content['application/json']
    if (isObject(json)) return reader.flatten(json.schema)
  }
  return undefined
}

/** The raw JSON request-body schema (unresolved, so skeletons see its `$ref` and stop cycles at it). */
function requestSchemaNode(op: Json): unknown {
  const body = isObject(op.requestBody) ? op.requestBody : undefined
  const json = body && isObject(body.content) ? body.content['application/json'] : undefined
  return isObject(json) ? json.schema : undefined
}

/**
 * Where the response keeps its items: `data` if that is a list, else the first list property, else
 * one level down (`data.articles` on article search).
 */
function findListKey(reader: SpecReader, response: Schema | undefined, depth = 0): string | null {
  const props = response && isObject(response.properties) ? response.properties : {}
  const flat = Object.fromEntries(Object.keys(props).map((name) => [name, reader.flatten(props[name])]))
  const arrays = Object.keys(flat).filter((name) => flat[name]?.type === 'array')
  const direct = arrays.includes('data') ? 'data' : arrays[0]
  if (direct !== undefined || depth > 0) return direct ?? null
  for (const [name, schema] of Object.entries(flat)) {
    const inner = findListKey(reader, schema, depth + 1)
    if (inner) return `${name}.${inner}`
  }
  return null
}

interface Pagination {
  pagination: PaginationKind
  paginationIn: 'query' | 'body' | null
}

function paginationOf(
  reader: SpecReader,
  method: string,
  path: string,
  queryNames: string[],
  request: Schema | undefined,
  response: Schema | undefined
): Pagination {
  const responseProps = response && isObject(response.properties) ? response.properties : {}
  const requestProps = request && isObject(request.properties) ? request.properties : {}
  if (path.endsWith('/scroll') && 'scroll_param' in responseProps) return { pagination: 'scroll', paginationIn: 'query' }
  if (method === 'POST' && path.endsWith('/search') && 'pagination' in requestProps) {
    return { pagination: 'search', paginationIn: 'body' }
  }
  if ('page' in requestProps) return { pagination: 'page', paginationIn: 'body' }
  const pages = reader.flatten(responseProps.pages)
  const pageProps = pages && isObject(pages.properties) ? pages.properties : {}
  const next = reader.flatten(pageProps.next)
  // Page numbers: a `page` parameter, a `next` that is a link, or page counts on the response itself.
  if (queryNames.includes('page') || next?.type === 'string' || ('page' in responseProps && 'total_pages' in responseProps)) {
    return { pagination: 'page', paginationIn: 'query' }
  }
  const nextProps = next && isObject(next.properties) ? next.properties : {}
  // Some GET lists omit the starting_after parameter the response's cursor is meant for.
  if (queryNames.includes('starting_after') || (method === 'GET' && 'starting_after' in nextProps)) {
    return { pagination: 'cursor', paginationIn: 'query' }
  }
  return { pagination: 'none', paginationIn: null }
}

/** camelCase name for the few operations the spec leaves without an operationId. */
function idFromSummary(summary: string): string {
  const words = summary.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('')
}

const paramKey = (p: Json) => `${String(p.in)} ${String(p.name)}`

export function buildCatalog(specText: string): CatalogData {
  let spec: unknown
  try {
    spec = parse(specText)
  } catch (err) {
    throw new Error(`The spec is not valid YAML: ${(err as Error).message.split('\n')[0]}`)
  }
  if (!isObject(spec) || !isObject(spec.paths)) throw new Error('Not an OpenAPI document: it has no "paths" object')
  const reader = new SpecReader(spec)

  const versionSchema = reader.deref({ $ref: '#/components/schemas/intercom_version' })
  const versions = asArray(versionSchema?.enum).map(String)
  const defaultVersion = versionSchema?.default
  if (versions.length === 0 || typeof defaultVersion !== 'string') {
    throw new Error('The spec has no intercom_version schema with an enum and a default')
  }

  const tagDescriptions = new Map(
    asArray(spec.tags)
      .filter(isObject)
      .map((t): [string, string] => [String(t.name), typeof t.description === 'string' ? t.description : ''])
  )
  const operations: CatalogOperation[] = []
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!isObject(item)) continue
    const shared = asArray(item.parameters).filter(isObject)
    for (const [key, op] of Object.entries(item)) {
      const method = key.toUpperCase() as HttpMethod
      if (!HTTP_METHODS.includes(method) || !isObject(op)) continue
      const where = `${method} ${path}`
      const summary = typeof op.summary === 'string' ? op.summary.trim() : ''
      const operationId = typeof op.operationId === 'string' ? op.operationId : idFromSummary(summary)
      if (!operationId) throw new Error(`${where} has neither an operationId nor a summary`)
      const tags = asArray(op.tags).map(String)
      const group = tags[0]
      if (!group) throw new Error(`${where} has no tag`)

      // Operation-level parameters override path-level ones of the same name and location.
      const own = asArray(op.parameters).filter(isObject)
      const params = [...shared.filter((s) => !own.some((o) => paramKey(o) === paramKey(s))), ...own]
      const paramsIn = (location: string) =>
        params.filter((p) => p.in === location && p.name !== 'Intercom-Version').map((p) => readParam(reader, p))
      // The path template is the truth: the spec declares a few of its parameters "in: query".
      const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')
      const pathParams = templateNames.map((name): CatalogParam => {
        const declared = params.find((p) => p.name === name && (p.in === 'path' || p.in === 'query'))
        return { ...(declared ? readParam(reader, declared) : { name, type: 'string' }), required: true }
      })
      const queryParams = paramsIn('query').filter((q) => !templateNames.includes(q.name))

      const requestNode = requestSchemaNode(op)
      const request = reader.flatten(requestNode)
      const response = successSchema(reader, op)
      const paging = paginationOf(
        reader,
        method,
        path,
        queryParams.map((q) => q.name),
        request,
        response
      )
      const required = permissionFor({ method, path, tags, specScopes: specScopesOf(op, tagDescriptions) })

      operations.push({
        operationId,
        method,
        path,
        group,
        tags,
        summary: summary || operationId,
        pathParams,
        queryParams,
        headerParams: paramsIn('header'),
        hasBody: isObject(op.requestBody),
        body: requestNode === undefined ? null : reader.skeleton(requestNode),
        permission: required.permission,
        permissionSource: required.source,
        needs: required.needs,
        requiredBodyFields: request ? asArray(request.required).map(String) : [],
        ...paging,
        listKey: paging.pagination === 'none' ? null : findListKey(reader, response)
      })
    }
  }

  const ids = new Set<string>()
  for (const op of operations) {
    if (ids.has(op.operationId)) throw new Error(`Duplicate operationId "${op.operationId}" (${op.method} ${op.path})`)
    ids.add(op.operationId)
  }

  const used = new Set(operations.map((op) => op.group))
  const declared = asArray(spec.tags).map((t) => (isObject(t) ? String(t.name) : ''))
  const groups = [...declared.filter((t) => used.has(t)), ...[...used].filter((t) => !declared.includes(t))]

  const info = isObject(spec.info) ? spec.info : {}
  return {
    source: `Intercom OpenAPI ${String(info.version ?? '?')} (MIT)`,
    versions,
    defaultVersion,
    groups,
    operations
  }
}

/** The exact text committed to the repo (compact JSON, one trailing newline). */
export function serializeCatalog(data: CatalogData): string {
  return JSON.stringify(data) + '\n'
}

function main(): void {
  const specPath = resolve(process.argv[2] ?? DEFAULT_SPEC_PATH)
  let text: string
  try {
    text = readFileSync(specPath, 'utf8')
  } catch (err) {
    throw new Error(`Cannot read the OpenAPI spec at ${specPath}: ${(err as Error).message}`)
  }
  const output = serializeCatalog(buildCatalog(text))
  // Write beside the target and rename, so a failure never leaves a half-written catalog.
  const tmp = `${CATALOG_PATH}.tmp`
  writeFileSync(tmp, output)
  renameSync(tmp, CATALOG_PATH)
  const count = (JSON.parse(output) as CatalogData).operations.length
  console.log(`Wrote ${count} operations (${Math.round(output.length / 1024)} KB) to ${CATALOG_PATH}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main()
  } catch (err) {
    console.error(`gen-catalog: ${(err as Error).message}`)
    process.exit(1)
  }
}
