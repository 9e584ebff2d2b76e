// What the saved-request files held when they were last read, so a start-up only reads the files that
// changed since. The files stay the truth: an entry counts only while its file's size and mtime are
// those recorded, and a file changed too close to the recording to tell (a "racy" one, as git calls
// it) is read again. The index lives in the data folder, outside the library a team may keep in git.
//
// Layout: a header line (format, when written, SHA-256 of the rest) and the entries as JSON. A torn,
// edited or older index fails its digest or format check and is simply rebuilt.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { writeFileAtomic } from './fs-util'

const FORMAT = 'token-desk/library-index@1'
/** A file modified this close to the index being written may have changed unseen in the same tick. */
const RACY_MS = 2_000

export interface IndexedFile<T> {
  size: number
  mtimeMs: number
  /** What the file held, already validated when it was read. */
  content: T
}

export class FileIndex<T> {
  private constructor(
    private readonly entries: ReadonlyMap<string, IndexedFile<T>>,
    private readonly writtenAt: number
  ) {}

  static empty<T>(): FileIndex<T> {
    return new FileIndex<T>(new Map(), 0)
  }

  /** The index stored at `file`, or an empty one when there is none or it cannot be trusted. */
  static read<T>(file: string, isContent: (content: unknown) => content is T): FileIndex<T> {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return FileIndex.empty()
    }
    const newline = text.indexOf('\n')
    if (newline < 0) return FileIndex.empty()
    try {
      const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; writtenAt?: unknown; digest?: unknown }
      const body = text.slice(newline + 1)
      if (header.format !== FORMAT || typeof header.writtenAt !== 'number' || header.digest !== digest(body)) return FileIndex.empty()
      const entries = JSON.parse(body) as unknown
      if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return FileIndex.empty()
      // The digest catches a torn or hand-edited index; an entry of the wrong shape (an index
      // rewritten with a matching digest) is only a miss, and its file is read again.
      const usable = Object.entries(entries as Record<string, unknown>).filter(
        (e): e is [string, IndexedFile<T>] => isIndexedFile(e[1]) && isContent(e[1].content)
      )
      return new FileIndex(new Map(usable), header.writtenAt)
    } catch {
      return FileIndex.empty()
    }
  }

  /** The recorded content of `key`, when its file is provably unchanged since. */
  lookup(key: string, stat: { size: number; mtimeMs: number }): T | undefined {
    const hit = this.entries.get(key)
    if (!hit || hit.size !== stat.size || hit.mtimeMs !== stat.mtimeMs) return undefined
    return stat.mtimeMs < this.writtenAt - RACY_MS ? hit.content : undefined
  }

  get size(): number {
    return this.entries.size
  }

  /** Writes `entries` as the index at `file` (atomically: a crash leaves the old one or the new one). */
  static async write<T>(file: string, entries: ReadonlyMap<string, IndexedFile<T>>, now: number): Promise<void> {
    const body = JSON.stringify(Object.fromEntries(entries))
    const header = JSON.stringify({ format: FORMAT, writtenAt: now, digest: digest(body) })
    await writeFileAtomic(file, `${header}\n${body}`, 0o600)
  }
}

function isIndexedFile(entry: unknown): entry is IndexedFile<unknown> {
  if (typeof entry !== 'object' || entry === null) return false
  const { size, mtimeMs } = entry as Partial<IndexedFile<unknown>>
  return typeof size === 'number' && typeof mtimeMs === 'number'
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')
