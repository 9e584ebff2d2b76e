// Saved requests: the library tree, its folders, search, and the Postman export.
import { z } from 'zod'
import { call, ItemId, WorkspaceRef } from './define'
import { RequestDraft, Region } from '../model'
import {
  FolderPath,
  FolderSegment,
  RequestName,
  SavedFolder,
  SavedRequest,
  SavedRequestList,
  Sharing,
  SearchHit,
  SecretFinding
} from '../library'

export const libraryCalls = {
  'library.list': call(z.object({ workspaceId: WorkspaceRef }), SavedRequestList.extend({ folders: z.array(SavedFolder) })),
  /**
   * Saving refuses drafts that hold a secret (error details list the findings) unless the caller
   * says how to handle them: strip them, or move a found token into the vault as a workspace.
   */
  'library.save': call(
    z.object({
      id: ItemId.optional(),
      name: RequestName,
      folder: FolderPath.default(''),
      sharing: Sharing,
      draft: RequestDraft,
      secrets: z.enum(['refuse', 'strip', 'vault']).default('refuse'),
      region: Region.default('US')
    }),
    z.object({ saved: SavedRequest, vaultedWorkspaceId: z.string().nullable(), vaultError: z.string().nullable() })
  ),
  'library.detectSecrets': call(z.object({ draft: RequestDraft }), z.object({ findings: z.array(SecretFinding) })),
  'library.rename': call(z.object({ id: ItemId, name: RequestName }), SavedRequest),
  'library.duplicate': call(z.object({ id: ItemId }), SavedRequest),
  'library.move': call(z.object({ id: ItemId, folder: FolderPath.optional(), sharing: Sharing.optional() }), SavedRequest),
  'library.reorder': call(
    z.object({ folder: FolderPath, sharing: Sharing, orderedIds: z.array(ItemId).max(10_000) }),
    z.object({ count: z.number() })
  ),
  'library.remove': call(z.object({ id: ItemId }), z.object({ undoToken: z.string() })),
  'library.undoRemove': call(z.object({ undoToken: z.string() }), z.object({ restored: z.number() })),
  'library.createFolder': call(
    z.object({ sharing: Sharing, folder: FolderPath.refine((f) => f !== '', 'a folder name is required') }),
    SavedFolder
  ),
  /** Renames a folder in place (its requests and subfolders go with it). */
  'library.renameFolder': call(
    z.object({ sharing: Sharing, folder: FolderPath.refine((f) => f !== '', 'a folder is required'), name: FolderSegment }),
    SavedFolder
  ),
  /** Removes a folder with everything in it; library.undoRemove brings it back. */
  'library.removeFolder': call(
    z.object({ sharing: Sharing, folder: FolderPath.refine((f) => f !== '', 'a folder is required') }),
    z.object({ undoToken: z.string() })
  ),
  'library.search': call(
    z.object({ workspaceId: WorkspaceRef, query: z.string().max(500), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ hits: z.array(SearchHit) })
  ),
  'library.exportPostman': call(
    z.object({ workspaceId: WorkspaceRef, sharing: z.enum(['shared', 'workspace', 'visible']).default('visible') }),
    z.object({ filename: z.string(), text: z.string() })
  )
}
