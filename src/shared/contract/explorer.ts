import { z } from 'zod'
import { DocumentAnswer, DocumentLoaded, DocumentQuery } from '../json-document/protocol'
import { call } from './define'
import { RequestDraft } from '../model'

const WorkspaceRef = z.string().min(1).max(100).optional()
/** Ids the renderer makes up so it can cancel what it started. */
const JobId = z.string().min(1).max(100)

export const RateLimitInfo = z.object({ limit: z.number(), remaining: z.number(), resetAt: z.number() })
export type RateLimitInfo = z.infer<typeof RateLimitInfo>

export const IntercomErrorItem = z.object({ code: z.string(), message: z.string(), field: z.string().optional(), hint: z.string() })

export const AuthExplanation = z.object({
  cause: z.enum(['invalid_token', 'revoked_token', 'expired_token', 'missing_permission', 'plan_restricted', 'forbidden', 'retired_key']),
  title: z.string(),
  /** What happened and what to do about it (for a missing permission: the Developer Hub advice). */
  detail: z.string(),
  permission: z.string().nullable()
})
export type AuthExplanation = z.infer<typeof AuthExplanation>

export const ResponseSummary = z.object({
  requestId: JobId,
  method: z.string(),
  url: z.string(),
  /** What was sent, with Authorization masked. */
  sentHeaders: z.array(z.tuple([z.string(), z.string()])),
  status: z.number(),
  statusText: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  contentType: z.string().nullable(),
  /** The body when it is small enough to travel with the summary. */
  bodyText: z.string().nullable(),
  /** Larger bodies stay on disk in main and are fetched with responses.body. */
  bodyOnDisk: z.boolean(),
  bodyPreview: z.string().nullable(),
  bytes: z.number(),
  timing: z.object({ totalMs: z.number(), ttfbMs: z.number(), downloadMs: z.number() }),
  redirects: z.array(z.object({ status: z.number(), url: z.string() })),
  rateLimit: RateLimitInfo.nullable(),
  intercomErrors: z.array(IntercomErrorItem).nullable(),
  explanation: AuthExplanation.nullable()
})
export type ResponseSummary = z.infer<typeof ResponseSummary>

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

export const ScopeState = z.enum(['granted', 'denied', 'unknown'])
/**
 * What a state rests on: a read-only probe, a response to a request the user sent, a write request
 * Intercom had to refuse after its permission check (an inference), or nothing yet.
 */
export const ScopeEvidence = z.enum(['probe', 'response', 'refused-request', 'none'])
export const ScopeRequest = z.object({ method: z.string(), path: z.string() })
export const ScopeResult = z.object({
  permission: z.string(),
  state: ScopeState,
  evidence: ScopeEvidence,
  /** The request the state rests on, and its answer. */
  request: ScopeRequest.nullable(),
  status: z.number().nullable(),
  /** ISO time the answer came. */
  at: z.string().nullable(),
  message: z.string().nullable()
})
export type ScopeResult = z.infer<typeof ScopeResult>
export const ScopeVerdict = z.object({
  kind: z.enum(['standard_only', 'extended_granted', 'extended_partial', 'unknown']),
  title: z.string(),
  detail: z.string(),
  /** Extended scopes seen denied. */
  missing: z.array(z.string()),
  /** For OAuth workspaces: where their permissions come from. */
  oauthNote: z.string().nullable()
})
export type ScopeVerdict = z.infer<typeof ScopeVerdict>
export const ScopeReport = z.object({
  workspaceId: z.string(),
  /** Last inspection; null when everything known came from responses. */
  checkedAt: z.string().nullable(),
  results: z.array(ScopeResult),
  verdict: ScopeVerdict
})
export type ScopeReport = z.infer<typeof ScopeReport>
/** A write probe, listed before it runs, with why it cannot change data. */
export const PlannedWriteProbe = z.object({ permission: z.string(), method: z.string(), path: z.string(), reason: z.string() })

/** The largest piece of a response body one call returns, in characters. */
export const RESPONSE_CHUNK_MAX = 4 * 1024 * 1024

export const ExportFormat = z.enum(['json', 'ndjson', 'csv'])

export const explorerCalls = {
  'requests.send': call(z.object({ requestId: JobId, workspaceId: WorkspaceRef, draft: RequestDraft }), ResponseSummary),
  'requests.cancel': call(z.object({ requestId: JobId }), z.object({ cancelled: z.boolean() })),
  /** The Authorization header a recent send carried, unmasked: only on the user's explicit Reveal. */
  'requests.revealAuthorization': call(z.object({ requestId: JobId }), z.object({ value: z.string().nullable() })),
  /**
   * A range of a response body that did not travel with its summary, in characters. Read in
   * pieces so a 50 MB body never has to cross (or be parsed on) the UI thread in one go.
   */
  'responses.body': call(
    z.object({
      requestId: JobId,
      offset: z.number().int().min(0).default(0),
      length: z.number().int().min(1).max(RESPONSE_CHUNK_MAX).default(RESPONSE_CHUNK_MAX)
    }),
    z.object({ text: z.string(), offset: z.number(), total: z.number() })
  ),
  /**
   * Formats such a body in main (once) and says what it holds. The viewer then asks
   * responses.query for the rows on screen, so a 50 MB body never crosses to the page.
   */
  'responses.open': call(z.object({ requestId: JobId, json: z.boolean() }), DocumentLoaded),
  'responses.query': call(z.object({ requestId: JobId, query: DocumentQuery }), DocumentAnswer),
  'paginate.start': call(z.object({ jobId: JobId, workspaceId: WorkspaceRef, draft: RequestDraft }), PaginationResult),
  'paginate.cancel': call(z.object({ jobId: JobId }), z.object({ cancelled: z.boolean() })),
  'paginate.export': call(
    z.object({ jobId: JobId, format: ExportFormat }),
    z.object({ filename: z.string(), mimeType: z.string(), text: z.string(), items: z.number() })
  ),
  'scopes.get': call(z.object({ workspaceId: WorkspaceRef }), ScopeReport.nullable()),
  'scopes.inspect': call(z.object({ workspaceId: WorkspaceRef, writes: z.boolean().default(false) }), ScopeReport),
  /** The write probes `scopes.inspect` with writes would send, so they can be shown first. */
  'scopes.plan': call(z.object({ workspaceId: WorkspaceRef }), z.array(PlannedWriteProbe))
}

export const explorerEvents = {
  paginationProgress: PaginationProgress,
  /** A response (or an inspection) changed what is known of a workspace's permissions. */
  scopesChanged: z.object({ workspaceId: z.string() })
}
