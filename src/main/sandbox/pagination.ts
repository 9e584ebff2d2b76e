// Intercom-style cursor pagination: `per_page` + an opaque `starting_after` cursor that only moves
// forward. The cursor carries the next position and page number, base64url-encoded.
import { badParameter } from './http'

export const MAX_PER_PAGE = 150

interface Cursor {
  page: number
  next: number
}

export function parsePerPage(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback
  const n = typeof raw === 'number' ? raw : Number(raw)
  if (!Number.isInteger(n) || n < 1) throw badParameter('per_page must be a positive integer')
  // Intercom documents 150 as the ceiling; larger values are clamped, not refused.
  return Math.min(n, MAX_PER_PAGE)
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.page, cursor.next])).toString('base64url')
}

export function decodeCursor(raw: unknown): Cursor | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  if (typeof raw !== 'string') throw badParameter('starting_after must be a string cursor')
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n >= 0)) {
      return { page: value[0] as number, next: value[1] as number }
    }
  } catch {
    // fall through to the error below
  }
  throw badParameter('starting_after is not a valid cursor; pass pages.next.starting_after from a previous page')
}

/**
 * One page of a positioned sequence. `source(from)` yields [position, item] pairs in order from
 * `from`; positions only need to increase.
 */
export function paginate<T>(
  source: (from: number) => Iterable<readonly [number, T]>,
  total: number,
  perPage: number,
  startingAfter: unknown
) {
  const cursor = decodeCursor(startingAfter)
  const page = cursor?.page ?? 1
  const data: T[] = []
  let hasMore = false
  let nextPosition = 0
  for (const [position, item] of source(cursor?.next ?? 0)) {
    if (data.length === perPage) {
      hasMore = true
      break
    }
    data.push(item)
    nextPosition = position + 1
  }
  const pages = {
    type: 'pages' as const,
    page,
    per_page: perPage,
    total_pages: Math.max(1, Math.ceil(total / perPage)),
    ...(hasMore ? { next: { page: page + 1, starting_after: encodeCursor({ page: page + 1, next: nextPosition }) } } : {})
  }
  return { data, pages }
}

/** Positions for a plain array. */
export function* arraySource<T>(items: readonly T[], from: number): Generator<readonly [number, T]> {
  for (let i = from; i < items.length; i++) yield [i, items[i] as T]
}
