// Messages between ResponseDocuments (main) and document-worker.ts (its worker threads).
import type { DocumentAnswer, DocumentLoaded, DocumentQuery } from '../../../shared/json-document/protocol'

/**
 * Where the body is: main's memory (sent along) or a spooled file (the worker reads it itself).
 * The executor's ResponseBody is one.
 */
export type WorkerBody = { kind: 'inline'; text: string } | { kind: 'file'; path: string }

export type ToDocumentWorker =
  { id: number; type: 'load'; body: WorkerBody; json: boolean } | { id: number; type: 'query'; query: DocumentQuery }

export type FromDocumentWorker =
  { id: number; loaded: DocumentLoaded } | { id: number; answer: DocumentAnswer } | { id: number; error: string }
