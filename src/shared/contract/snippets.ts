// Code snippets of a request: curl for three shells, Python and Node.js.
import { z } from 'zod'
import { CODE_LANGUAGES } from '../snippets'
import { call, WorkspaceRef } from './define'
import { RequestDraft } from '../model'

export const Shell = z.enum(['posix', 'powershell', 'cmd'])
export const CodeLanguage = z.enum(CODE_LANGUAGES)

export const snippetsCalls = {
  /** Snippets with the real token are made and copied in main; browser mode gets the text back to copy. */
  'snippets.copyWithToken': call(
    z.object({ workspaceId: WorkspaceRef, draft: RequestDraft, shell: Shell, multiline: z.boolean(), language: CodeLanguage.optional() }),
    z.object({ copied: z.boolean(), text: z.string().nullable(), clearAfterMs: z.number() })
  )
}
