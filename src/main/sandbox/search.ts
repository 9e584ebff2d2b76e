// The contacts search query language: `{field, operator, value}` filters combined with
// `{operator: 'AND'|'OR', value: [...]}` groups. Compiled once into a predicate per request.
import type { ContactRecord } from './data'
import { badParameter } from './http'

export type ContactPredicate = (contact: ContactRecord) => boolean

type Scalar = string | number | boolean | null
const MAX_FILTERS_PER_GROUP = 15
const MAX_NESTING = 2

const FIELDS: Record<string, (c: ContactRecord) => Scalar | Scalar[]> = {
  id: (c) => c.id,
  external_id: (c) => c.externalId,
  email: (c) => c.email,
  email_domain: (c) => c.email.split('@')[1] ?? null,
  name: (c) => c.name,
  phone: (c) => c.phone,
  role: (c) => c.role,
  owner_id: (c) => c.ownerId,
  created_at: (c) => c.createdAt,
  updated_at: (c) => c.updatedAt,
  signed_up_at: (c) => c.signedUpAt,
  last_seen_at: (c) => c.lastSeenAt,
  unsubscribed_from_emails: (c) => c.unsubscribed,
  browser: (c) => c.browser,
  os: (c) => c.os,
  'location.country': (c) => c.location.country,
  'location.region': (c) => c.location.region,
  'location.city': (c) => c.location.city,
  tag_id: (c) => c.tagIds,
  company_id: (c) => c.companyIds
}

function fieldReader(field: string): (c: ContactRecord) => Scalar | Scalar[] {
  if (field.startsWith('custom_attributes.')) {
    const name = field.slice('custom_attributes.'.length)
    return (c) => c.customAttributes[name] ?? null
  }
  const reader = FIELDS[field]
  if (!reader)
    throw badParameter(`Unsupported search field "${field}"; try one of: ${Object.keys(FIELDS).join(', ')}, custom_attributes.<name>`)
  return reader
}

const lower = (v: Scalar) => (typeof v === 'string' ? v.toLowerCase() : v)
const text = (v: Scalar) => (v === null ? '' : String(v).toLowerCase())

function numberValue(value: unknown, operator: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (!Number.isFinite(n)) throw badParameter(`Operator ${operator} needs a numeric value`)
  return n
}

function listValue(value: unknown, operator: string): Scalar[] {
  if (!Array.isArray(value)) throw badParameter(`Operator ${operator} needs an array value`)
  return value.map((v) => lower(v as Scalar))
}

function stringValue(value: unknown, operator: string): string {
  if (typeof value !== 'string') throw badParameter(`Operator ${operator} needs a string value`)
  return value.toLowerCase()
}

/** A test on one scalar; array-valued fields pass when any element passes (all, for negations). */
function scalarTest(operator: string, value: unknown): { test: (v: Scalar) => boolean; negated: boolean } {
  switch (operator) {
    case '=':
      return { test: (v) => lower(v) === lower(value as Scalar), negated: false }
    case '!=':
      return { test: (v) => lower(v) === lower(value as Scalar), negated: true }
    case 'IN': {
      const list = listValue(value, operator)
      return { test: (v) => list.includes(lower(v)), negated: false }
    }
    case 'NIN': {
      const list = listValue(value, operator)
      return { test: (v) => list.includes(lower(v)), negated: true }
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const n = numberValue(value, operator)
      const cmp = { '<': (a: number) => a < n, '>': (a: number) => a > n, '<=': (a: number) => a <= n, '>=': (a: number) => a >= n }[
        operator
      ]
      return { test: (v) => typeof v === 'number' && cmp(v), negated: false }
    }
    case '~': {
      const s = stringValue(value, operator)
      return { test: (v) => text(v).includes(s), negated: false }
    }
    case '!~': {
      const s = stringValue(value, operator)
      return { test: (v) => text(v).includes(s), negated: true }
    }
    case '^': {
      const s = stringValue(value, operator)
      return { test: (v) => v !== null && text(v).startsWith(s), negated: false }
    }
    case '$': {
      const s = stringValue(value, operator)
      return { test: (v) => v !== null && text(v).endsWith(s), negated: false }
    }
    default:
      throw badParameter(`Unsupported operator "${operator}"; use one of = != IN NIN < > <= >= ~ !~ ^ $ AND OR`)
  }
}

export function compileContactQuery(query: unknown, depth = 0): ContactPredicate {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    throw badParameter('query must be an object like {"field": "email", "operator": "=", "value": "a@b.c"}')
  }
  const node = query as { field?: unknown; operator?: unknown; value?: unknown }
  if (node.operator === 'AND' || node.operator === 'OR') {
    if (depth > MAX_NESTING) throw badParameter(`Search queries may nest at most ${MAX_NESTING} levels`)
    if (!Array.isArray(node.value) || node.value.length === 0) throw badParameter(`${node.operator} needs a non-empty array of filters`)
    if (node.value.length > MAX_FILTERS_PER_GROUP) throw badParameter(`A group may hold at most ${MAX_FILTERS_PER_GROUP} filters`)
    const parts = node.value.map((child) => compileContactQuery(child, depth + 1))
    return node.operator === 'AND' ? (c) => parts.every((p) => p(c)) : (c) => parts.some((p) => p(c))
  }
  if (typeof node.field !== 'string') throw badParameter('Each filter needs a string "field"')
  if (typeof node.operator !== 'string') throw badParameter(`Filter on "${node.field}" needs an "operator"`)
  const read = fieldReader(node.field)
  const { test, negated } = scalarTest(node.operator, node.value)
  return (c) => {
    const raw = read(c)
    const hit = Array.isArray(raw) ? raw.some(test) : test(raw)
    return negated ? !hit : hit
  }
}
