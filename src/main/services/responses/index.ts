export { ResponseDocuments, type SpawnDocumentWorker } from './response-documents'
export type { WorkerBody } from './messages'
export { RecentResponses } from './recent-responses'
