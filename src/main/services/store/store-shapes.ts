// The shape of each JSON store file, checked whenever it is read. A file of valid JSON but the wrong
// shape is as unusable as broken JSON, so it gets the same treatment (set aside, user told).
import { z } from 'zod'
import { SecretTable } from '../vault/safe-storage-vault'
import { StoredWorkspace } from '../workspaces/registry'
import { Lend } from '../../../shared/contract/cli'
import { DraftSession } from '../../../shared/contract/drafts'

/** Keys are optional throughout: a new, empty file is valid. Unknown keys are kept, for newer versions. */
export const STORE_SHAPES: Record<string, z.ZodType> = {
  workspaces: z.looseObject({ workspaces: z.array(StoredWorkspace).optional(), activeWorkspaceId: z.string().optional() }),
  /** Desktop only: safeStorage ciphertext. */
  vault: z.looseObject({ secrets: SecretTable.optional() }),
  settings: z.looseObject({
    sandboxSeeded: z.boolean().optional(),
    allowBasicTextEncryption: z.boolean().optional(),
    dismissedNotices: z.array(z.string()).optional(),
    oauthPorts: z.record(z.string(), z.number().int().min(1024).max(65535)).optional()
  }),
  /** What is known per workspace id; the scope book validates its own fields and reads older reports as unknown. */
  scopes: z.record(z.string(), z.looseObject({})),
  /** The open request tabs and their drafts. */
  drafts: z.looseObject({ session: DraftSession.optional() }),
  /** Per workspace: may the command line use it, and the record of its lends. */
  lending: z.record(z.string(), z.looseObject({ allowed: z.boolean().optional(), lends: z.array(Lend).optional() }))
}

/** Why `value` is not what the store `name` holds, or null when it is (or the store has no declared shape). */
export function shapeProblem(name: string, value: unknown): string | null {
  const shape = STORE_SHAPES[name]
  if (!shape) return null
  const result = shape.safeParse(value)
  if (result.success) return null
  const issue = result.error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'the top level'
  return `${where} has the wrong shape: ${issue?.message ?? 'unexpected value'}`
}
