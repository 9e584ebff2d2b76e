// Large response bodies are formatted in main, each in its own worker thread, and the viewer
// asks for the few rows on screen. A 50 MB body therefore never crosses to the page, and neither
// main's event loop nor the page's ever parses it. Bounded: the least recently used document's
// thread is stopped (with everything it holds) when a new one would exceed the capacity.
import type { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import type { DocumentAnswer, DocumentLoaded, DocumentQuery } from '../../../shared/json-document/protocol'
import { DocumentThread } from './document-thread'
import type { WorkerBody } from './messages'

/** Starts a thread running document-worker.ts; each host knows where its copy of that file is. */
export type SpawnDocumentWorker = () => Worker

interface Held {
  thread: DocumentThread
  json: boolean
  loaded: Promise<DocumentLoaded>
}

export class ResponseDocuments {
  readonly #held = new Map<string, Held>()

  constructor(
    private readonly spawn: SpawnDocumentWorker,
    private readonly capacity = 2
  ) {}

  /** Formats a body once per response and mode; repeated calls share the first result. */
  open(id: string, body: WorkerBody, json: boolean): Promise<DocumentLoaded> {
    const held = this.#held.get(id)
    if (held?.json === json) {
      // Most recently used last, so eviction takes the oldest first.
      this.#held.delete(id)
      this.#held.set(id, held)
      return held.loaded
    }
    this.close(id)
    const thread: DocumentThread = new DocumentThread(this.spawn(), () => {
      if (this.#held.get(id)?.thread === thread) this.#held.delete(id)
    })
    const loaded = thread.request({ type: 'load', body, json }).then((reply) => ('loaded' in reply ? reply.loaded : outOfTurn()))
    this.#held.set(id, { thread, json, loaded })
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= this.capacity) break
      this.close(oldest)
    }
    return loaded
  }

  async query(id: string, query: DocumentQuery): Promise<DocumentAnswer> {
    const held = this.#held.get(id)
    if (!held) throw new AppError('not_found', 'That response is no longer open; show it again.')
    await held.loaded
    const reply = await held.thread.request({ type: 'query', query })
    return 'answer' in reply ? reply.answer : outOfTurn()
  }

  /** Stops a document's thread; questions still waiting fail with `not_found`. */
  close(id: string): void {
    const held = this.#held.get(id)
    if (!held) return
    this.#held.delete(id)
    held.thread.stop()
  }

  closeAll(): void {
    for (const id of [...this.#held.keys()]) this.close(id)
  }

  /** Documents whose threads are running. */
  get size(): number {
    return this.#held.size
  }
}

function outOfTurn(): never {
  throw new AppError('internal', 'The response formatter answered out of turn.')
}
