// Derives a compact, self-contained JSON-schema set from Intercom's OpenAPI spec for the response
// bodies of the operations the sandbox implements. Tests validate sandbox responses against the
// output, so they never need the spec itself at run time.
//   tsx scripts/codegen/gen-spec-schemas.ts [path/to/openapi.yaml]
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import { SANDBOX_OPERATIONS } from '../../src/main/sandbox/operations'

const here = dirname(fileURLToPath(import.meta.url))
const specPath = resolve(process.argv[2] ?? resolve(here, '../../../shared/intercom/openapi-2.16.yaml'))
const outPath = resolve(here, '../../src/main/sandbox/spec-schemas.json')

type Json = Record<string, unknown>
interface Spec {
  info: { version: string }
  paths: Record<string, Record<string, Json>>
  components: { schemas: Record<string, Json> }
}

const spec = parse(readFileSync(specPath, 'utf8')) as Spec
const schemas = spec.components.schemas

/** Keywords that carry documentation only, or OpenAPI-only meaning ajv would reject. */
const DROPPED = new Set([
  'description',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'readOnly',
  'writeOnly',
  'deprecated',
  'title'
])

const definitions: Record<string, unknown> = {}

function refName(ref: string): string {
  const prefix = '#/components/schemas/'
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`)
  return ref.slice(prefix.length)
}

/** Copies a schema into JSON-schema form, pulling every referenced component into `definitions`. */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert)
  if (node === null || typeof node !== 'object') return node
  const src = node as Json
  if (typeof src.$ref === 'string') {
    const name = refName(src.$ref)
    if (!(name in definitions)) {
      const target = schemas[name]
      if (!target) throw new Error(`Dangling $ref ${src.$ref}`)
      definitions[name] = true // placeholder breaks cycles
      definitions[name] = convert(target)
    }
    return { $ref: `#/definitions/${name}` }
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(src)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue
    // `properties` maps names to schemas; its keys are not keywords.
    out[key] =
      key === 'enum'
        ? [...new Set(value as unknown[])] // the spec repeats some enum values
        : key === 'properties'
          ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, convert(v)]))
          : convert(value)
  }
  if (src.nullable === true) return nullable(out)
  return out
}

/** OpenAPI 3.0 `nullable: true` expressed in plain JSON schema. */
function nullable(schema: Json): Json {
  if (typeof schema.type === 'string') {
    const next: Json = { ...schema, type: [schema.type, 'null'] }
    if (Array.isArray(schema.enum)) next.enum = [...new Set([...(schema.enum as unknown[]), null])]
    return next
  }
  return { anyOf: [{ type: 'null' }, schema] }
}

const operations: Record<string, { operationId: string; responses: Record<string, unknown> }> = {}
for (const op of SANDBOX_OPERATIONS) {
  const specOp = spec.paths[op.path]?.[op.method.toLowerCase()] as
    { operationId: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined
  if (!specOp) throw new Error(`The spec has no ${op.method} ${op.path}`)
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(specOp.responses)) {
    const schema = response.content?.['application/json']?.schema
    if (schema) responses[status] = convert(schema)
  }
  operations[`${op.method} ${op.path}`] = { operationId: specOp.operationId, responses }
}
// The error envelope every failure uses.
convert({ $ref: '#/components/schemas/error' })

const sortedDefinitions = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)))
const intercomVersions = (schemas.intercom_version as { enum: string[] }).enum
const output = { source: `Intercom OpenAPI ${spec.info.version} (MIT)`, intercomVersions, operations, definitions: sortedDefinitions }
// Formatted like the rest of the repo so regenerating gives a clean diff.
writeFileSync(outPath, await format(JSON.stringify(output), { ...(await resolveConfig(outPath)), parser: 'json', filepath: outPath }))
console.log(`Wrote ${Object.keys(operations).length} operations, ${Object.keys(definitions).length} definitions to ${outPath}`)
