import type { Handlers } from '../../core/dispatch'
import { CLIPBOARD_CLEAR_MS, type AppContext } from '../context'

type WorkspaceHandlers = Pick<
  Handlers,
  | 'workspaces.list'
  | 'workspaces.setActive'
  | 'workspaces.addByToken'
  | 'workspaces.addLegacy'
  | 'workspaces.migrateLegacy'
  | 'workspaces.update'
  | 'workspaces.rotate'
  | 'workspaces.remove'
  | 'workspaces.reveal'
  | 'workspaces.copyToken'
>

export function workspaceHandlers(ctx: AppContext): WorkspaceHandlers {
  const { registry, deps } = ctx
  return {
    'workspaces.list': () => ({ workspaces: registry.list(), activeId: registry.active()?.id ?? null }),
    'workspaces.setActive': ({ id }) => ({ activeId: registry.setActive(id).id }),
    'workspaces.addByToken': (input) => registry.addByToken(input),
    'workspaces.addLegacy': (input) => registry.addLegacy(input),
    'workspaces.migrateLegacy': ({ id, token }) => registry.migrateLegacy(id, token),
    'workspaces.update': ({ id, changes }) => registry.update(id, changes),
    'workspaces.rotate': ({ id, token }) => registry.rotate(id, token),
    'workspaces.remove': async ({ id, revoke }) => {
      const workspace = registry.get(id)
      const revoked = revoke && workspace.authKind === 'oauth'
      await registry.remove(id, { revoke: revoked })
      // Everything kept per workspace goes with it.
      await ctx.history.clear(id)
      ctx.scopeStore.delete(id)
      ctx.lending.forget(id)
      return { removed: true, revoked }
    },
    'workspaces.reveal': async ({ id }) => ({ token: await registry.reveal(id) }),
    'workspaces.copyToken': async ({ id }) => {
      const token = await registry.reveal(id)
      if (!deps.clipboard) return { copied: false, text: token, clearAfterMs: CLIPBOARD_CLEAR_MS }
      await deps.clipboard.copySecret(token, CLIPBOARD_CLEAR_MS)
      return { copied: true, text: null, clearAfterMs: CLIPBOARD_CLEAR_MS }
    }
  }
}
