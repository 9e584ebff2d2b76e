// The pretty view's model: a JSON document flattened once into lines (one per scalar, opener and
// closer), plus the collapse state and search over them. Pure code with no DOM, so it runs in the
// worker (json.worker.ts), in unit tests and in benchmarks alike. The UI only ever asks for the few
// lines on screen, which is what keeps a 50 MB response from freezing the window.

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
const KIND: Record<LineKind, number> = { open: 0, close: 1, scalar: 2, empty: 3 }

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export class JsonLines {
  /** Per line: the value it shows (for closers: the container it closes). */
  private values: Json[] = []
  private keys: (string | number | null)[] = []
  // Per-line columns in typed arrays (grown by doubling): millions of lines stay compact and fast.
  private count = 0
  private kinds = new Uint8Array(1024)
  private depths = new Int32Array(1024)
  /** For openers: the index of their closer; for closers: their opener; for others -1. */
  private ends = new Int32Array(1024)
  /** The opener containing each line, -1 at the root. */
  private parents = new Int32Array(1024)
  private collapsed = new Set<number>()
  private visible: Int32Array = new Int32Array(0)
  private matches: Int32Array = new Int32Array(0)
  private query = ''

  private readonly root: Json

  /** `root` is a parsed JSON value (what JSON.parse returns). */
  constructor(root: unknown) {
    this.root = root as Json
    this.flatten()
    this.rebuildVisible()
  }

  static parse(text: string): JsonLines {
    return new JsonLines(JSON.parse(text))
  }

  get lineCount(): number {
    return this.count
  }

  get visibleCount(): number {
    return this.visible.length
  }

  get matchCount(): number {
    return this.matches.length
  }

  /**
   * Iterative, so deeply nested documents cannot overflow the stack. Each open container is one
   * frame (value, its keys, the next child), with no object allocated per child: a 50 MB body has
   * millions of lines.
   */
  private flatten(): void {
    const containers: Json[] = []
    const keyLists: (string[] | null)[] = []
    const next: number[] = []
    const openers: number[] = []
    const enter = (value: Json, key: string | number | null, depth: number, parent: number) => {
      if (value === null || typeof value !== 'object') return void this.push(value, key, 'scalar', depth, parent)
      const keys = Array.isArray(value) ? null : Object.keys(value)
      if ((keys ? keys.length : (value as Json[]).length) === 0) return void this.push(value, key, 'empty', depth, parent)
      openers.push(this.push(value, key, 'open', depth, parent))
      containers.push(value)
      keyLists.push(keys)
      next.push(0)
    }
    enter(this.root, null, 0, -1)
    while (containers.length > 0) {
      const top = containers.length - 1
      const value = containers[top]!
      const keys = keyLists[top]!
      const i = next[top]!
      const open = openers[top]!
      const depth = this.depths[open]!
      if (i < (keys ? keys.length : (value as Json[]).length)) {
        next[top] = i + 1
        if (keys) enter((value as { [key: string]: Json })[keys[i]!]!, keys[i]!, depth + 1, open)
        else enter((value as Json[])[i]!, i, depth + 1, open)
        continue
      }
      containers.pop()
      keyLists.pop()
      next.pop()
      openers.pop()
      // The closer: tie its opener to it.
      const close = this.push(value, null, 'close', depth, this.parents[open]!)
      this.ends[open] = close
      this.ends[close] = open
    }
  }

  private push(value: Json, key: string | number | null, kind: LineKind, depth: number, parent: number): number {
    if (this.count === this.kinds.length) this.grow()
    const at = this.count++
    this.values.push(value)
    this.keys.push(key)
    this.kinds[at] = KIND[kind]
    this.depths[at] = depth
    this.ends[at] = -1
    this.parents[at] = parent
    return at
  }

  private grow(): void {
    const size = this.kinds.length * 2
    const grown = <T extends Uint8Array | Int32Array>(from: T, make: (n: number) => T): T => {
      const to = make(size)
      to.set(from)
      return to
    }
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n))
    this.depths = grown(this.depths, (n) => new Int32Array(n))
    this.ends = grown(this.ends, (n) => new Int32Array(n))
    this.parents = grown(this.parents, (n) => new Int32Array(n))
  }

  private rebuildVisible(): void {
    const out = new Int32Array(this.count)
    let n = 0
    for (let i = 0; i < this.count;) {
      out[n++] = i
      i = this.kinds[i] === KIND.open && this.collapsed.has(i) ? this.ends[i]! + 1 : i + 1
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
    const kind = KIND_NAMES[this.kinds[line]!]!
    const value = this.values[line]!
    const type = typeOf(value)
    const key = this.keys[line]
    const size = kind === 'open' || kind === 'empty' ? sizeOf(value) : 0
    let text: string
    let truncated = 0
    if (kind === 'scalar') {
      if (typeof value === 'string' && value.length > MAX_SHOWN_CHARS) {
        truncated = value.length - MAX_SHOWN_CHARS
        text = `${JSON.stringify(value.slice(0, MAX_SHOWN_CHARS)).slice(0, -1)}…`
      } else text = JSON.stringify(value)
    } else if (kind === 'empty') text = type === 'array' ? '[]' : '{}'
    else if (kind === 'open') text = type === 'array' ? '[' : '{'
    else text = type === 'array' ? ']' : '}'
    const collapsed = kind === 'open' && this.collapsed.has(line)
    // An open container's comma belongs to its closer, unless the closer is folded into this line.
    const comma = kind === 'open' ? collapsed && this.hasComma(line) : this.hasComma(kind === 'close' ? this.openerOf(line) : line)
    return {
      index,
      line,
      depth: this.depths[line]!,
      key: key === null || key === undefined ? null : String(key),
      inArray: typeof key === 'number',
      kind,
      type,
      text,
      truncated,
      collapsed,
      size,
      comma
    }
  }

  /** A line gets a comma when its value is not the last member of its parent. */
  private hasComma(line: number): boolean {
    const parent = this.parents[line]!
    if (parent < 0) return false
    const next = this.kinds[line] === KIND.open ? this.ends[line]! + 1 : line + 1
    return next < this.ends[parent]!
  }

  private openerOf(closeLine: number): number {
    return this.ends[closeLine]!
  }

  toggle(line: number): void {
    if (this.kinds[line] !== KIND.open) return
    if (this.collapsed.has(line)) this.collapsed.delete(line)
    else this.collapsed.add(line)
    this.rebuildVisible()
  }

  collapseAll(): void {
    // The root stays open so the top-level members remain in view.
    for (let i = 1; i < this.count; i++) if (this.kinds[i] === KIND.open) this.collapsed.add(i)
    this.rebuildVisible()
  }

  expandAll(): void {
    this.collapsed.clear()
    this.rebuildVisible()
  }

  /** JSONPath of a line's value, e.g. `$.data[0].email`. */
  pathOf(line: number): string {
    const parts: string[] = []
    for (let i = this.kinds[line] === KIND.close ? this.openerOf(line) : line; i > 0; i = this.parents[i]!) {
      const key = this.keys[i]
      if (typeof key === 'number') parts.push(`[${key}]`)
      else if (typeof key === 'string') parts.push(/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)
    }
    return `$${parts.reverse().join('')}`
  }

  /** The line's value as pretty JSON (a string scalar is copied as its plain text). */
  valueOf(line: number): string {
    const value = this.values[this.kinds[line] === KIND.close ? this.openerOf(line) : line]!
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2)
  }

  /** Finds every line whose key or scalar value contains `query` (case-insensitive); returns the count. */
  search(query: string): number {
    this.query = query.toLowerCase()
    if (this.query === '') {
      this.matches = new Int32Array(0)
      return 0
    }
    const found: number[] = []
    for (let i = 0; i < this.count; i++) {
      const key = this.keys[i]
      if (key !== null && key !== undefined && typeof key === 'string' && key.toLowerCase().includes(this.query)) {
        found.push(i)
        continue
      }
      if (this.kinds[i] !== KIND.scalar) continue
      const value = this.values[i]
      const text = typeof value === 'string' ? value : String(value)
      if (text.toLowerCase().includes(this.query)) found.push(i)
    }
    this.matches = Int32Array.from(found)
    return found.length
  }

  /** Opens the ancestors of match `n` and returns its visible index and line. */
  reveal(n: number): { index: number; line: number } | null {
    const line = this.matches[n]
    if (line === undefined) return null
    let opened = false
    for (let p = this.parents[line]!; p >= 0; p = this.parents[p]!) {
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

function typeOf(value: Json): ValueType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as ValueType
}

function sizeOf(value: Json): number {
  if (Array.isArray(value)) return value.length
  return value !== null && typeof value === 'object' ? Object.keys(value).length : 0
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
