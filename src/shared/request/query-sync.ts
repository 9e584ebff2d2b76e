// Keeps the path field and the Params table in step, both ways (as Postman, Insomnia and Bruno
// do): the field shows the path with the enabled rows written in, exactly as the builder encodes
// them, and a query typed into the field becomes rows. Pure, so the composer and tests share it.
import type { KeyValue } from '../model'
import { encodeComponent, queryAsSent } from './build'

/** The path field's text: the path with the enabled Params rows as they will be sent. */
export function pathWithParams(path: string, rows: readonly KeyValue[]): string {
  const pairs = rows.filter((r) => r.enabled && r.name !== '').map((r) => `${encodeComponent(r.name)}=${encodeComponent(r.value)}`)
  if (pairs.length === 0) return path
  const separator = !path.includes('?') ? '?' : path.endsWith('?') || path.endsWith('&') ? '' : '&'
  return path + separator + pairs.join('&')
}

/**
 * A path with a query split into the path and the query's rows (decoded as servers decode a
 * query: `+` is a space), when the rows are sent exactly as the query was written. When they would
 * not be (`a+b` would go out as `a%20b`, `flag` as `flag=`, `a=b=c` as `a=b%3Dc`, `&&` as `&`),
 * the query stays in the path, as typed, and no row is made: the bytes and the meaning stay.
 */
export function splitPathQuery(text: string): { path: string; query: KeyValue[] } {
  const at = text.indexOf('?')
  if (at === -1) return { path: text, query: [] }
  const typed = text.slice(at + 1)
  const rows =
    typed === ''
      ? []
      : typed.split('&').map((pair): KeyValue => {
          const eq = pair.indexOf('=')
          const [name, value] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]
          return { name: decodeQuery(name), value: decodeQuery(value), enabled: true }
        })
  const exact = typed !== '' && rows.every((r) => r.name !== '') && sameQuery(pathWithParams('', rows).slice(1), queryAsSent(typed))
  return exact ? { path: text.slice(0, at), query: rows } : { path: text, query: [] }
}

/**
 * What the draft becomes when the user types `text` into the path field: the path and the query's
 * rows by `splitPathQuery`. Disabled rows are kept, after the others. Rows are left as they are
 * when the field still reads the same, so values typed into the table keep their exact text.
 */
export function editPathField(text: string, current: { path: string; query: readonly KeyValue[] }): { path: string; query: KeyValue[] } {
  const disabled = current.query.filter((r) => !r.enabled || r.name === '')
  if (pathWithParams(current.path, current.query) === text && !current.path.includes('?'))
    return { path: text.split('?')[0]!, query: [...current.query] }
  const { path, query } = splitPathQuery(text)
  return { path, query: [...query, ...disabled] }
}

/**
 * Two encoded queries read the same by every server: equal once each escape of a character that
 * needs none there is decoded (`%40` is `@`, `%41` is `A`). Escapes of `& = + ; # %` and of
 * non-ASCII bytes stay as they are, so `a+b` and `a%20b` differ, as `flag` and `flag=` do.
 */
function sameQuery(a: string, b: string): boolean {
  const plain = (q: string) =>
    q.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
      const c = String.fromCharCode(parseInt(hex, 16))
      return /^[A-Za-z0-9\-._~!$'()*,:@/?]$/.test(c) ? c : escape.toUpperCase()
    })
  return plain(a) === plain(b)
}

/** One query component as servers read it: `+` is a space, escapes decoded, a stray `%` kept. */
export function decodeQuery(text: string): string {
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
