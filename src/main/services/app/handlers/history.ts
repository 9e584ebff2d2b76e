import type { Handlers } from '../../core/dispatch'
import type { AppContext } from '../context'

type HistoryHandlers = Pick<Handlers, 'history.list' | 'history.clear' | 'history.body'>

export function historyHandlers(ctx: AppContext): HistoryHandlers {
  const { history } = ctx
  return {
    'history.list': async ({ workspaceId, query }) => {
      const id = ctx.workspaceId(workspaceId)
      if (!query.trim()) return history.list(id)
      return { entries: await history.search(id, query, 200), problems: [] }
    },
    'history.clear': async ({ workspaceId }) => {
      const id = ctx.workspaceId(workspaceId)
      const { entries } = await history.list(id)
      await history.clear(id)
      ctx.events.emit('historyChanged', { workspaceId: id })
      return { removed: entries.length }
    },
    'history.body': async ({ workspaceId, entryId }) => {
      const id = ctx.workspaceId(workspaceId)
      const entry = await history.get(id, entryId)
      return { text: entry.bodyStored ? (await history.readBody(id, entryId)).toString('utf8') : null }
    }
  }
}
