// One pass over JSON text that validates it and records one row per line of the pretty view
// (opener, closer, scalar or empty container) as offsets into the text, in typed-array columns.
// Nothing is parsed into objects: a 50 MB body becomes a few compact arrays several times faster
// than JSON.parse alone, and values are decoded only when a line is shown, copied or searched.

export const KIND = { open: 0, close: 1, scalar: 2, empty: 3 } as const
export const TYPE = { string: 0, number: 1, boolean: 2, null: 3, object: 4, array: 5 } as const

/** Row flags. */
export const FLAG = {
  /** `keys` holds an array index, not the offset of a property name. */
  indexKey: 1,
  /** The property name has a backslash escape, so its text differs from its value. */
  keyEscaped: 2,
  /** The string value has a backslash escape. */
  valueEscaped: 4
} as const

/** The scanned lines, one entry per line in each column. */
export type Rows = Pick<RowColumns, 'count' | 'kinds' | 'types' | 'flags' | 'parents' | 'ends' | 'keys' | 'starts' | 'sizes'>

// Character codes the scanner branches on.
const TAB = 9
const LF = 10
const CR = 13
const SPACE = 32
const QUOTE = 34
const PLUS = 43
const COMMA = 44
const MINUS = 45
const DOT = 46
const ZERO = 48
const NINE = 57
const COLON = 58
const UPPER_E = 69
const OPEN_SQUARE = 91
const BACKSLASH = 92
const CLOSE_SQUARE = 93
const LOWER_E = 101
const OPEN_CURLY = 123
const CLOSE_CURLY = 125

/** Scans `text` as one JSON value; throws a SyntaxError naming the position of the first fault. */
export function scanJson(text: string): Rows {
  const rows = new RowColumns(Math.max(16, text.length >> 4))
  const length = text.length
  const fail = (at: number, what: string): never => {
    throw new SyntaxError(`${what} at position ${at} (${lineAndColumn(text, at)})`)
  }
  const unexpected = (at: number): never =>
    fail(at, at >= length ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(text[at])}`)
  const ws = (at: number): number => {
    for (let c = text.charCodeAt(at); c === SPACE || c === LF || c === CR || c === TAB; c = text.charCodeAt(++at));
    return at
  }
  /** End (exclusive) of the string starting at `at`; records in `escaped` whether it has escapes. */
  let escaped = false
  const string = (at: number): number => {
    escaped = false
    for (let i = at + 1; i < length; i++) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) return i + 1
      if (c === BACKSLASH) {
        escaped = true
        const e = text.charCodeAt(++i)
        if (e === 117 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail(i - 1, 'Bad \\u escape')
          i += 4
        } else if (e !== QUOTE && e !== BACKSLASH && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
          fail(i - 1, 'Bad escape')
        }
      } else if (c < 0x20) fail(i, 'Control character in string')
    }
    return fail(length, 'Unterminated string')
  }
  const digits = (at: number): number => {
    let i = at
    for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i));
    return i
  }
  const number = (at: number): number => {
    let i = text.charCodeAt(at) === MINUS ? at + 1 : at
    const first = text.charCodeAt(i)
    if (first === ZERO) i++
    else if (first > ZERO && first <= NINE) i = digits(i)
    else unexpected(i)
    if (text.charCodeAt(i) === DOT) {
      const end = digits(i + 1)
      if (end === i + 1) unexpected(end)
      i = end
    }
    const e = text.charCodeAt(i)
    if (e === LOWER_E || e === UPPER_E) {
      i++
      const sign = text.charCodeAt(i)
      if (sign === PLUS || sign === MINUS) i++
      const end = digits(i)
      if (end === i) unexpected(end)
      i = end
    }
    return i
  }
  const literal = (at: number, word: string): number => {
    if (!text.startsWith(word, at)) unexpected(at)
    return at + word.length
  }
  /** Reads `"name" :` at `at`; returns where the value starts. */
  let keyEscaped = false
  const memberName = (at: number): number => {
    if (text.charCodeAt(at) !== QUOTE) unexpected(at)
    const end = string(at)
    keyEscaped = escaped
    const colon = ws(end)
    if (text.charCodeAt(colon) !== COLON) unexpected(colon)
    return ws(colon + 1)
  }

  // The containers open around the current position, innermost last.
  const open: number[] = []
  let key = -1
  let flags = 0
  let i = ws(0)
  for (;;) {
    // A value starts at i; `key`/`flags` say what names it.
    const parent = open.length > 0 ? open[open.length - 1]! : -1
    const c = text.charCodeAt(i)
    if (c === OPEN_CURLY || c === OPEN_SQUARE) {
      const isObject = c === OPEN_CURLY
      const row = rows.push(KIND.open, isObject ? TYPE.object : TYPE.array, flags, parent, key, i)
      const next = ws(i + 1)
      if (text.charCodeAt(next) === (isObject ? CLOSE_CURLY : CLOSE_SQUARE)) {
        rows.kinds[row] = KIND.empty
        i = next + 1
      } else {
        open.push(row)
        if (isObject) {
          const valueAt = memberName(next)
          key = next
          flags = keyEscaped ? FLAG.keyEscaped : 0
          i = valueAt
        } else {
          key = 0
          flags = FLAG.indexKey
          i = next
        }
        continue
      }
    } else if (c === QUOTE) {
      const end = string(i)
      rows.push(KIND.scalar, TYPE.string, flags | (escaped ? FLAG.valueEscaped : 0), parent, key, i)
      i = end
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      rows.push(KIND.scalar, TYPE.number, flags, parent, key, i)
      i = number(i)
    } else if (c === 116 /* t */ || c === 102 /* f */) {
      rows.push(KIND.scalar, TYPE.boolean, flags, parent, key, i)
      i = literal(i, c === 116 ? 'true' : 'false')
    } else if (c === 110 /* n */) {
      rows.push(KIND.scalar, TYPE.null, flags, parent, key, i)
      i = literal(i, 'null')
    } else unexpected(i)

    // After a value: a comma and the next member, or closers.
    for (;;) {
      i = ws(i)
      if (open.length === 0) {
        if (i < length) unexpected(i)
        return rows.done()
      }
      const container = open[open.length - 1]!
      const isObject = rows.types[container] === TYPE.object
      rows.sizes[container]!++
      const c2 = text.charCodeAt(i)
      if (c2 === COMMA) {
        const next = ws(i + 1)
        if (isObject) {
          i = memberName(next)
          key = next
          flags = keyEscaped ? FLAG.keyEscaped : 0
        } else {
          key = rows.sizes[container]!
          flags = FLAG.indexKey
          i = next
        }
        break
      }
      if (c2 !== (isObject ? CLOSE_CURLY : CLOSE_SQUARE)) unexpected(i)
      open.pop()
      const close = rows.push(KIND.close, rows.types[container]!, 0, rows.parents[container]!, -1, i)
      rows.ends[container] = close
      rows.ends[close] = container
      // The container has ended as a value: the loop goes on with the one around it.
      i++
    }
  }
}

/** End (exclusive) of the string token starting at `at` (already validated). */
export function stringEnd(text: string, at: number): number {
  for (let i = at + 1; ; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) return i + 1
    if (c === BACKSLASH) i++
  }
}

/** End (exclusive) of the number, true, false or null token starting at `at`. */
export function scalarEnd(text: string, at: number): number {
  let i = at
  for (let c = text.charCodeAt(i); c > SPACE && c !== COMMA && c !== CLOSE_SQUARE && c !== CLOSE_CURLY; c = text.charCodeAt(++i));
  return i
}

function lineAndColumn(text: string, at: number): string {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return `line ${line}, column ${at - lineStart + 1}`
}

/** Typed-array columns grown by doubling. */
class RowColumns {
  count = 0
  kinds: Uint8Array
  types: Uint8Array
  flags: Uint8Array
  /** The opener containing each row, -1 at the root. */
  parents: Int32Array
  /** Openers: their closer; closers: their opener; others -1. */
  ends: Int32Array
  /** Offset of the property name's opening quote, the array index (FLAG.indexKey), or -1. */
  keys: Int32Array
  /** Offset where the row's own token (value or bracket) starts. */
  starts: Int32Array
  /** Members of openers and empty containers. */
  sizes: Int32Array

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity)
    this.types = new Uint8Array(capacity)
    this.flags = new Uint8Array(capacity)
    this.parents = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
    this.keys = new Int32Array(capacity)
    this.starts = new Int32Array(capacity)
    this.sizes = new Int32Array(capacity)
  }

  push(kind: number, type: number, flags: number, parent: number, key: number, start: number): number {
    if (this.count === this.kinds.length) this.resize(this.count * 2)
    const at = this.count++
    this.kinds[at] = kind
    this.types[at] = type
    this.flags[at] = flags
    this.parents[at] = parent
    this.ends[at] = -1
    this.keys[at] = key
    this.starts[at] = start
    this.sizes[at] = 0
    return at
  }

  done(): Rows {
    this.resize(this.count)
    return this
  }

  private resize(size: number): void {
    const to = <T extends Uint8Array | Int32Array>(from: T, make: (n: number) => T): T => {
      const grown = make(size)
      grown.set(from.subarray(0, Math.min(size, this.count)))
      return grown
    }
    this.kinds = to(this.kinds, (n) => new Uint8Array(n))
    this.types = to(this.types, (n) => new Uint8Array(n))
    this.flags = to(this.flags, (n) => new Uint8Array(n))
    this.parents = to(this.parents, (n) => new Int32Array(n))
    this.ends = to(this.ends, (n) => new Int32Array(n))
    this.keys = to(this.keys, (n) => new Int32Array(n))
    this.starts = to(this.starts, (n) => new Int32Array(n))
    this.sizes = to(this.sizes, (n) => new Int32Array(n))
  }
}
