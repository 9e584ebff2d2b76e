import { z } from 'zod'
import { CODE_LANGUAGES } from '../snippets'
import { call } from './define'
import { RequestDraft, Region } from '../model'
import {
  FolderPath,
  HistoryList,
  ImportReport,
  RequestName,
  SavedFolder,
  SavedRequest,
  SavedRequestList,
  SavedScope,
  SearchHit,
  SecretFinding
} from '../library'

const WorkspaceRef = z.string().min(1).max(100).optional()
const Id = z.string().min(1).max(100)

export const Shell = z.enum(['posix', 'powershell', 'cmd'])
export const CodeLanguage = z.enum(CODE_LANGUAGES)

export const CurlImport = z.object({
  importId: z.string(),
  draft: RequestDraft,
  region: Region.nullable(),
  /** A credential found in the command; kept in main until the user decides. */
  detectedCredential: z.object({ kind: z.enum(['bearer', 'basic']), preview: z.string() }).nullable(),
  warnings: z.array(z.string())
})
export type CurlImport = z.infer<typeof CurlImport>

export const libraryCalls = {
  'saved.list': call(z.object({ workspaceId: WorkspaceRef }), SavedRequestList.extend({ folders: z.array(SavedFolder) })),
  /**
   * Saving refuses drafts that hold a secret (error details list the findings) unless the caller
   * says how to handle them: strip them, or move a found token into the vault as a workspace.
   */
  'saved.save': call(
    z.object({
      id: Id.optional(),
      name: RequestName,
      folder: FolderPath.default(''),
      scope: SavedScope,
      draft: RequestDraft,
      secrets: z.enum(['refuse', 'strip', 'vault']).default('refuse'),
      region: Region.default('US')
    }),
    z.object({ saved: SavedRequest, vaultedWorkspaceId: z.string().nullable(), vaultError: z.string().nullable() })
  ),
  'saved.detectSecrets': call(z.object({ draft: RequestDraft }), z.object({ findings: z.array(SecretFinding) })),
  'saved.rename': call(z.object({ id: Id, name: RequestName }), SavedRequest),
  'saved.duplicate': call(z.object({ id: Id }), SavedRequest),
  'saved.move': call(z.object({ id: Id, folder: FolderPath.optional(), scope: SavedScope.optional() }), SavedRequest),
  'saved.reorder': call(
    z.object({ folder: FolderPath, scope: SavedScope, orderedIds: z.array(Id).max(10_000) }),
    z.object({ count: z.number() })
  ),
  'saved.remove': call(z.object({ id: Id }), z.object({ undoToken: z.string() })),
  'saved.undoRemove': call(z.object({ undoToken: z.string() }), z.object({ restored: z.number() })),
  'saved.createFolder': call(
    z.object({ scope: SavedScope, folder: FolderPath.refine((f) => f !== '', 'a folder name is required') }),
    SavedFolder
  ),
  'saved.search': call(
    z.object({ workspaceId: WorkspaceRef, query: z.string().max(500), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ hits: z.array(SearchHit) })
  ),
  'saved.importPostman': call(
    z.object({
      json: z
        .string()
        .min(1)
        .max(50 * 1024 * 1024),
      scope: SavedScope,
      folder: FolderPath.default('')
    }),
    ImportReport.extend({ saved: z.number() })
  ),
  'saved.exportPostman': call(
    z.object({ workspaceId: WorkspaceRef, scope: z.enum(['shared', 'workspace', 'visible']).default('visible') }),
    z.object({ filename: z.string(), text: z.string() })
  ),
  'history.list': call(z.object({ workspaceId: WorkspaceRef, query: z.string().max(500).default('') }), HistoryList),
  'history.clear': call(z.object({ workspaceId: WorkspaceRef }), z.object({ removed: z.number() })),
  'history.body': call(z.object({ workspaceId: WorkspaceRef, entryId: Id }), z.object({ text: z.string().nullable() })),
  /** Snippets with the real token are made and copied in main; browser mode gets the text back to copy. */
  'snippets.copyWithToken': call(
    z.object({ workspaceId: WorkspaceRef, draft: RequestDraft, shell: Shell, multiline: z.boolean(), language: CodeLanguage.optional() }),
    z.object({ copied: z.boolean(), text: z.string().nullable(), clearAfterMs: z.number() })
  ),
  /** The POSIX curl snippet (never with a real token: see copyWithToken) as Python (requests) or Node.js (fetch) code. */
  'snippets.convert': call(
    z.object({ curl: z.string().min(1).max(1_000_000), language: CodeLanguage }),
    z.object({ code: z.string(), warnings: z.array(z.string()) })
  ),
  'curl.import': call(
    z.object({
      command: z
        .string()
        .min(1)
        .max(1024 * 1024)
    }),
    CurlImport
  ),
  /** Moves a credential found by curl.import into the vault as a new, verified workspace. */
  'curl.vaultCredential': call(z.object({ importId: z.string(), region: Region }), z.object({ workspaceId: z.string() }))
}

export const libraryEvents = {
  /** A workspace's history gained (or lost) entries. */
  historyChanged: z.object({ workspaceId: z.string() })
}
