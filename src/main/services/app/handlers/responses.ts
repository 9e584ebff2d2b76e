import type { Handlers } from '../../core/dispatch'
import { AppError } from '../../../../shared/errors'
import type { AppContext } from '../context'

type ResponsesHandlers = Pick<Handlers, 'responses.body' | 'responses.open' | 'responses.query'>

const gone = () => new AppError('not_found', 'That response is no longer kept; send the request again.')

export function responsesHandlers(ctx: AppContext): ResponsesHandlers {
  const { responses, documents } = ctx
  return {
    'responses.body': async ({ requestId, offset, length }) => {
      const text = await responses.text(requestId)
      if (text === null) throw gone()
      return { text: text.slice(offset, offset + length), offset, total: text.length }
    },
    'responses.open': ({ requestId, json }) => {
      const body = responses.body(requestId)
      if (!body) throw gone()
      return documents.open(requestId, body, json)
    },
    'responses.query': ({ requestId, query }) => documents.query(requestId, query)
  }
}
