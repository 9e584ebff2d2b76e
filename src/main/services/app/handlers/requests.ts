import type { Handlers } from '../../core/dispatch'
import type { AppContext } from '../context'

type RequestsHandlers = Pick<Handlers, 'requests.send' | 'requests.cancel' | 'requests.revealAuthorization'>

export function requestsHandlers(ctx: AppContext): RequestsHandlers {
  return {
    'requests.send': ({ requestId, workspaceId, draft }) => ctx.runner.send(requestId, ctx.workspaceId(workspaceId), draft),
    // One cancel for both kinds of running job: a sent request and a "fetch all pages".
    'requests.revealAuthorization': ({ requestId }) => ({ value: ctx.runner.revealAuthorization(requestId) }),
    'requests.cancel': ({ requestId }) => ({ cancelled: ctx.runner.cancel(requestId) || ctx.pages.cancel(requestId) })
  }
}
