// Parses and flattens response bodies off the UI thread and answers the UI's small questions
// (which lines are on screen, where is the next match). The body never travels back.
import { JsonLines, RawLines } from './json-lines'
import type { WorkerReply, WorkerRequest } from './json-protocol'

let doc: JsonLines | null = null
let raw: RawLines | null = null
let text = ''
let chunks: string[] = []
let parseError: string | null = null

const reply = (message: WorkerReply) => (self as unknown as Worker).postMessage(message)

function handle(request: WorkerRequest): WorkerReply | null {
  switch (request.type) {
    case 'append':
      chunks.push(request.chunk)
      return null
    case 'load': {
      text = chunks.join('')
      chunks = []
      raw = null
      doc = null
      parseError = null
      reply({ id: request.id, type: 'progress', stage: 'parsing' })
      if (request.json) {
        try {
          doc = JsonLines.parse(text)
        } catch (e) {
          parseError = e instanceof Error ? e.message : String(e)
        }
      }
      return { id: request.id, type: 'loaded', json: doc !== null, parseError, lines: doc?.visibleCount ?? 0 }
    }
    case 'lines':
      return { id: request.id, type: 'lines', rows: doc?.slice(request.from, request.to) ?? [], total: doc?.visibleCount ?? 0 }
    case 'raw':
      raw ??= new RawLines(text)
      return { id: request.id, type: 'raw', rows: raw.slice(request.from, request.to), total: raw.count }
    case 'toggle':
    case 'collapseAll':
    case 'expandAll':
      if (request.type === 'toggle') doc?.toggle(request.line)
      else if (request.type === 'collapseAll') doc?.collapseAll()
      else doc?.expandAll()
      return { id: request.id, type: 'changed', total: doc?.visibleCount ?? 0 }
    case 'search':
      return { id: request.id, type: 'searched', count: doc?.search(request.query) ?? 0 }
    case 'reveal': {
      const found = doc?.reveal(request.match) ?? null
      return { id: request.id, type: 'revealed', index: found?.index ?? -1, line: found?.line ?? -1, total: doc?.visibleCount ?? 0 }
    }
    case 'copy':
      return {
        id: request.id,
        type: 'copied',
        text: doc ? (request.what === 'path' ? doc.pathOf(request.line) : doc.valueOf(request.line)) : ''
      }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const answer = handle(event.data)
    if (answer) reply(answer)
  } catch (e) {
    reply({ id: event.data.id, type: 'error', message: e instanceof Error ? e.message : String(e) })
  }
}
