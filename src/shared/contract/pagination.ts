// "Fetch all pages" of a list or search operation, and the export of what it collected.
import { z } from 'zod'
import { call, JobId, WorkspaceRef } from './define'
import { RequestDraft } from '../model'

export const PaginationProgress = z.object({
  jobId: JobId,
  pages: z.number(),
  items: z.number(),
  ratePerSec: z.number(),
  waitingUntil: z.number().nullable(),
  /** The list's total_count from the first page, when the API reports one. */
  total: z.number().nullable(),
  done: z.boolean()
})
export type PaginationProgress = z.infer<typeof PaginationProgress>

export const PaginationResult = z.object({
  jobId: JobId,
  pages: z.number(),
  items: z.number(),
  complete: z.boolean(),
  stoppedReason: z.string().nullable(),
  /** The HTTP status of the answer that stopped it, if one did. */
  status: z.number().nullable().default(null)
})
export type PaginationResult = z.output<typeof PaginationResult>

export const ExportFormat = z.enum(['json', 'ndjson', 'csv'])

export const paginationCalls = {
  'pagination.start': call(z.object({ jobId: JobId, workspaceId: WorkspaceRef, draft: RequestDraft }), PaginationResult),
  'pagination.cancel': call(z.object({ jobId: JobId }), z.object({ cancelled: z.boolean() })),
  'pagination.export': call(
    z.object({ jobId: JobId, format: ExportFormat }),
    z.object({ filename: z.string(), mimeType: z.string(), text: z.string(), items: z.number() })
  )
}

export const paginationEvents = {
  paginationProgress: PaginationProgress
}
