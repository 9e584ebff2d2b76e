// Messages between the response viewer and json.worker.ts. Every request carries an id that its
// reply echoes; 'progress' replies may come before the final one.
import type { LineView } from './json-lines'

export type WorkerRequest =
  /** Bodies arrive in chunks so no single message (a main-thread copy) is large; no reply. */
  | { id: number; type: 'append'; chunk: string }
  /** Formats everything appended since the last load. */
  | { id: number; type: 'load'; json: boolean }
  | { id: number; type: 'lines'; from: number; to: number }
  | { id: number; type: 'raw'; from: number; to: number }
  | { id: number; type: 'toggle'; line: number }
  | { id: number; type: 'collapseAll' }
  | { id: number; type: 'expandAll' }
  | { id: number; type: 'search'; query: string }
  | { id: number; type: 'reveal'; match: number }
  | { id: number; type: 'copy'; line: number; what: 'value' | 'path' }

export type WorkerReply =
  | { id: number; type: 'progress'; stage: 'parsing' }
  | { id: number; type: 'loaded'; json: boolean; parseError: string | null; lines: number }
  | { id: number; type: 'lines'; rows: LineView[]; total: number }
  | { id: number; type: 'raw'; rows: string[]; total: number }
  | { id: number; type: 'changed'; total: number }
  | { id: number; type: 'searched'; count: number }
  | { id: number; type: 'revealed'; index: number; line: number; total: number }
  | { id: number; type: 'copied'; text: string }
  | { id: number; type: 'error'; message: string }

type Final<T extends Exclude<WorkerRequest['type'], 'append'>> = Extract<
  WorkerReply,
  {
    type: {
      load: 'loaded'
      lines: 'lines'
      raw: 'raw'
      toggle: 'changed'
      collapseAll: 'changed'
      expandAll: 'changed'
      search: 'searched'
      reveal: 'revealed'
      copy: 'copied'
    }[T]
  }
>

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>

/** A promise-per-request client over one worker. */
export class JsonWorkerClient {
  private next = 1
  private pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>()

  constructor(
    private readonly worker: Worker,
    private readonly onProgress: (stage: 'parsing') => void = () => undefined
  ) {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data
      if (message.type === 'progress') return this.onProgress(message.stage)
      const waiter = this.pending.get(message.id)
      if (!waiter) return
      this.pending.delete(message.id)
      if (message.type === 'error') waiter.reject(new Error(message.message))
      else waiter.resolve(message)
    }
    worker.onerror = (event) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(event.message || 'The formatter stopped.'))
      this.pending.clear()
    }
  }

  /** Sends without waiting for (or expecting) a reply. */
  post(request: Extract<RequestBody, { type: 'append' }>): void {
    this.worker.postMessage({ ...request, id: 0 })
  }

  ask<R extends Exclude<RequestBody, { type: 'append' }>>(request: R): Promise<Final<R['type']>> {
    const id = this.next++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: WorkerReply) => void, reject })
      this.worker.postMessage({ ...request, id })
    })
  }

  terminate(): void {
    this.worker.terminate()
    for (const waiter of this.pending.values()) waiter.reject(new Error('cancelled'))
    this.pending.clear()
  }
}
