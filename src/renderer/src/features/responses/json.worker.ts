// Formats a body that came with its summary, off the UI thread, and answers the viewer's small
// questions about it (which rows are on screen, where the next match is).
import { DocumentSession } from '../../../../shared/json-document/session'
import type { WorkerReply, WorkerRequest } from './document-clients'

const session = new DocumentSession()
let chunks: string[] = []

function handle(request: WorkerRequest): WorkerReply | null {
  switch (request.type) {
    case 'append':
      chunks.push(request.chunk)
      return null
    case 'load': {
      const text = chunks.join('')
      chunks = []
      return { id: request.id, type: 'loaded', loaded: session.load(text, request.json) }
    }
    case 'query':
      return { id: request.id, type: 'answer', answer: session.answer(request.query) }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const reply = (message: WorkerReply) => (self as unknown as Worker).postMessage(message)
  try {
    const answer = handle(event.data)
    if (answer) reply(answer)
  } catch (e) {
    reply({ id: event.data.id, type: 'error', message: e instanceof Error ? e.message : String(e) })
  }
}
