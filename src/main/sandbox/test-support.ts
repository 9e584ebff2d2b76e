// Test helpers (used only by *.test.ts): a small fetch wrapper and spec-schema validation.
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { Sandbox } from './types'

export interface CallOptions {
  method?: string
  token?: string | null
  /** Replaces the Authorization header entirely. */
  authorization?: string
  body?: unknown
  headers?: Record<string, string>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export type AnyJson = any

export interface CallResult {
  status: number
  headers: Headers
  json: AnyJson
  text: string
}

export async function call(sandbox: Sandbox, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.authorization !== undefined) headers.Authorization = options.authorization
  else if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${sandbox.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return { status: res.status, headers: res.headers, json, text }
}

interface SpecSchemas {
  intercomVersions: string[]
  operations: Record<string, { operationId: string; responses: Record<string, object> }>
  definitions: Record<string, object>
}

export const specSchemas = JSON.parse(readFileSync(new URL('./spec-schemas.json', import.meta.url), 'utf8')) as SpecSchemas

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv, ['date-time', 'date', 'email', 'uuid', 'uri-reference'])
// Intercom's own payloads put relative paths and words ("tag") in fields the spec marks `uri`.
ajv.addFormat('uri', ajv.formats['uri-reference'] as RegExp)
const validators = new Map<string, ValidateFunction>()

/** Validates a body against the spec's schema for `METHOD /path/template` and status; returns errors. */
export function specErrors(operation: string, status: number, body: unknown): string[] {
  const op = specSchemas.operations[operation]
  if (!op) return [`no schema for operation ${operation}`]
  const schema = op.responses[String(status)] ?? (status >= 400 ? { $ref: '#/definitions/error' } : undefined)
  if (!schema) return [`the spec documents no JSON body for ${operation} ${status}`]
  const key = `${operation} ${status}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile({ ...schema, definitions: specSchemas.definitions })
    validators.set(key, validate)
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}
