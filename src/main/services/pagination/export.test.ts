import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { csvLines, exportItems } from './export'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-export-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const csv = (items: unknown[]) => [...csvLines(items)].join('')

describe('CSV', () => {
  it('flattens nested objects to dotted columns in first-seen order', () => {
    const out = csv([
      { id: '1', location: { city: 'Dublin', country: 'IE' } },
      { id: '2', name: 'Bo', location: { city: 'Paris' } }
    ])
    expect(out).toBe('id,location.city,location.country,name\r\n1,Dublin,IE,\r\n2,Paris,,Bo\r\n')
  })

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines' }])).toBe('a,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n')
  })

  it('guards cells that a spreadsheet would run as a formula', () => {
    const out = csv([{ a: '=HYPERLINK("http://evil")', b: '+1', c: '-2+3', d: '@SUM(A1)', e: -5, f: 'fine' }])
    expect(out.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'-2+3,'@SUM(A1),-5,fine`)
  })

  it('keeps arrays whole as JSON and empties null', () => {
    expect(csv([{ tags: ['a', 'b'], none: null, empty: {} }])).toBe('tags,none,empty\r\n"[""a"",""b""]",,{}\r\n')
  })
})

describe('exportItems', () => {
  const items = [
    { id: '1', email: 'a@x.io' },
    { id: '2', email: 'b@x.io', custom: { plan: 'pro' } }
  ]

  it('writes NDJSON, one object per line', async () => {
    const path = join(dir, 'out.ndjson')
    const { bytes } = await exportItems(items, 'ndjson', path)
    const text = await readFile(path, 'utf8')
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown)
    ).toEqual(items)
    expect(bytes).toBe(Buffer.byteLength(text))
  })

  it('writes a JSON array', async () => {
    const path = join(dir, 'out.json')
    await exportItems(items, 'json', path)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(items)
    await exportItems([], 'json', path)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([])
  })

  it('writes CSV and leaves no temporary file', async () => {
    const path = join(dir, 'out.csv')
    await exportItems(items, 'csv', path)
    expect(await readFile(path, 'utf8')).toBe('id,email,custom.plan\r\n1,a@x.io,\r\n2,b@x.io,pro\r\n')
    expect(await readdir(dir)).toEqual(['out.csv'])
  })

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'out.ndjson')
    await writeFile(path, 'old content that is longer than the new one '.repeat(10))
    await exportItems([{ a: 1 }], 'ndjson', path)
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n')
  })

  it('fails cleanly into a missing folder, leaving nothing behind', async () => {
    const err = await exportItems(items, 'csv', join(dir, 'missing', 'out.csv')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('storage')
    expect(await readdir(dir)).toEqual([])
  })

  it('rejects an unknown format', async () => {
    await expect(exportItems(items, 'xml' as never, join(dir, 'x'))).rejects.toThrow(/Unknown export format/)
    expect(await readdir(dir)).toEqual([])
  })
})
