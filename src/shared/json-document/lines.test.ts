import fc from 'fast-check'
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
function render(doc: JsonLines, { indices = true } = {}): string[] {
  return doc.slice(0, doc.visibleCount).map((r) => {
    const key = r.key === null || (r.inArray && !indices) ? '' : `${JSON.stringify(r.key)}: `
    const tail = r.collapsed ? `…${r.type === 'array' ? ']' : '}'}` : ''
    return `${'  '.repeat(r.depth)}${key}${r.text}${tail}${r.comma ? ',' : ''}`
  })
}

describe('JsonLines', () => {
  it('flattens a document into the same lines as JSON.stringify with two-space indent', () => {
    const doc = JsonLines.parse(JSON.stringify(sample))
    // Array items have no key in JSON text; the view shows their index instead.
    const expected = JSON.stringify(sample, null, 2).split('\n')
    expect(render(doc, { indices: false })).toEqual(expected)
    // Only array items are marked as such.
    expect(
      doc
        .slice(0, doc.visibleCount)
        .filter((r) => r.inArray)
        .map((r) => r.key)
    ).toEqual(['0', '1'])
  })

  it('collapses and expands a container, and collapse all keeps the root open', () => {
    const doc = JsonLines.parse(JSON.stringify(sample))
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
    const doc = JsonLines.parse(JSON.stringify(sample))
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
    const doc = JsonLines.parse(JSON.stringify(sample))
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
    const doc = JsonLines.parse(JSON.stringify({ padding: long }))
    const row = doc.slice(1, 2)[0]!
    expect(row.truncated).toBe(long.length - MAX_SHOWN_CHARS)
    expect(row.text.length).toBeLessThan(MAX_SHOWN_CHARS + 10)
    expect(doc.valueOf(row.line)).toBe(long)
    expect(doc.search('needle')).toBe(1)
  })

  it('handles scalars, empty containers and nesting deeper than the call stack', () => {
    expect(render(JsonLines.parse('42'))).toEqual(['42'])
    expect(render(JsonLines.parse('{"a": {}, "b": [ ]}'))).toEqual(['{', '  "a": {},', '  "b": []', '}'])
    const doc = JsonLines.parse(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`)
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

describe('JsonLines against JSON.parse (property-based)', () => {
  // Array items carry their index as the key; JSON text has none, so draw them without it.
  const shown = (doc: JsonLines) => render(doc, { indices: false })
  const pretty = (value: unknown) => JSON.stringify(value, null, 2).split('\n')

  it('draws any document exactly as JSON.stringify indents it, whatever the input spacing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, space) => {
        const doc = JsonLines.parse(JSON.stringify(value, null, space))
        expect(shown(doc)).toEqual(pretty(value))
        expect(doc.lineCount).toBe(pretty(value).length)
      })
    )
  })

  it('accepts exactly what JSON.parse accepts', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '\\', '}', ']', '-', '0', 'e', '\u0001', ' x'), fc.boolean())
      .map(([text, at, insert, drop]) => {
        const i = text.length === 0 ? 0 : at % text.length
        return text.slice(0, i) + insert + text.slice(drop ? i + 1 : i)
      })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string()), (text) => {
        let expected = true
        try {
          JSON.parse(text)
        } catch {
          expected = false
        }
        let actual = true
        try {
          JsonLines.parse(text)
        } catch (e) {
          expect(e).toBeInstanceOf(SyntaxError)
          actual = false
        }
        expect(actual).toBe(expected)
      }),
      { numRuns: 2_000 }
    )
  })

  it('finds the same lines as a walk over the parsed value', () => {
    /** Lines whose name or shown scalar contains the needle, by walking the value in line order. */
    const reference = (value: unknown, needle: string): number => {
      let count = 0
      const visit = (v: unknown, key: string | null) => {
        const keyHit = key !== null && key.toLowerCase().includes(needle)
        if (v !== null && typeof v === 'object') {
          if (keyHit) count++
          for (const [k, child] of Object.entries(v)) visit(child, Array.isArray(v) ? null : k)
        } else if (keyHit || (typeof v === 'string' ? v : JSON.stringify(v)).toLowerCase().includes(needle)) count++
      }
      visit(value, null)
      return count
    }
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 1, maxLength: 3 }), (value, query) => {
        const doc = JsonLines.parse(JSON.stringify(value))
        expect(doc.search(query)).toBe(reference(value, query.toLowerCase()))
      }),
      { numRuns: 500 }
    )
  })
})

describe('JsonLines on text as servers send it', () => {
  it('shows numbers as sent, so large ids keep every digit', () => {
    const doc = JsonLines.parse('{"id": 12345678901234567890, "ratio": 1.50}')
    expect(render(doc)).toEqual(['{', '  "id": 12345678901234567890,', '  "ratio": 1.50', '}'])
    expect(doc.valueOf(1)).toBe('12345678901234567890')
  })

  it('decodes escaped names and strings for display, copy and search', () => {
    const doc = JsonLines.parse('{"na\\u006de": "caf\\u00e9 \\"quoted\\"", "plain": "x"}')
    expect(render(doc)).toEqual(['{', '  "name": "café \\"quoted\\"",', '  "plain": "x"', '}'])
    expect(doc.valueOf(1)).toBe('café "quoted"')
    expect(doc.pathOf(1)).toBe('$.name')
    expect(doc.search('CAFÉ')).toBe(1)
    expect(doc.search('name')).toBe(1)
    expect(doc.search('u00e9')).toBe(0)
  })

  it('searches text whose lower case changes length', () => {
    const doc = JsonLines.parse('{"city": "İstanbul", "next": "izmir"}')
    expect(doc.search('izmir')).toBe(1)
    expect(doc.search('stanbul')).toBe(1)
  })

  it('names where invalid JSON goes wrong', () => {
    expect(() => JsonLines.parse('{\n  "a": 1,\n  "b": tru\n}')).toThrow('Unexpected character "t" at position 19 (line 3, column 8)')
    expect(() => JsonLines.parse('[1, 2')).toThrow('Unexpected end of JSON at position 5 (line 1, column 6)')
    expect(() => JsonLines.parse('"a\u0001"')).toThrow(/Control character in string/)
  })
})
