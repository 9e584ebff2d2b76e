// Keeps the path field and the Params table in step, both ways (as Postman, Insomnia and Bruno
// do): the field shows the path with the enabled rows written in, exactly as the builder encodes
// them, and a query typed into the field becomes rows. Pure, so the composer and tests share it.
import type { KeyValue } from '../model'
import { encodeComponent } from './build'

/** The path field's text: the path with the enabled Params rows as they will be sent. */
export function pathWithParams(path: string, rows: readonly KeyValue[]): string {
  const pairs = rows.filter((r) => r.enabled && r.name !== '').map((r) => `${encodeComponent(r.name)}=${encodeComponent(r.value)}`)
  if (pairs.length === 0) return path
  const separator = !path.includes('?') ? '?' : path.endsWith('?') || path.endsWith('&') ? '' : '&'
  return path + separator + pairs.join('&')
}

/**
 * What the draft becomes when the user types `text` into the path field: the path without its
 * query, and the query as enabled rows (decoded as servers decode a query: `+` is a space).
 * Disabled rows are kept, after the others. Rows are left as they are when the query part
 * still reads the same, so values typed into the table keep their exact text.
 */
export function editPathField(text: string, current: { path: string; query: readonly KeyValue[] }): { path: string; query: KeyValue[] } {
  const at = text.indexOf('?')
  const path = at === -1 ? text : text.slice(0, at)
  const typedQuery = at === -1 ? '' : text.slice(at + 1)
  const disabled = current.query.filter((r) => !r.enabled || r.name === '')
  if (pathWithParams(current.path, current.query) === text && !current.path.includes('?')) return { path, query: [...current.query] }
  const rows = typedQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair): KeyValue => {
      const eq = pair.indexOf('=')
      const [name, value] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]
      return { name: decodeQuery(name), value: decodeQuery(value), enabled: true }
    })
  return { path, query: [...rows, ...disabled] }
}

function decodeQuery(text: string): string {
  const spaced = text.replaceAll('+', ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    // A stray "%" is kept as typed, rather than refusing the whole query.
    return spaced.replace(/%([0-9A-Fa-f]{2})/g, (m, hex: string) => {
      const code = parseInt(hex, 16)
      return code < 0x80 ? String.fromCharCode(code) : m
    })
  }
}
