import type { Handlers } from '../../core/dispatch'
import { AppError } from '../../../../shared/errors'
import { CLIPBOARD_CLEAR_MS, type AppContext } from '../context'
import { isEmbeddedSandboxLegacyPair, isEmbeddedSandboxToken } from '../sandbox-workspaces'

type WorkspaceHandlers = Pick<
  Handlers,
  | 'workspaces.list'
  | 'workspaces.setActive'
  | 'workspaces.addByToken'
  | 'workspaces.addSandbox'
  | 'workspaces.addLegacy'
  | 'workspaces.migrateLegacy'
  | 'workspaces.update'
  | 'workspaces.rotate'
  | 'workspaces.remove'
  | 'workspaces.reveal'
  | 'workspaces.copyToken'
>

export function workspacesHandlers(ctx: AppContext): WorkspaceHandlers {
  const { registry, deps } = ctx
  return {
    'workspaces.list': () => ({ workspaces: registry.list(), activeId: registry.active()?.id ?? null }),
    'workspaces.setActive': ({ id }) => ({ activeId: registry.setActive(id).id }),
    // A token of the app's own sandbox is recognised, ticked or not: Intercom would never know it.
    'workspaces.addByToken': (input) =>
      registry.addByToken({ ...input, sandbox: input.sandbox || isEmbeddedSandboxToken(ctx.sandbox, input.token) }),
    'workspaces.addSandbox': ({ workspace, scopes, replace }) => {
      const ws = ctx.sandbox?.workspaces.find((w) => w.key === workspace)
      if (!ws) throw new AppError('invalid_input', 'The embedded sandbox is not running.')
      const name = `Sandbox ${workspace.toUpperCase()}`
      return registry.addByToken({ token: ws.tokens[scopes], region: ws.region, sandbox: true, name, replace })
    },
    'workspaces.addLegacy': (input) =>
      registry.addLegacy({ ...input, sandbox: input.sandbox || isEmbeddedSandboxLegacyPair(ctx.sandbox, input.appId, input.apiKey) }),
    'workspaces.migrateLegacy': ({ id, token }) => registry.migrateLegacy(id, token),
    'workspaces.update': ({ id, changes }) => registry.update(id, changes),
    'workspaces.rotate': ({ id, token }) => registry.rotate(id, token),
    'workspaces.remove': async ({ id, revoke }) => {
      const workspace = registry.get(id)
      const revoked = revoke && workspace.authKind === 'oauth'
      await registry.remove(id, { revoke: revoked })
      // Everything kept per workspace goes with it.
      await ctx.history.clear(id)
      ctx.scopes.forget(id)
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
