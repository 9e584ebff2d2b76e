import type { Handlers } from '../../core/dispatch'
import type { AppContext } from '../context'

type ScopesHandlers = Pick<Handlers, 'scopes.get' | 'scopes.inspect' | 'scopes.plan'>

export function scopesHandlers(ctx: AppContext): ScopesHandlers {
  const { scopes } = ctx
  return {
    'scopes.get': ({ workspaceId }) => scopes.get(ctx.workspaceId(workspaceId)),
    'scopes.inspect': ({ workspaceId, writes }) => scopes.inspect(ctx.workspaceId(workspaceId), writes),
    'scopes.plan': () => scopes.plan()
  }
}
