// Saved requests, history and Postman import: what crosses from the main process to the renderer.
// Nothing here ever carries a secret value; detected credentials travel as masked previews only.
import { z } from 'zod'
import { RequestDraft } from './model'

/** Workspace ids become directory names, so they are kept to a filesystem-safe alphabet. */
export const LibraryWorkspaceId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'a workspace id of letters, digits, "-" or "_" (at most 100)')

export const Sharing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shared') }),
  z.object({ kind: z.literal('workspace'), workspaceId: LibraryWorkspaceId })
])
export type Sharing = z.infer<typeof Sharing>

export const sameSharing = (a: Sharing, b: Sharing): boolean =>
  a.kind === b.kind && (a.kind === 'shared' || (b.kind === 'workspace' && a.workspaceId === b.workspaceId))

/** Which saved requests to list: one sharing, or what a workspace sees (shared + its own). */
export const SharingFilter = z.union([
  Sharing,
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('visible'), workspaceId: LibraryWorkspaceId })
])
export type SharingFilter = z.infer<typeof SharingFilter>

// Windows refuses these names and trailing dots/spaces; a collection must check out everywhere.
const RESERVED_SEGMENT = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
export const FolderSegment = z
  .string()
  .min(1, 'a folder name cannot be empty')
  .max(120, 'a folder name has at most 120 characters')
  .refine((s) => !/[\\/<>:"|?*\p{Cc}]/u.test(s), 'a folder name cannot contain \\ / < > : " | ? * or control characters')
  .refine((s) => s !== '.' && s !== '..' && !s.startsWith('.'), 'a folder name cannot start with "."')
  .refine((s) => !/[. ]$/.test(s) && !/^ /.test(s), 'a folder name cannot start with a space or end with a space or "."')
  .refine((s) => !RESERVED_SEGMENT.test(s), 'that folder name is reserved on Windows')

/** '' is the root; nested folders are joined with '/', e.g. 'Contacts/Search'. */
export const FolderPath = z
  .string()
  .max(1_000)
  .refine((p) => p === '' || p.split('/').every((s) => FolderSegment.safeParse(s).success), {
    message: 'a folder path is "" or names joined by "/", each without \\ < > : " | ? *, a leading "." or a trailing space/dot'
  })

/** True when `folder` is `tree` or lies inside it ('a/b' is in 'a'; 'ab' is not). */
export const inFolderTree = (folder: string, tree: string): boolean => folder === tree || folder.startsWith(`${tree}/`)

export const RequestName = z.string().trim().min(1, 'a name is required').max(200, 'a name has at most 200 characters')

export const SavedRequest = z.object({
  id: z.string().min(1).max(100),
  name: RequestName,
  folder: FolderPath,
  sharing: Sharing,
  order: z.number().int(),
  draft: RequestDraft,
  updatedAt: z.string()
})
export type SavedRequest = z.infer<typeof SavedRequest>

/** A file in the collection that could not be read; it is listed, never overwritten. */
export const CorruptSavedFile = z.object({ file: z.string(), message: z.string() })
export type CorruptSavedFile = z.infer<typeof CorruptSavedFile>

export const SavedRequestList = z.object({ requests: z.array(SavedRequest), corrupt: z.array(CorruptSavedFile) })
export type SavedRequestList = z.infer<typeof SavedRequestList>

export const SavedFolder = z.object({ sharing: Sharing, folder: FolderPath })
export type SavedFolder = z.infer<typeof SavedFolder>

export const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  folder: z.string(),
  sharing: Sharing,
  method: z.string(),
  path: z.string(),
  /** 1 is a perfect match. */
  score: z.number(),
  /** Which field matched best. */
  field: z.enum(['name', 'folder', 'path'])
})
export type SearchHit = z.infer<typeof SearchHit>

export const UndoToken = z.string().min(1)

export const SecretLocation = z.enum(['header', 'query', 'body', 'path'])
export const SecretFinding = z.object({
  location: SecretLocation,
  /** Header/query name, JSON path in the body, or the path parameter. */
  name: z.string(),
  /** Masked: never more than the first and last four characters. */
  preview: z.string()
})
export type SecretFinding = z.infer<typeof SecretFinding>

export const HistoryEntry = z.object({
  id: z.string(),
  workspaceId: LibraryWorkspaceId,
  sentAt: z.string(),
  draft: RequestDraft,
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  timing: z.object({ totalMs: z.number().nonnegative(), ttfbMs: z.number().nonnegative().nullable() }),
  /** Response body size in bytes. */
  bytes: z.number().int().nonnegative(),
  contentType: z.string().nullable(),
  /** The response body is on disk and can be opened with readBody. */
  bodyStored: z.boolean(),
  /** The body was larger than the cap and was not kept. */
  bodyTooLarge: z.boolean(),
  /** The size of a request body too large to keep (the draft's body is then null), else null. */
  requestBodyOmitted: z.number().int().nonnegative().nullable().default(null)
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/** A history line that could not be read (e.g. torn by a crash mid-write). */
export const HistoryProblem = z.object({ line: z.number().int(), message: z.string() })
export const HistoryList = z.object({ entries: z.array(HistoryEntry), problems: z.array(HistoryProblem) })
export type HistoryList = z.infer<typeof HistoryList>

export const ImportWarningKind = z.enum([
  'script',
  'body_mode',
  'file_body',
  'response_examples',
  'auth',
  'method',
  'url',
  'description',
  'other'
])
export const ImportWarning = z.object({
  /** Folder/item names from the collection root, joined with ' / '; '' for the collection itself. */
  itemPath: z.string(),
  kind: ImportWarningKind,
  message: z.string()
})
export type ImportWarning = z.infer<typeof ImportWarning>

export const ImportedCredential = z.object({
  /** Key into the main-process-only value map returned with the import. */
  id: z.string(),
  itemPath: z.string(),
  source: z.enum(['auth_bearer', 'auth_basic', 'header', 'query', 'body', 'path']),
  name: z.string(),
  preview: z.string()
})
export type ImportedCredential = z.infer<typeof ImportedCredential>

export const ImportReport = z.object({
  collectionName: z.string(),
  requestCount: z.number().int(),
  folderCount: z.number().int(),
  warnings: z.array(ImportWarning),
  /** Literal credentials found in the collection; they were NOT put into any draft. */
  credentials: z.array(ImportedCredential),
  /** `{{variables}}` left as text in the drafts, with where they occur. */
  variables: z.array(z.object({ name: z.string(), itemPaths: z.array(z.string()) }))
})
export type ImportReport = z.infer<typeof ImportReport>

export const ImportedRequest = z.object({ name: RequestName, folder: FolderPath, draft: RequestDraft })
export type ImportedRequest = z.infer<typeof ImportedRequest>
