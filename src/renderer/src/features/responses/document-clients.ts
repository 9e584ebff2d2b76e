// The two holders of a formatted body, behind one DocumentClient: a Web Worker in the page for
// bodies that came with their summary, and main (a worker thread there) for large ones.
import { api } from '../../api/client'
import type { AnswerTo, DocumentAnswer, DocumentClient, DocumentLoaded, DocumentQuery } from '../../../../shared/json-document/protocol'

/** Messages to json.worker.ts; every reply echoes its request's id. */
export type WorkerRequest =
  /** Bodies arrive in chunks so no single message (a main-thread copy) is large; no reply. */
  | { id: number; type: 'append'; chunk: string }
  /** Formats everything appended so far. */
  | { id: number; type: 'load'; json: boolean }
  | { id: number; type: 'query'; query: DocumentQuery }

export type WorkerReply =
  | { id: number; type: 'loaded'; loaded: DocumentLoaded }
  | { id: number; type: 'answer'; answer: DocumentAnswer }
  | { id: number; type: 'error'; message: string }

type Waiter = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }

/** A body formatted by a Web Worker in the page, asked with one promise per request. */
export class WorkerDocument implements DocumentClient {
  private next = 1
  private readonly pending = new Map<number, Waiter>()

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      const waiter = this.pending.get(reply.id)
      if (!waiter) return
      this.pending.delete(reply.id)
      if (reply.type === 'error') waiter.reject(new Error(reply.message))
      else waiter.resolve(reply)
    }
    worker.onerror = (event) => this.failAll(new Error(event.message || 'The formatter stopped.'))
  }

  /** Sends a piece of the body; no reply. */
  append(chunk: string): void {
    this.worker.postMessage({ id: 0, type: 'append', chunk } satisfies WorkerRequest)
  }

  async load(json: boolean): Promise<DocumentLoaded> {
    const reply = await this.send({ type: 'load', json })
    if (reply.type !== 'loaded') throw new Error('The formatter answered out of turn.')
    return reply.loaded
  }

  async ask<Q extends DocumentQuery>(query: Q): Promise<AnswerTo<Q['type']>> {
    const reply = await this.send({ type: 'query', query })
    if (reply.type !== 'answer') throw new Error('The formatter answered out of turn.')
    return reply.answer as AnswerTo<Q['type']>
  }

  close(): void {
    this.worker.terminate()
    this.failAll(new Error('cancelled'))
  }

  private send(request: { type: 'load'; json: boolean } | { type: 'query'; query: DocumentQuery }): Promise<WorkerReply> {
    const id = this.next++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...request, id })
    })
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error)
    this.pending.clear()
  }
}

/** A large body formatted and held by main; only the rows on screen cross over. */
export class RemoteDocument implements DocumentClient {
  constructor(private readonly requestId: string) {}

  static async open(requestId: string, json: boolean): Promise<{ client: RemoteDocument; loaded: DocumentLoaded }> {
    const loaded = await api.responses.open({ requestId, json })
    return { client: new RemoteDocument(requestId), loaded }
  }

  async ask<Q extends DocumentQuery>(query: Q): Promise<AnswerTo<Q['type']>> {
    return (await api.responses.query({ requestId: this.requestId, query })) as AnswerTo<Q['type']>
  }

  /** Main keeps the last few documents and stops older ones itself. */
  close(): void {}
}
