import type { Handlers } from '../../core/dispatch'
import { DraftStore } from '../../drafts'
import type { AppContext } from '../context'

type DraftHandlers = Pick<Handlers, 'drafts.load' | 'drafts.save'>

export function draftsHandlers(ctx: AppContext): DraftHandlers {
  const drafts = new DraftStore(ctx.deps.createStore('drafts'), ctx.deps.logger)
  return {
    'drafts.load': () => drafts.load(),
    'drafts.save': (session) => drafts.save(session)
  }
}
