// Exports collected items as JSON, NDJSON or CSV. Files are written to a temporary name beside the
// target and renamed into place, so a failed export never leaves a half-written file.
import { randomUUID } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../shared/errors'

export type ExportFormat = 'json' | 'ndjson' | 'csv'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'ndjson', 'csv']

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Nested objects become dotted keys; arrays stay whole (as JSON) so rows keep one shape. */
export function flatten(item: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const walk = (value: unknown, prefix: string) => {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k)
    } else {
      out.set(prefix || 'value', value)
    }
  }
  walk(item, '')
  return out
}

/** Spreadsheet apps run cells starting with these as formulas (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const csvRow = (cells: readonly string[]) => cells.map(csvField).join(',') + '\r\n'

/** CSV lines: a header with the union of keys in first-seen order, then one row per item. */
export function* csvLines(items: readonly unknown[]): Generator<string> {
  const rows = items.map(flatten)
  const columns = [...new Set(rows.flatMap((row) => [...row.keys()]))]
  yield csvRow(columns)
  for (const row of rows) yield csvRow(columns.map((c) => cellText(row.get(c))))
}

export function* ndjsonLines(items: readonly unknown[]): Generator<string> {
  for (const item of items) yield JSON.stringify(item) + '\n'
}

export function* jsonLines(items: readonly unknown[]): Generator<string> {
  yield '[\n'
  for (let i = 0; i < items.length; i++) yield `  ${JSON.stringify(items[i])}${i < items.length - 1 ? ',' : ''}\n`
  yield ']\n'
}

const WRITERS: Record<ExportFormat, (items: readonly unknown[]) => Iterable<string>> = {
  json: jsonLines,
  ndjson: ndjsonLines,
  csv: csvLines
}

/** Writes `items` to `path` in `format`, atomically. Returns the bytes written. */
export async function exportItems(items: readonly unknown[], format: ExportFormat, path: string): Promise<{ path: string; bytes: number }> {
  const writer = WRITERS[format]
  if (!writer) throw new AppError('invalid_input', `Unknown export format "${String(format)}"; use json, ndjson or csv.`)
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  let bytes = 0
  try {
    const fh = await open(temp, 'wx', 0o600)
    try {
      // Batch lines so a large export neither builds one giant string nor makes a syscall per row.
      let batch: string[] = []
      const flush = async () => {
        const chunk = batch.join('')
        batch = []
        bytes += Buffer.byteLength(chunk)
        await fh.write(chunk)
      }
      for (const line of writer(items)) {
        batch.push(line)
        if (batch.length >= 1000) await flush()
      }
      await flush()
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(temp, path)
  } catch (err) {
    await unlink(temp).catch(() => undefined)
    const code = (err as { code?: unknown }).code
    throw new AppError('storage', `Could not write the export to ${path}${typeof code === 'string' ? ` (${code})` : ''}.`, { path })
  }
  return { path, bytes }
}
