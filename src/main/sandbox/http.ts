// Request/response plumbing shared by the API and OAuth routes: Intercom-shaped errors, body
// reading with a size cap, and JSON/form parsing.
import type { IncomingMessage } from 'node:http'

/** An error the API answers in Intercom's `error.list` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

export function errorBody(requestId: string, code: string, message: string) {
  return { type: 'error.list', request_id: requestId, errors: [{ code, message }] }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} Not Found`)
export const badParameter = (message: string) => new ApiError(400, 'parameter_invalid', message)
export const missingParameter = (name: string) => new ApiError(400, 'parameter_not_found', `${name} is required`)

const MAX_BODY_BYTES = 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'request_too_large', `Request body exceeds ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Parses a JSON body; an empty body is `{}` so that body-less POSTs behave. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw badParameter('Request body is not valid JSON')
  }
}

/** Parses JSON or `application/x-www-form-urlencoded` by content type. */
export function parseJsonOrForm(text: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  return asObject(parseJsonBody(text), 'Request body')
}

export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badParameter(`${what} must be a JSON object`)
  }
  return value as Record<string, unknown>
}

/** Reads an optional string field, rejecting other types with a message that names the field. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badParameter(`${field} must be a string`)
  return value
}

export function optionalInteger(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badParameter(`${field} must be an integer`)
  return value
}

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field)
  if (value === undefined || value === '') throw missingParameter(field)
  return value
}
