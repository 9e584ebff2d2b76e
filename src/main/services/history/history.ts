// Sent-request history, per workspace, outside any collection directory (it is sensitive):
//   <root>/<workspaceId>/index.jsonl       one HistoryEntry per line, oldest first, append-only
//   <root>/<workspaceId>/bodies/<id>.body  response bodies up to a size cap, read on demand
// Appends are cheap; the index is rewritten (atomically) only when it has grown well past the cap
// or when a torn line from a crash has to be cut off.
import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import fuzzysort from 'fuzzysort'
import { AppError } from '../../../shared/errors'
import { HistoryEntry, LibraryWorkspaceId, type HistoryList } from '../../../shared/library'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { systemClock, type Clock, type Logger } from '../ports'
import { invalidInput, isMissing, SerialQueue, storageError, writeFileAtomic } from '../library/fs-util'
import { redactText, stripSecrets } from '../library/secrets'

export interface HistoryStoreOptions {
  /** e.g. `<userData>/history` */
  root: string
  clock?: Clock
  logger?: Logger
  /** Entries kept per workspace; the oldest are dropped with their bodies. Default 500. */
  maxEntries?: number
  /** Larger response bodies are not kept. Default 1 MiB. */
  maxBodyBytes?: number
}

export interface RecordHistoryInput {
  workspaceId: string
  draft: RequestDraftInput
  /** Epoch ms; defaults to now. */
  sentAt?: number
  status: number | null
  error?: string | null
  timing: { totalMs: number; ttfbMs?: number | null }
  contentType?: string | null
  responseBody?: string | Uint8Array | null
  /** Response size; defaults to the body's byte length. */
  bytes?: number
}

export interface RecordOptions {
  /** Exact secret values (the token that was sent) to cut out of the draft and the body. */
  knownSecrets?: readonly string[]
}

interface WorkspaceHistory {
  entries: HistoryEntry[]
  linesInFile: number
  problems: HistoryList['problems']
}

const PRIVATE_FILE = 0o600
const PRIVATE_DIR = 0o700

/** The largest request body a history entry keeps, in characters. */
export const HISTORY_REQUEST_BODY_MAX = 64 * 1024

export class HistoryStore {
  private readonly root: string
  private readonly clock: Clock
  private readonly logger: Logger | undefined
  private readonly maxEntries: number
  private readonly maxBodyBytes: number
  private readonly loaded = new Map<string, WorkspaceHistory>()
  private readonly queues = new Map<string, SerialQueue>()

  constructor(opts: HistoryStoreOptions) {
    this.root = path.resolve(opts.root)
    this.clock = opts.clock ?? systemClock
    this.logger = opts.logger
    this.maxEntries = Math.max(1, opts.maxEntries ?? 500)
    this.maxBodyBytes = Math.max(0, opts.maxBodyBytes ?? 1024 * 1024)
  }

  /** Records one sent request. The draft is stripped of every credential before it is written. */
  async record(input: RecordHistoryInput, opts: RecordOptions = {}): Promise<HistoryEntry> {
    const ws = this.workspaceId(input.workspaceId)
    const parsedDraft = RequestDraft.safeParse(input.draft)
    if (!parsedDraft.success) throw invalidInput('invalid history draft', parsedDraft.error.issues)
    const known = opts.knownSecrets ?? []
    const stripped = stripSecrets(parsedDraft.data, { dropAuthorization: true, alsoRemove: known })
    // A multi-megabyte request body is not copied into every history line: only its size is kept.
    const omitted = stripped.body !== null && stripped.body.length > HISTORY_REQUEST_BODY_MAX ? stripped.body.length : null
    const draft = omitted === null ? stripped : { ...stripped, body: null }
    const body = toBody(input.responseBody, known)
    const tooLarge = body !== null && body.length > this.maxBodyBytes
    const entry = HistoryEntry.safeParse({
      id: randomUUID(),
      workspaceId: ws,
      sentAt: new Date(input.sentAt ?? this.clock.now()).toISOString(),
      draft,
      status: input.status,
      error: input.error == null ? null : redactText(input.error, known),
      timing: { totalMs: input.timing.totalMs, ttfbMs: input.timing.ttfbMs ?? null },
      bytes: input.bytes ?? byteLength(input.responseBody),
      contentType: input.contentType ?? null,
      bodyStored: body !== null && body.length > 0 && !tooLarge,
      bodyTooLarge: tooLarge,
      requestBodyOmitted: omitted
    })
    if (!entry.success) throw invalidInput('invalid history entry', entry.error.issues)
    const e = entry.data
    return this.run(ws, async (h) => {
      await fs.mkdir(this.bodiesDir(ws), { recursive: true, mode: PRIVATE_DIR })
      if (e.bodyStored && body) await writeFileAtomic(this.bodyFile(ws, e.id), body, PRIVATE_FILE)
      await fs.appendFile(this.indexFile(ws), `${JSON.stringify(e)}\n`, { mode: PRIVATE_FILE }).catch((err: unknown) => {
        throw storageError('could not append to the history', err)
      })
      h.entries.push(e)
      h.linesInFile++
      await this.enforceCap(ws, h)
      return e
    })
  }

  /** Newest first. `problems` lists lines that could not be read (e.g. torn by a crash). */
  async list(workspaceId: string, page: { limit?: number; offset?: number } = {}): Promise<HistoryList> {
    const ws = this.workspaceId(workspaceId)
    return this.run(ws, async (h) => {
      const offset = Math.max(0, page.offset ?? 0)
      const newestFirst = [...h.entries].reverse()
      return { entries: newestFirst.slice(offset, offset + (page.limit ?? newestFirst.length)), problems: [...h.problems] }
    })
  }

  async get(workspaceId: string, entryId: string): Promise<HistoryEntry> {
    const ws = this.workspaceId(workspaceId)
    return this.run(ws, async (h) => findEntry(h, entryId))
  }

  /** Fuzzy search over method, path, status and error; an empty query lists the newest. */
  async search(workspaceId: string, query: string, limit = 50): Promise<HistoryEntry[]> {
    const ws = this.workspaceId(workspaceId)
    return this.run(ws, async (h) => {
      const newestFirst = [...h.entries].reverse()
      if (!query.trim()) return newestFirst.slice(0, limit)
      return fuzzysort.go(query.trim(), newestFirst, { key: (e: HistoryEntry) => searchText(e), limit, threshold: 0.2 }).map((r) => r.obj)
    })
  }

  /** The stored response body; not_found when it was too large, empty, or dropped. */
  async readBody(workspaceId: string, entryId: string): Promise<Buffer> {
    const ws = this.workspaceId(workspaceId)
    return this.run(ws, async (h) => {
      const e = findEntry(h, entryId)
      if (!e.bodyStored)
        throw new AppError(
          'not_found',
          e.bodyTooLarge
            ? `the response body (${e.bytes} bytes) was larger than the history keeps`
            : 'no response body was kept for this entry'
        )
      return fs.readFile(this.bodyFile(ws, e.id)).catch((err: unknown) => {
        throw isMissing(err)
          ? new AppError('not_found', 'the response body file is gone')
          : storageError('could not read the response body', err)
      })
    })
  }

  /** Deletes a workspace's whole history, bodies included. */
  async clear(workspaceId: string): Promise<void> {
    const ws = this.workspaceId(workspaceId)
    return this.run(ws, async (h) => {
      await fs.rm(this.dir(ws), { recursive: true, force: true }).catch((err: unknown) => {
        throw storageError('could not clear the history', err)
      })
      h.entries = []
      h.linesInFile = 0
      h.problems = []
    })
  }

  // ---- internals --------------------------------------------------------------------------

  private workspaceId(id: string): string {
    const r = LibraryWorkspaceId.safeParse(id)
    if (!r.success) throw invalidInput('invalid workspace id', r.error.issues)
    return r.data
  }

  private dir(ws: string): string {
    return path.join(this.root, ws)
  }
  private indexFile(ws: string): string {
    return path.join(this.dir(ws), 'index.jsonl')
  }
  private bodiesDir(ws: string): string {
    return path.join(this.dir(ws), 'bodies')
  }
  private bodyFile(ws: string, id: string): string {
    return path.join(this.bodiesDir(ws), `${id}.body`)
  }

  /** One queue per workspace: its operations never interleave; the index is loaded on first use. */
  private run<T>(ws: string, job: (h: WorkspaceHistory) => Promise<T>): Promise<T> {
    let q = this.queues.get(ws)
    if (!q) this.queues.set(ws, (q = new SerialQueue()))
    return q.run(async () => {
      let h = this.loaded.get(ws)
      if (!h) {
        h = await this.load(ws)
        this.loaded.set(ws, h)
      }
      return job(h)
    })
  }

  private async load(ws: string): Promise<WorkspaceHistory> {
    let text: string
    try {
      text = await fs.readFile(this.indexFile(ws), 'utf8')
    } catch (e) {
      if (isMissing(e)) return { entries: [], linesInFile: 0, problems: [] }
      throw storageError('could not read the history', e)
    }
    const lines = text.split('\n')
    const h: WorkspaceHistory = { entries: [], linesInFile: 0, problems: [] }
    lines.forEach((line, i) => {
      if (!line.trim()) return
      const torn = i === lines.length - 1 // no trailing newline: the write never finished
      const parsed = parseLine(line)
      if (parsed && !torn) h.entries.push(parsed)
      else
        h.problems.push({
          line: i + 1,
          message: torn
            ? 'incomplete last line (the app stopped mid-write); it was dropped'
            : 'not a readable history entry; it was dropped'
        })
    })
    h.linesInFile = h.entries.length + h.problems.length
    if (h.problems.length > 0) {
      this.logger?.warn('history index had unreadable lines', { workspaceId: ws, lines: h.problems.map((p) => p.line) })
      await this.compact(ws, h) // so the next append starts on a clean line
    }
    await this.enforceCap(ws, h)
    return h
  }

  private async enforceCap(ws: string, h: WorkspaceHistory): Promise<void> {
    const excess = h.entries.length - this.maxEntries
    if (excess > 0) {
      const dropped = h.entries.splice(0, excess)
      await Promise.all(dropped.map((d) => fs.rm(this.bodyFile(ws, d.id), { force: true })))
    }
    // Let the file run a little past the cap so a full history does not rewrite on every send.
    const slack = Math.max(10, Math.floor(this.maxEntries / 5))
    if (h.linesInFile > this.maxEntries + slack) await this.compact(ws, h)
  }

  private async compact(ws: string, h: WorkspaceHistory): Promise<void> {
    await writeFileAtomic(this.indexFile(ws), h.entries.map((e) => `${JSON.stringify(e)}\n`).join(''), PRIVATE_FILE)
    h.linesInFile = h.entries.length
  }
}

function parseLine(line: string): HistoryEntry | null {
  try {
    const r = HistoryEntry.safeParse(JSON.parse(line))
    return r.success ? r.data : null
  } catch {
    return null
  }
}

function findEntry(h: WorkspaceHistory, id: string): HistoryEntry {
  const e = h.entries.find((x) => x.id === id)
  if (!e) throw new AppError('not_found', `no history entry "${id}"`)
  return e
}

const searchText = (e: HistoryEntry): string =>
  [e.draft.method, e.draft.path, e.status ?? '', e.error ?? '', e.draft.operationId ?? ''].join(' ')

function byteLength(body: string | Uint8Array | null | undefined): number {
  if (body == null) return 0
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
}

/** Text bodies are redacted like logs (a token echoed back must not land on disk); binary is kept as is. */
function toBody(body: string | Uint8Array | null | undefined, known: readonly string[]): Buffer | null {
  if (body == null) return null
  const text = typeof body === 'string' ? body : utf8OrNull(body)
  return text === null ? Buffer.from(body as Uint8Array) : Buffer.from(redactText(text, known))
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
