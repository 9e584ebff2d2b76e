// The pretty view's model: a JSON document scanned once into lines (one per scalar, opener and
// closer; see scan.ts), plus the collapse state and search over them. Pure code with no DOM, so it
// runs in the page's worker, in main's worker threads, in unit tests and in benchmarks alike. The
// UI only ever asks for the few lines on screen, which keeps a 50 MB response from freezing it.
import { FLAG, KIND, TYPE, scalarEnd, scanJson, stringEnd, type Rows } from './scan'

export type LineKind = 'open' | 'close' | 'scalar' | 'empty'
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array'

/** One line as the UI renders it. */
export interface LineView {
  /** Position among the visible lines. */
  index: number
  /** Position among all lines (stable across collapse/expand). */
  line: number
  depth: number
  /** Property name or array index; null for the root and closers. */
  key: string | null
  /** True when `key` is an array index (shown plain, not as a quoted name). */
  inArray: boolean
  kind: LineKind
  type: ValueType
  /** The value as JSON (long strings cut short), or the bracket. */
  text: string
  /** Characters left out of a long string. */
  truncated: number
  collapsed: boolean
  /** Members of an object/array (openers and empty containers). */
  size: number
  comma: boolean
}

/** Strings longer than this are cut short on screen; copy and search still see the whole value. */
export const MAX_SHOWN_CHARS = 2_000

const KIND_NAMES: readonly LineKind[] = ['open', 'close', 'scalar', 'empty']
const TYPE_NAMES: readonly ValueType[] = ['string', 'number', 'boolean', 'null', 'object', 'array']

export class JsonLines {
  private readonly rows: Rows
  private collapsed = new Set<number>()
  private visible: Int32Array = new Int32Array(0)
  private matches: Int32Array = new Int32Array(0)
  /** The text lower-cased once, for search. */
  private lowered: string | null = null

  private constructor(private readonly text: string) {
    this.rows = scanJson(text)
    this.rebuildVisible()
  }

  /** Throws a SyntaxError naming the position when `text` is not JSON. */
  static parse(text: string): JsonLines {
    return new JsonLines(text)
  }

  get lineCount(): number {
    return this.rows.count
  }

  get visibleCount(): number {
    return this.visible.length
  }

  get matchCount(): number {
    return this.matches.length
  }

  private rebuildVisible(): void {
    const { count, kinds, ends } = this.rows
    const out = new Int32Array(count)
    let n = 0
    for (let i = 0; i < count;) {
      out[n++] = i
      i = kinds[i] === KIND.open && this.collapsed.has(i) ? ends[i]! + 1 : i + 1
    }
    this.visible = out.slice(0, n)
  }

  /** Visible lines `from` (inclusive) to `to` (exclusive). */
  slice(from: number, to: number): LineView[] {
    const rows: LineView[] = []
    const end = Math.min(to, this.visible.length)
    for (let i = Math.max(0, from); i < end; i++) rows.push(this.view(i, this.visible[i]!))
    return rows
  }

  private view(index: number, line: number): LineView {
    const { kinds, types, sizes } = this.rows
    const kind = KIND_NAMES[kinds[line]!]!
    const type = TYPE_NAMES[types[line]!]!
    let text: string
    let truncated = 0
    if (kind === 'scalar') ({ text, truncated } = this.scalarText(line))
    else if (kind === 'empty') text = type === 'array' ? '[]' : '{}'
    else if (kind === 'open') text = type === 'array' ? '[' : '{'
    else text = type === 'array' ? ']' : '}'
    const collapsed = kind === 'open' && this.collapsed.has(line)
    // An open container's comma belongs to its closer, unless the closer is folded into this line.
    const comma = kind === 'open' ? collapsed && this.hasComma(line) : this.hasComma(kind === 'close' ? this.openerOf(line) : line)
    const key = kind === 'close' ? null : this.keyOf(line)
    return {
      index,
      line,
      depth: this.depthOf(line),
      key: key === null ? null : String(key),
      inArray: typeof key === 'number',
      kind,
      type,
      text,
      truncated,
      collapsed,
      size: kind === 'open' || kind === 'empty' ? sizes[line]! : 0,
      comma
    }
  }

  /** A scalar as shown: numbers and literals as sent, strings re-quoted when escaped or long. */
  private scalarText(line: number): { text: string; truncated: number } {
    const token = this.tokenOf(line)
    if (this.rows.types[line] !== TYPE.string) return { text: token, truncated: 0 }
    const escaped = (this.rows.flags[line]! & FLAG.valueEscaped) !== 0
    if (!escaped && token.length - 2 <= MAX_SHOWN_CHARS) return { text: token, truncated: 0 }
    const value = escaped ? (JSON.parse(token) as string) : token.slice(1, -1)
    if (value.length <= MAX_SHOWN_CHARS) return { text: JSON.stringify(value), truncated: 0 }
    return { text: `${JSON.stringify(value.slice(0, MAX_SHOWN_CHARS)).slice(0, -1)}…`, truncated: value.length - MAX_SHOWN_CHARS }
  }

  /** The scalar's JSON token. */
  private tokenOf(line: number): string {
    const start = this.rows.starts[line]!
    const end = this.rows.types[line] === TYPE.string ? stringEnd(this.text, start) : scalarEnd(this.text, start)
    return this.text.slice(start, end)
  }

  /** Property name, array index, or null for the root. */
  private keyOf(line: number): string | number | null {
    const { keys, flags } = this.rows
    const key = keys[line]!
    if (flags[line]! & FLAG.indexKey) return key
    if (key < 0) return null
    const token = this.text.slice(key, stringEnd(this.text, key))
    return flags[line]! & FLAG.keyEscaped ? (JSON.parse(token) as string) : token.slice(1, -1)
  }

  private depthOf(line: number): number {
    let depth = 0
    for (let p = this.rows.parents[line]!; p >= 0; p = this.rows.parents[p]!) depth++
    return depth
  }

  /** A line gets a comma when its value is not the last member of its parent. */
  private hasComma(line: number): boolean {
    const { parents, kinds, ends } = this.rows
    const parent = parents[line]!
    if (parent < 0) return false
    const next = kinds[line] === KIND.open ? ends[line]! + 1 : line + 1
    return next < ends[parent]!
  }

  private openerOf(closeLine: number): number {
    return this.rows.ends[closeLine]!
  }

  toggle(line: number): void {
    if (this.rows.kinds[line] !== KIND.open) return
    if (this.collapsed.has(line)) this.collapsed.delete(line)
    else this.collapsed.add(line)
    this.rebuildVisible()
  }

  collapseAll(): void {
    // The root stays open so the top-level members remain in view.
    for (let i = 1; i < this.rows.count; i++) if (this.rows.kinds[i] === KIND.open) this.collapsed.add(i)
    this.rebuildVisible()
  }

  expandAll(): void {
    this.collapsed.clear()
    this.rebuildVisible()
  }

  /** JSONPath of a line's value, e.g. `$.data[0].email`. */
  pathOf(line: number): string {
    const parts: string[] = []
    for (let i = this.rows.kinds[line] === KIND.close ? this.openerOf(line) : line; i > 0; i = this.rows.parents[i]!) {
      const key = this.keyOf(i)
      if (typeof key === 'number') parts.push(`[${key}]`)
      else if (typeof key === 'string') parts.push(/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)
    }
    return `$${parts.reverse().join('')}`
  }

  /** The line's value as pretty JSON (a string scalar is copied as its plain text). */
  valueOf(line: number): string {
    const at = this.rows.kinds[line] === KIND.close ? this.openerOf(line) : line
    const { kinds, starts, types } = this.rows
    if (kinds[at] === KIND.scalar) {
      const token = this.tokenOf(at)
      return types[at] === TYPE.string ? (JSON.parse(token) as string) : token
    }
    if (kinds[at] === KIND.empty) return types[at] === TYPE.array ? '[]' : '{}'
    return JSON.stringify(JSON.parse(this.text.slice(starts[at]!, starts[this.rows.ends[at]!]! + 1)), null, 2)
  }

  /** Finds every line whose property name or scalar value contains `query` (case-insensitive); returns the count. */
  search(query: string): number {
    const needle = query.toLowerCase()
    this.matches = needle === '' ? new Int32Array(0) : this.find(needle)
    return this.matches.length
  }

  /**
   * Searches the lower-cased text once with indexOf and maps each hit to its line, keeping hits
   * that fall inside a property name or scalar. Escaped names and strings differ from their text,
   * so those few are decoded and tested one by one instead.
   */
  private find(needle: string): Int32Array {
    this.lowered ??= this.text.toLowerCase()
    // Lower-casing can change the length of a few characters (İ); offsets then no longer line up.
    if (this.lowered.length !== this.text.length) return this.findByDecoding(needle, () => true)
    const { flags, kinds, types } = this.rows
    const found: number[] = []
    for (let at = this.lowered.indexOf(needle); at !== -1; at = this.lowered.indexOf(needle, at + 1)) {
      const line = this.lineAt(at)
      if (found[found.length - 1] === line) continue
      const end = at + needle.length
      const key = this.rows.keys[line]!
      const inKey = !(flags[line]! & (FLAG.indexKey | FLAG.keyEscaped)) && key >= 0 && at > key && end < stringEnd(this.text, key)
      let inValue = false
      if (!inKey && kinds[line] === KIND.scalar) {
        const start = this.rows.starts[line]!
        if (types[line] === TYPE.string) inValue = !(flags[line]! & FLAG.valueEscaped) && at > start && end < stringEnd(this.text, start)
        else inValue = at >= start && end <= scalarEnd(this.text, start)
      }
      if (inKey || inValue) found.push(line)
    }
    const escaped = this.findByDecoding(needle, (line) => (flags[line]! & (FLAG.keyEscaped | FLAG.valueEscaped)) !== 0)
    if (escaped.length === 0) return Int32Array.from(found)
    return Int32Array.from(new Set([...found, ...escaped])).sort()
  }

  /** Tests decoded names and scalars of the lines `which` picks. */
  private findByDecoding(needle: string, which: (line: number) => boolean): Int32Array {
    const { count, kinds, types } = this.rows
    const found: number[] = []
    for (let line = 0; line < count; line++) {
      if (!which(line) || kinds[line] === KIND.close) continue
      const key = this.keyOf(line)
      if (typeof key === 'string' && key.toLowerCase().includes(needle)) found.push(line)
      else if (kinds[line] === KIND.scalar) {
        const token = this.tokenOf(line)
        const value = types[line] === TYPE.string ? (JSON.parse(token) as string) : token
        if (value.toLowerCase().includes(needle)) found.push(line)
      }
    }
    return Int32Array.from(found)
  }

  /** The line whose name or token contains text offset `at` (lines are in text order). */
  private lineAt(at: number): number {
    const { keys, flags, starts } = this.rows
    const first = (line: number) => (flags[line]! & FLAG.indexKey || keys[line]! < 0 ? starts[line]! : keys[line]!)
    let lo = 0
    let hi = this.rows.count - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (first(mid) <= at) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Opens the ancestors of match `n` and returns its visible index and line. */
  reveal(n: number): { index: number; line: number } | null {
    const line = this.matches[n]
    if (line === undefined) return null
    let opened = false
    for (let p = this.rows.parents[line]!; p >= 0; p = this.rows.parents[p]!) {
      if (this.collapsed.delete(p)) opened = true
    }
    if (opened) this.rebuildVisible()
    return { index: this.visibleIndexOf(line), line }
  }

  /** Binary search: `visible` is sorted. */
  visibleIndexOf(line: number): number {
    let lo = 0
    let hi = this.visible.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.visible[mid]!
      if (v === line) return mid
      if (v < line) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

/**
 * The raw view's model: the text cut into rows at line breaks, and long lines cut every
 * `width` characters, so even a one-line 50 MB body renders a screenful at a time.
 */
export class RawLines {
  private starts: Int32Array

  constructor(
    readonly text: string,
    readonly width = 1_000
  ) {
    const starts: number[] = []
    let at = 0
    for (;;) {
      const nl = text.indexOf('\n', at)
      const lineEnd = nl === -1 ? text.length : nl
      // A long line becomes several rows; the search for its end runs once, not once per row.
      do {
        starts.push(at)
        at += width
      } while (at < lineEnd)
      if (nl === -1) break
      at = nl + 1
    }
    this.starts = Int32Array.from(starts)
  }

  get count(): number {
    return this.starts.length
  }

  slice(from: number, to: number): string[] {
    const rows: string[] = []
    for (let i = Math.max(0, from); i < Math.min(to, this.starts.length); i++) {
      const start = this.starts[i]!
      const next = this.starts[i + 1] ?? this.text.length
      rows.push(this.text.slice(start, next).replace(/\r?\n$/, ''))
    }
    return rows
  }
}
