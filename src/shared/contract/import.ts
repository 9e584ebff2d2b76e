// Bringing requests in: a pasted curl command (and the credential it may carry), a Postman collection.
import { z } from 'zod'
import { call } from './define'
import { RequestDraft, Region } from '../model'
import { FolderPath, ImportReport, Sharing } from '../library'

export const CurlImport = z.object({
  importId: z.string(),
  draft: RequestDraft,
  region: Region.nullable(),
  /** A credential found in the command; kept in main until the user decides. */
  detectedCredential: z.object({ kind: z.enum(['bearer', 'basic']), preview: z.string() }).nullable(),
  warnings: z.array(z.string())
})
export type CurlImport = z.infer<typeof CurlImport>

export const importCalls = {
  'import.curl': call(
    z.object({
      command: z
        .string()
        .min(1)
        .max(1024 * 1024)
    }),
    CurlImport
  ),
  /** Moves a credential found by import.curl into the vault as a new, verified workspace. */
  'import.vaultCredential': call(z.object({ importId: z.string(), region: Region }), z.object({ workspaceId: z.string() })),
  'import.postman': call(
    z.object({
      json: z
        .string()
        .min(1)
        .max(50 * 1024 * 1024),
      sharing: Sharing,
      folder: FolderPath.default('')
    }),
    ImportReport.extend({ saved: z.number() })
  )
}
