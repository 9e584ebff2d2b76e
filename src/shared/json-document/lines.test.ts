import { describe, expect, it } from 'vitest'
import { JsonLines, MAX_SHOWN_CHARS, RawLines } from './lines'

const sample = {
  type: 'list',
  data: [
    { id: '1', email: 'a@example.com', tags: [] },
    { id: '2', email: 'b@example.com', 'odd key': null }
  ],
  total_count: 2
}

/** The visible lines as text, the way the view draws them. */
function render(doc: JsonLines): string[] {
  return doc.slice(0, doc.visibleCount).map((r) => {
    const key = r.key === null ? '' : `${JSON.stringify(r.key)}: `
    const tail = r.collapsed ? `…${r.type === 'array' ? ']' : '}'}` : ''
    return `${'  '.repeat(r.depth)}${key}${r.text}${tail}${r.comma ? ',' : ''}`
  })
}

describe('JsonLines', () => {
  it('flattens a document into the same lines as JSON.stringify with two-space indent', () => {
    const doc = new JsonLines(sample)
    // Array items have no key in JSON text; the view shows their index instead.
    const expected = JSON.stringify(sample, null, 2).split('\n')
    const shown = render(doc).map((l) => l.replace(/^(\s*)"\d+": /, '$1'))
    expect(shown).toEqual(expected)
    // Only array items are marked as such.
    expect(doc.slice(0, doc.visibleCount).filter((r) => r.inArray).map((r) => r.key)).toEqual(['0', '1'])
  })

  it('collapses and expands a container, and collapse all keeps the root open', () => {
    const doc = new JsonLines(sample)
    const dataLine = doc.slice(0, 10).find((r) => r.key === 'data')!
    doc.toggle(dataLine.line)
    expect(render(doc)).toEqual(['{', '  "type": "list",', '  "data": […],', '  "total_count": 2', '}'])
    doc.toggle(dataLine.line)
    expect(doc.visibleCount).toBe(doc.lineCount)
    doc.collapseAll()
    expect(render(doc)).toEqual(['{', '  "type": "list",', '  "data": […],', '  "total_count": 2', '}'])
    doc.expandAll()
    expect(doc.visibleCount).toBe(doc.lineCount)
  })

  it('gives JSONPaths with indices and quoted odd keys', () => {
    const doc = new JsonLines(sample)
    const rows = doc.slice(0, doc.visibleCount)
    const email = rows.find((r) => r.key === 'email' && r.text === '"b@example.com"')!
    expect(doc.pathOf(email.line)).toBe('$.data[1].email')
    const odd = rows.find((r) => r.key === 'odd key')!
    expect(doc.pathOf(odd.line)).toBe('$.data[1]["odd key"]')
    expect(doc.pathOf(0)).toBe('$')
    expect(doc.valueOf(email.line)).toBe('b@example.com')
    expect(JSON.parse(doc.valueOf(rows.find((r) => r.key === '0')!.line))).toEqual(sample.data[0])
  })

  it('searches keys and values, and reveals a match inside a collapsed container', () => {
    const doc = new JsonLines(sample)
    expect(doc.search('EXAMPLE.com')).toBe(2)
    expect(doc.search('odd')).toBe(1)
    expect(doc.search('nothing-like-this')).toBe(0)
    expect(doc.search('b@')).toBe(1)
    doc.collapseAll()
    const hidden = doc.visibleCount
    const found = doc.reveal(0)!
    expect(doc.visibleCount).toBeGreaterThan(hidden)
    expect(doc.slice(found.index, found.index + 1)[0]!.text).toBe('"b@example.com"')
  })

  it('cuts very long strings on screen but copies and searches them whole', () => {
    const long = 'x'.repeat(MAX_SHOWN_CHARS * 3) + 'needle'
    const doc = new JsonLines({ padding: long })
    const row = doc.slice(1, 2)[0]!
    expect(row.truncated).toBe(long.length - MAX_SHOWN_CHARS)
    expect(row.text.length).toBeLessThan(MAX_SHOWN_CHARS + 10)
    expect(doc.valueOf(row.line)).toBe(long)
    expect(doc.search('needle')).toBe(1)
  })

  it('handles scalars, empty containers and nesting deeper than the call stack', () => {
    expect(render(new JsonLines(42))).toEqual(['42'])
    expect(render(new JsonLines({ a: {}, b: [] }))).toEqual(['{', '  "a": {},', '  "b": []', '}'])
    let deep: unknown = 1
    for (let i = 0; i < 20_000; i++) deep = [deep]
    const doc = new JsonLines(deep)
    expect(doc.lineCount).toBe(40_001)
  })

  it('throws a SyntaxError for invalid JSON', () => {
    expect(() => JsonLines.parse('{"a":')).toThrow(SyntaxError)
  })
})

describe('RawLines', () => {
  it('splits at line breaks and cuts long lines into fixed-width rows', () => {
    const raw = new RawLines('ab\r\ncdefgh\n\nij', 4)
    expect(raw.slice(0, raw.count)).toEqual(['ab', 'cdef', 'gh', '', 'ij'])
  })

  it('covers a one-line body completely', () => {
    const text = 'y'.repeat(10_003)
    const raw = new RawLines(text, 1_000)
    expect(raw.count).toBe(11)
    expect(raw.slice(0, raw.count).join('')).toBe(text)
  })
})
