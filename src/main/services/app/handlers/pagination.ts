import type { Handlers } from '../../core/dispatch'
import type { AppContext } from '../context'

type PaginationHandlers = Pick<Handlers, 'pagination.start' | 'pagination.cancel' | 'pagination.export'>

export function paginationHandlers(ctx: AppContext): PaginationHandlers {
  const { pages } = ctx
  return {
    'pagination.start': ({ jobId, workspaceId, draft }) => pages.start(jobId, ctx.workspaceId(workspaceId), draft),
    'pagination.cancel': ({ jobId }) => ({ cancelled: pages.cancel(jobId) }),
    'pagination.export': ({ jobId, format }) => pages.export(jobId, format)
  }
}
