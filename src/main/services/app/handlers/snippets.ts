import type { Handlers } from '../../core/dispatch'
import { snippetWithToken } from '../../snippets/with-token'
import { CLIPBOARD_CLEAR_MS, type AppContext } from '../context'

type SnippetsHandlers = Pick<Handlers, 'snippets.copyWithToken'>

export function snippetsHandlers(ctx: AppContext): SnippetsHandlers {
  return {
    'snippets.copyWithToken': async ({ workspaceId, draft, ...choice }) => {
      const text = await snippetWithToken(ctx.sender, workspaceId, draft, choice)
      if (!ctx.deps.clipboard) return { copied: false, text, clearAfterMs: CLIPBOARD_CLEAR_MS }
      await ctx.deps.clipboard.copySecret(text, CLIPBOARD_CLEAR_MS)
      return { copied: true, text: null, clearAfterMs: CLIPBOARD_CLEAR_MS }
    }
  }
}
