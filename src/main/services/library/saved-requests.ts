// Saved requests as a directory tree a team can keep in git: one pretty-printed JSON file per
// request, folders are real directories, sharing is the top-level directory:
//   <root>/shared/<folder path>/<slug>.json
//   <root>/workspaces/<workspaceId>/<folder path>/<slug>.json
// The file holds a stable id; folder and sharing come from where the file is, so moving files by hand
// (or in a merge) is honoured on the next reload().
import { randomUUID } from 'node:crypto'
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import {
  FolderPath,
  inFolderTree,
  LibraryWorkspaceId,
  RequestName,
  sameSharing,
  Sharing,
  SharingFilter,
  type CorruptSavedFile,
  type SavedFolder,
  type SavedRequest,
  type SavedRequestList,
  type SearchHit
} from '../../../shared/library'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { systemClock, type Clock, type Logger } from '../ports'
import { invalidInput, isMissing, SerialQueue, storageError, writeFileAtomic } from './fs-util'
import { SearchIndex } from './search-index'
import { FileIndex, type IndexedFile } from './file-index'
import { detectSecrets, stripSecrets } from './secrets'

/** What one file holds. `format` lets a future version migrate old files. */
const SavedFile = z.object({
  format: z.literal('token-desk/request@1'),
  id: z.string().min(1).max(100),
  name: RequestName,
  order: z.number().int().default(0),
  updatedAt: z.string().default(''),
  request: RequestDraft
})

type SavedFileData = z.output<typeof SavedFile>
/** What loading takes from a file's content (the index holds only content validated when read). */
const isSavedFileData = (c: unknown): c is SavedFileData => {
  if (typeof c !== 'object' || c === null) return false
  const { id, name, order, updatedAt, request } = c as Partial<SavedFileData>
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    typeof order === 'number' &&
    typeof updatedAt === 'string' &&
    typeof request?.method === 'string' &&
    typeof request.path === 'string'
  )
}

const SaveInput = z.object({
  id: z.string().min(1).optional(),
  name: RequestName,
  folder: FolderPath.default(''),
  sharing: Sharing,
  draft: RequestDraft
})
export type SaveRequestInput = { id?: string; name: string; folder?: string; sharing: Sharing; draft: RequestDraftInput }
export interface SaveOptions {
  /** 'strip': remove detected credentials instead of refusing to save. */
  secretsHandled?: 'strip'
}

export interface SavedRequestStoreOptions {
  /** e.g. `<userData>/collections` */
  root: string
  clock?: Clock
  logger?: Logger
  /** How long a delete can be undone. Default 10 minutes. */
  undoTtlMs?: number
  /** Where to keep what the files held, so a start reads only changed files (`<userData>/library-index.json`). */
  indexFile?: string
}

interface Entry {
  request: SavedRequest
  file: string
}

/** Where a file sits in the library: its sharing and folder ("a/b"). */
interface Place {
  sharing: Sharing
  folder: string
}

interface Trash {
  expiresAt: number
  dirs: string[]
  files: Array<{ file: string; content: Buffer }>
}

const RESERVED_FILE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/** A readable, portable file name from a request name. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  if (!slug) return 'request'
  return RESERVED_FILE.test(slug) ? `${slug}-request` : slug
}

function matchesFilter(sharing: Sharing, filter: SharingFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true
    case 'visible':
      return sharing.kind === 'shared' || sharing.workspaceId === filter.workspaceId
    default:
      return sameSharing(sharing, filter)
  }
}

const sharingRank = (s: Sharing): string => (s.kind === 'shared' ? '' : `w:${s.workspaceId}`)

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (!r.success) throw invalidInput(what, r.error.issues)
  return r.data
}

export class SavedRequestStore {
  private readonly root: string
  private readonly clock: Clock
  private readonly logger: Logger | undefined
  private readonly undoTtlMs: number
  private readonly indexPath: string | undefined
  private readonly queue = new SerialQueue()
  private readonly index = new SearchIndex()
  private readonly entries = new Map<string, Entry>()
  private corrupt: CorruptSavedFile[] = []
  private readonly trash = new Map<string, Trash>()
  private loading: Promise<void> | null = null

  constructor(opts: SavedRequestStoreOptions) {
    this.root = path.resolve(opts.root)
    this.clock = opts.clock ?? systemClock
    this.logger = opts.logger
    this.undoTtlMs = opts.undoTtlMs ?? 10 * 60_000
    this.indexPath = opts.indexFile
  }

  // ---- reading ----------------------------------------------------------------------------

  async list(filter: SharingFilter = { kind: 'all' }): Promise<SavedRequestList> {
    const f = parseOrThrow(SharingFilter, filter, 'invalid sharing filter')
    await this.ensureLoaded()
    const requests = [...this.entries.values()]
      .map((e) => e.request)
      .filter((r) => matchesFilter(r.sharing, f))
      .sort(
        (a, b) =>
          sharingRank(a.sharing).localeCompare(sharingRank(b.sharing)) ||
          a.folder.localeCompare(b.folder) ||
          a.order - b.order ||
          a.name.localeCompare(b.name)
      )
    return { requests, corrupt: [...this.corrupt] }
  }

  async get(id: string): Promise<SavedRequest> {
    await this.ensureLoaded()
    return this.entry(id).request
  }

  async search(query: string, limit = 50, filter: SharingFilter = { kind: 'all' }): Promise<SearchHit[]> {
    const f = parseOrThrow(SharingFilter, filter, 'invalid sharing filter')
    await this.ensureLoaded()
    if (f.kind === 'all') return this.index.search(query, limit)
    return this.index
      .search(query, Number.POSITIVE_INFINITY)
      .filter((h) => matchesFilter(h.sharing, f))
      .slice(0, limit)
  }

  /** Every folder (including empty ones), read from disk so hand-made directories show up. */
  async listFolders(filter: SharingFilter = { kind: 'all' }): Promise<SavedFolder[]> {
    const f = parseOrThrow(SharingFilter, filter, 'invalid sharing filter')
    const out: SavedFolder[] = []
    for (const sharing of await this.sharingsOnDisk()) {
      if (!matchesFilter(sharing, f)) continue
      const walk = async (dir: string, folder: string): Promise<void> => {
        for (const d of await readDirSafe(dir)) {
          if (!d.isDirectory() || d.name.startsWith('.')) continue
          const sub = folder ? `${folder}/${d.name}` : d.name
          out.push({ sharing, folder: sub })
          await walk(path.join(dir, d.name), sub)
        }
      }
      await walk(this.sharingDir(sharing), '')
    }
    return out.sort((a, b) => sharingRank(a.sharing).localeCompare(sharingRank(b.sharing)) || a.folder.localeCompare(b.folder))
  }

  /** Drops the in-memory view and reads the tree again (after a git pull, say). */
  reload(): Promise<void> {
    return this.queue.run(async () => {
      this.loading = null
      await this.ensureLoaded()
    })
  }

  // ---- writing ----------------------------------------------------------------------------

  /**
   * Creates (no id) or updates (id) a saved request. Refuses a draft holding credentials with
   * invalid_input and `details.secrets` (masked findings) unless `secretsHandled: 'strip'`.
   */
  async save(input: SaveRequestInput, opts: SaveOptions = {}): Promise<SavedRequest> {
    const parsed = parseOrThrow(SaveInput, input, 'cannot save this request')
    let draft = parsed.draft
    const secrets = detectSecrets(draft)
    if (secrets.length > 0) {
      const it = secrets.length === 1 ? 'it' : 'them'
      if (opts.secretsHandled !== 'strip')
        throw new AppError(
          'invalid_input',
          `This request contains ${secrets.length} credential${secrets.length === 1 ? '' : 's'} (${secrets.map((s) => `${s.location} ${s.name}`).join(', ')}); move ${it} into the vault or remove ${it} before saving.`,
          { secrets }
        )
      draft = stripSecrets(draft)
    }
    return this.mutate(async () => {
      const prev = parsed.id ? this.entry(parsed.id) : undefined
      const moved = !prev || !sameSharing(prev.request.sharing, parsed.sharing) || prev.request.folder !== parsed.folder
      return this.writeEntry(prev, {
        id: prev?.request.id ?? randomUUID(),
        name: parsed.name,
        folder: parsed.folder,
        sharing: parsed.sharing,
        order: moved ? this.nextOrder(parsed.sharing, parsed.folder) : prev.request.order,
        draft,
        updatedAt: this.now()
      })
    })
  }

  async rename(id: string, name: string): Promise<SavedRequest> {
    const newName = parseOrThrow(RequestName, name, 'invalid name')
    return this.mutate(async () => {
      const prev = this.entry(id)
      return this.writeEntry(prev, { ...prev.request, name: newName, updatedAt: this.now() })
    })
  }

  /** A copy named "<name> copy" at the end of the same folder. */
  async duplicate(id: string): Promise<SavedRequest> {
    return this.mutate(async () => {
      const { request } = this.entry(id)
      const name = `${request.name} copy`.slice(0, 200)
      return this.writeEntry(undefined, {
        ...request,
        id: randomUUID(),
        name,
        order: this.nextOrder(request.sharing, request.folder),
        updatedAt: this.now()
      })
    })
  }

  async move(id: string, to: { folder?: string; sharing?: Sharing }): Promise<SavedRequest> {
    const folder = to.folder === undefined ? undefined : parseOrThrow(FolderPath, to.folder, 'invalid folder')
    const sharing = to.sharing === undefined ? undefined : parseOrThrow(Sharing, to.sharing, 'invalid sharing')
    return this.mutate(async () => {
      const prev = this.entry(id)
      const next = { ...prev.request, folder: folder ?? prev.request.folder, sharing: sharing ?? prev.request.sharing }
      if (next.folder === prev.request.folder && sameSharing(next.sharing, prev.request.sharing)) return prev.request
      return this.writeEntry(prev, { ...next, order: this.nextOrder(next.sharing, next.folder), updatedAt: this.now() })
    })
  }

  /** `orderedIds` must be exactly the requests in that folder, in their new order. */
  async reorder(folder: string, sharing: Sharing, orderedIds: readonly string[]): Promise<SavedRequest[]> {
    const f = parseOrThrow(FolderPath, folder, 'invalid folder')
    const s = parseOrThrow(Sharing, sharing, 'invalid sharing')
    return this.mutate(async () => {
      const current = [...this.entries.values()].filter((e) => e.request.folder === f && sameSharing(e.request.sharing, s))
      const ids = new Set(orderedIds)
      if (ids.size !== orderedIds.length || ids.size !== current.length || current.some((e) => !ids.has(e.request.id)))
        throw new AppError('invalid_input', `reorder needs each of the ${current.length} requests in "${f || '(root)'}" exactly once`)
      const out: SavedRequest[] = []
      for (const [order, id] of orderedIds.entries()) {
        const prev = this.entry(id)
        out.push(prev.request.order === order ? prev.request : await this.writeEntry(prev, { ...prev.request, order }))
      }
      return out
    })
  }

  /** Deletes a request; the returned token restores it with undoRemove until it expires. */
  async remove(id: string): Promise<{ undoToken: string }> {
    return this.mutate(async () => {
      const prev = this.entry(id)
      const content = await fs.readFile(prev.file).catch((e: unknown) => {
        throw storageError('could not read the request before deleting it', e)
      })
      await fs.rm(prev.file, { force: true })
      this.forget(id)
      return { undoToken: this.putInTrash({ dirs: [], files: [{ file: prev.file, content }] }) }
    })
  }

  /** Restores what a remove/removeFolder deleted. Returns the restored requests. */
  async undoRemove(token: string): Promise<SavedRequest[]> {
    return this.mutate(async () => {
      this.expireTrash()
      const trash = this.trash.get(token)
      if (!trash) throw new AppError('not_found', 'nothing to undo: the delete is too old or was already undone')
      this.trash.delete(token)
      for (const dir of trash.dirs) await fs.mkdir(dir, { recursive: true })
      const restored: SavedRequest[] = []
      for (const { file, content } of trash.files) {
        const isRequest = file.endsWith('.json')
        const taken = await exists(file)
        if (taken && !isRequest) continue // a non-request file (README...) was recreated meanwhile: keep the new one
        const target = taken ? await freeFileName(path.dirname(file), path.basename(file, '.json')) : file
        await writeFileAtomic(target, content)
        const entry = isRequest ? this.indexFile(target) : undefined
        if (entry) restored.push(entry.request)
      }
      return restored
    })
  }

  async createFolder(sharing: Sharing, folder: string): Promise<SavedFolder> {
    const s = parseOrThrow(Sharing, sharing, 'invalid sharing')
    const f = parseOrThrow(
      FolderPath.refine((p) => p !== '', 'a folder name is required'),
      folder,
      'invalid folder'
    )
    return this.mutate(async () => {
      await fs.mkdir(this.dirFor(s, f), { recursive: true }).catch((e: unknown) => {
        throw storageError(`could not create folder "${f}"`, e)
      })
      return { sharing: s, folder: f }
    })
  }

  /** Renames or moves a folder (with everything in it) within its sharing. */
  async renameFolder(sharing: Sharing, from: string, to: string): Promise<SavedFolder> {
    const s = parseOrThrow(Sharing, sharing, 'invalid sharing')
    const nonRoot = FolderPath.refine((p) => p !== '', 'the root folder cannot be renamed')
    const src = parseOrThrow(nonRoot, from, 'invalid folder')
    const dst = parseOrThrow(nonRoot, to, 'invalid folder')
    if (inFolderTree(dst, src)) throw new AppError('invalid_input', `cannot move "${src}" into itself`)
    return this.mutate(async () => {
      const srcDir = this.dirFor(s, src)
      const dstDir = this.dirFor(s, dst)
      if (!(await exists(srcDir))) throw new AppError('not_found', `folder "${src}" does not exist`)
      if (await exists(dstDir)) throw new AppError('conflict', `folder "${dst}" already exists`)
      await fs.mkdir(path.dirname(dstDir), { recursive: true })
      await fs.rename(srcDir, dstDir).catch((e: unknown) => {
        throw storageError(`could not rename folder "${src}"`, e)
      })
      for (const e of [...this.entries.values()]) {
        if (!sameSharing(e.request.sharing, s) || !inFolderTree(e.request.folder, src)) continue
        const request = { ...e.request, folder: dst + e.request.folder.slice(src.length) }
        this.remember({ request, file: path.join(dstDir, path.relative(srcDir, e.file)) })
      }
      this.corrupt = this.corrupt.map((c) => ({ ...c, file: this.relocate(c.file, srcDir, dstDir) }))
      return { sharing: s, folder: dst }
    })
  }

  /** An empty folder always; a non-empty one only with `recursive`. Undoable either way. */
  async removeFolder(sharing: Sharing, folder: string, opts: { recursive?: boolean } = {}): Promise<{ undoToken: string }> {
    const s = parseOrThrow(Sharing, sharing, 'invalid sharing')
    const f = parseOrThrow(
      FolderPath.refine((p) => p !== '', 'the root folder cannot be removed'),
      folder,
      'invalid folder'
    )
    return this.mutate(async () => {
      const dir = this.dirFor(s, f)
      if (!(await exists(dir))) throw new AppError('not_found', `folder "${f}" does not exist`)
      const trash: Trash = { expiresAt: 0, dirs: [dir], files: [] }
      const collect = async (d: string): Promise<void> => {
        for (const ent of await readDirSafe(d)) {
          const p = path.join(d, ent.name)
          if (ent.isDirectory()) {
            trash.dirs.push(p)
            await collect(p)
          } else if (ent.isFile()) trash.files.push({ file: p, content: await fs.readFile(p) })
        }
      }
      await collect(dir)
      if (!opts.recursive && (trash.files.length > 0 || trash.dirs.length > 1))
        throw new AppError('conflict', `folder "${f}" is not empty`, { requests: trash.files.length })
      await fs.rm(dir, { recursive: true, force: true })
      for (const e of [...this.entries.values()]) if (e.file.startsWith(dir + path.sep)) this.forget(e.request.id)
      const relDir = path.relative(this.root, dir) + path.sep
      this.corrupt = this.corrupt.filter((c) => !c.file.startsWith(relDir))
      return { undoToken: this.putInTrash(trash) }
    })
  }

  // ---- internals --------------------------------------------------------------------------

  private now(): string {
    return new Date(this.clock.now()).toISOString()
  }

  private mutate<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.ensureLoaded()
      return job()
    })
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id)
    if (!e) throw new AppError('not_found', `no saved request with id "${id}"`)
    return e
  }

  private remember(e: Entry): void {
    this.entries.set(e.request.id, e)
    this.index.upsert(e.request)
  }

  private forget(id: string): void {
    this.entries.delete(id)
    this.index.remove(id)
  }

  private sharingDir(sharing: Sharing): string {
    return sharing.kind === 'shared' ? path.join(this.root, 'shared') : path.join(this.root, 'workspaces', sharing.workspaceId)
  }

  private dirFor(sharing: Sharing, folder: string): string {
    return folder ? path.join(this.sharingDir(sharing), ...folder.split('/')) : this.sharingDir(sharing)
  }

  private relocate(rel: string, fromAbs: string, toAbs: string): string {
    const abs = path.join(this.root, rel)
    return abs.startsWith(fromAbs + path.sep) ? path.relative(this.root, path.join(toAbs, path.relative(fromAbs, abs))) : rel
  }

  private nextOrder(sharing: Sharing, folder: string): number {
    let max = -1
    for (const { request: r } of this.entries.values())
      if (r.folder === folder && sameSharing(r.sharing, sharing)) max = Math.max(max, r.order)
    return max + 1
  }

  /** Writes `next` to its folder, renaming the file when the name's slug or location changed. */
  private async writeEntry(prev: Entry | undefined, next: SavedRequest): Promise<SavedRequest> {
    // Last line of defence: nothing that looks like a credential is ever written.
    const leaks = detectSecrets(next.draft)
    if (leaks.length > 0) throw new AppError('invalid_input', 'refusing to write a request that holds a credential', { secrets: leaks })
    const dir = this.dirFor(next.sharing, next.folder)
    const keepFile = prev && path.dirname(prev.file) === dir && slugify(prev.request.name) === slugify(next.name)
    const file = keepFile ? prev.file : await freeFileName(dir, slugify(next.name))
    const body: z.input<typeof SavedFile> = {
      format: 'token-desk/request@1',
      id: next.id,
      name: next.name,
      order: next.order,
      updatedAt: next.updatedAt,
      request: next.draft
    }
    await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`)
    if (prev && prev.file !== file) await fs.rm(prev.file, { force: true })
    this.remember({ request: next, file })
    return next
  }

  private putInTrash(t: Omit<Trash, 'expiresAt'>): string {
    this.expireTrash()
    const token = randomUUID()
    this.trash.set(token, { ...t, expiresAt: this.clock.now() + this.undoTtlMs })
    return token
  }

  private expireTrash(): void {
    const now = this.clock.now()
    for (const [token, t] of this.trash) if (t.expiresAt <= now) this.trash.delete(token)
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= this.loadAll()
    return this.loading
  }

  private async loadAll(): Promise<void> {
    this.entries.clear()
    this.index.clear()
    this.corrupt = []
    // Each file with where it sits, worked out once here rather than from its path for every file.
    const files: Array<{ file: string; rel: string; place: Place }> = []
    for (const sharing of await this.sharingsOnDisk()) {
      // Files before sub-folders, by name: when two files share an id, the same one always wins.
      const walk = (dir: string, folder: string): void => {
        const ents = readDirSync(dir)
          .filter((d) => !d.name.startsWith('.'))
          .sort(byName)
        const place: Place = { sharing, folder }
        for (const d of ents)
          if (d.isFile() && d.name.endsWith('.json')) {
            const file = path.join(dir, d.name)
            files.push({ file, rel: file.slice(this.root.length + 1), place })
          }
        for (const d of ents) if (d.isDirectory()) walk(path.join(dir, d.name), folder ? `${folder}/${d.name}` : d.name)
      }
      walk(this.sharingDir(sharing), '')
    }
    // Wall time, not the injected clock: it is compared with the files' own modification times.
    const startedAt = Date.now()
    const known = this.indexPath ? FileIndex.read(this.indexPath, isSavedFileData) : FileIndex.empty<SavedFileData>()
    const seen = new Map<string, IndexedFile<SavedFileData>>()
    let reread = 0
    // Index in walk order (deterministic duplicate handling), in short synchronous slices.
    await inSlices(files, ({ file, rel, place }) => {
      let stat: { size: number; mtimeMs: number } | undefined
      try {
        stat = statSync(file, { throwIfNoEntry: false })
      } catch (e) {
        return void this.indexText(file, e instanceof Error ? e : new Error(String(e)), place.sharing)
      }
      if (!stat) return // removed since the folder was listed
      let content = known.lookup(rel, stat)
      if (content === undefined) {
        reread++
        content = this.parseFile(file, readTextSync(file), place.sharing)
      }
      if (content === undefined) return
      if (this.indexContent(file, content, place)) seen.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs, content })
    })
    if (this.indexPath && (reread > 0 || seen.size !== known.size))
      await FileIndex.write(this.indexPath, seen, startedAt).catch((e: unknown) =>
        this.logger?.warn('the saved-request index was not written', { error: e instanceof Error ? e.message : String(e) })
      )
  }

  private async sharingsOnDisk(): Promise<Sharing[]> {
    const workspaces = (await readDirSafe(path.join(this.root, 'workspaces')))
      .filter((d) => d.isDirectory() && LibraryWorkspaceId.safeParse(d.name).success)
      .map((d): Sharing => ({ kind: 'workspace', workspaceId: d.name }))
    return [{ kind: 'shared' }, ...workspaces]
  }

  /** Reads one file into the index, or records why it cannot be read. Never throws. */
  private indexFile(file: string): Entry | undefined {
    return this.indexText(file, readTextSync(file))
  }

  private indexText(file: string, text: string | Error, knownSharing?: Sharing): Entry | undefined {
    const content = this.parseFile(file, text, knownSharing)
    const sharing = content && this.sharingOf(file, knownSharing)
    return sharing && this.indexContent(file, content, { sharing, folder: this.folderOf(file, sharing) })
  }

  /** What a file holds, or undefined (with the reason recorded) when it is not a saved request. */
  private parseFile(file: string, text: string | Error, knownSharing?: Sharing): SavedFileData | undefined {
    if (!this.sharingOf(file, knownSharing)) return this.fail(file, 'not inside shared/ or workspaces/<id>/')
    if (text instanceof Error) return this.fail(file, `unreadable: ${(text as NodeJS.ErrnoException).code ?? 'error'}`)
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (e) {
      return this.fail(file, `not valid JSON: ${(e as Error).message}`)
    }
    const parsed = SavedFile.safeParse(raw)
    if (!parsed.success) {
      const i = parsed.error.issues[0]
      return this.fail(file, `not a saved request: ${i?.message ?? 'invalid'}${i?.path.length ? ` at ${i.path.join('.')}` : ''}`)
    }
    return parsed.data
  }

  /** Adds a file's content to the index, unless another file already holds its id. */
  private indexContent(file: string, content: SavedFileData, { sharing, folder }: Place): Entry | undefined {
    const clash = this.entries.get(content.id)
    if (clash) return this.fail(file, `duplicate id "${content.id}" (also in ${path.relative(this.root, clash.file)})`)
    const { id, name, order, updatedAt, request: draft } = content
    const entry: Entry = { file, request: { id, name, folder, sharing, order, updatedAt, draft } }
    this.remember(entry)
    return entry
  }

  private folderOf(file: string, sharing: Sharing): string {
    return path.relative(this.sharingDir(sharing), path.dirname(file)).split(path.sep).filter(Boolean).join('/')
  }

  private sharingOf(file: string, known?: Sharing): Sharing | undefined {
    if (known) return known
    const parts = path.relative(this.root, file).split(path.sep)
    if (parts[0] === 'shared') return { kind: 'shared' }
    return parts[0] === 'workspaces' && parts[1] ? { kind: 'workspace', workspaceId: parts[1] } : undefined
  }

  private fail(file: string, message: string): undefined {
    const rel = path.relative(this.root, file)
    this.corrupt.push({ file: rel, message })
    this.logger?.warn('saved request file could not be read', { file: rel, message })
    return undefined
  }
}

/** A folder that is not there lists as empty; any other failure is the user's storage problem. */
function emptyIfMissing(dir: string, e: unknown): import('node:fs').Dirent[] {
  if (isMissing(e)) return []
  throw storageError(`could not read ${path.basename(dir)}`, e)
}

function readDirSync(dir: string): import('node:fs').Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch (e) {
    return emptyIfMissing(dir, e)
  }
}

function readDirSafe(dir: string): Promise<import('node:fs').Dirent[]> {
  return fs.readdir(dir, { withFileTypes: true }).catch((e: unknown) => emptyIfMissing(dir, e))
}

/** Code-unit order: the same on every machine and locale, and far cheaper than a collation. */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/**
 * Runs `each` over many small files. Synchronous reads in short slices, yielding between them, are
 * several times faster than one promise per file (an open, stat, read and close round trip each)
 * and never hold the event loop for more than a slice.
 */
async function inSlices<T>(items: readonly T[], each: (item: T) => void, slice = 256): Promise<void> {
  for (let start = 0; start < items.length; start += slice) {
    for (const item of items.slice(start, start + slice)) each(item)
    if (start + slice < items.length) await new Promise((resolve) => setImmediate(resolve))
  }
}

function readTextSync(file: string): string | Error {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e))
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false
  )
}

/** `<slug>.json`, or `<slug>-2.json`... Slugs are lower-case, so case-insensitive checkouts agree. */
async function freeFileName(dir: string, slug: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${slug}.json` : `${slug}-${n}.json`)
    if (!(await exists(file))) return file
  }
}
