// Open request tabs and their drafts, kept in the data folder so they survive a reload and a restart.
import { z } from 'zod'
import { call, NoInput } from './define'
import { RequestDraft } from '../model'

export const DraftTab = z.object({
  id: z.string().min(1).max(100),
  draft: RequestDraft,
  /** The draft as opened or last saved, to tell edits apart after a restart. */
  baseline: RequestDraft,
  saved: z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }).nullable(),
  workspaceId: z.string().min(1).max(100).nullable()
})
export type DraftTab = z.infer<typeof DraftTab>

export const DraftSession = z.object({
  tabs: z.array(DraftTab).max(200),
  activeId: z.string().max(100).nullable()
})
export type DraftSession = z.infer<typeof DraftSession>

export const draftsCalls = {
  /** The tabs stored by the last drafts.save (none on a first start or after a corrupt file). */
  'drafts.load': call(NoInput, DraftSession),
  /** Replaces the stored tabs. Credentials are never stored: `stripped` counts those removed. */
  'drafts.save': call(DraftSession, z.object({ stripped: z.number() }))
}
