// Worker-thread entry: formats one large response body and answers the viewer's questions about
// it, so neither main's event loop nor the page ever holds or parses the whole body.
import { readFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import { DocumentSession } from '../../../shared/json-document/session'
import type { ToDocumentWorker, FromDocumentWorker } from './messages'

const session = new DocumentSession()
const port = parentPort!

port.on('message', (message: ToDocumentWorker) => {
  void answer(message).then(
    (reply) => port.postMessage(reply),
    (e: unknown) => port.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) } satisfies FromDocumentWorker)
  )
})

async function answer(message: ToDocumentWorker): Promise<FromDocumentWorker> {
  if (message.type === 'load') {
    const text = message.body.kind === 'file' ? await readFile(message.body.path, 'utf8') : message.body.text
    return { id: message.id, loaded: session.load(text, message.json) }
  }
  return { id: message.id, answer: session.answer(message.query) }
}
