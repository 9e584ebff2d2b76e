// One worker thread running document-worker.ts, as promises: each request gets the reply with
// its id. When the thread ends (stopped, crashed), every waiting and later request fails.
import type { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import type { FromDocumentWorker, ToDocumentWorker } from './messages'

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never
export type ThreadRequest = Distribute<ToDocumentWorker>

const gone = () => new AppError('not_found', 'That response is no longer open; show it again.')

export class DocumentThread {
  readonly #waiting = new Map<number, { resolve: (reply: FromDocumentWorker) => void; reject: (error: Error) => void }>()
  #nextId = 1
  #ended: AppError | null = null

  constructor(
    private readonly worker: Worker,
    onEnd: () => void
  ) {
    // Never keeps the process alive on its own (browser mode's server, tests).
    worker.unref()
    worker.on('message', (reply: FromDocumentWorker) => {
      const waiter = this.#waiting.get(reply.id)
      this.#waiting.delete(reply.id)
      if ('error' in reply) waiter?.reject(new AppError('internal', `Could not format the response: ${reply.error}`))
      else waiter?.resolve(reply)
    })
    worker.on('error', (error) => {
      this.#end(new AppError('internal', `The response formatter stopped: ${error.message}`))
      onEnd()
    })
    worker.on('exit', () => {
      this.#end(gone())
      onEnd()
    })
  }

  request(message: ThreadRequest): Promise<FromDocumentWorker> {
    if (this.#ended) return Promise.reject(this.#ended)
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject })
      this.worker.postMessage({ ...message, id } as ToDocumentWorker)
    })
  }

  stop(): void {
    this.#end(gone())
    void this.worker.terminate()
  }

  #end(error: AppError): void {
    this.#ended ??= error
    for (const waiter of this.#waiting.values()) waiter.reject(this.#ended)
    this.#waiting.clear()
  }
}
