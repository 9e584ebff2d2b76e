// Sending a request and what comes back: the summary the composer and the response viewer show.
import { z } from 'zod'
import { call, JobId, WorkspaceRef } from './define'
import { RequestDraft } from '../model'

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

export const requestsCalls = {
  'requests.send': call(z.object({ requestId: JobId, workspaceId: WorkspaceRef, draft: RequestDraft }), ResponseSummary),
  'requests.cancel': call(z.object({ requestId: JobId }), z.object({ cancelled: z.boolean() })),
  /** The Authorization header a recent send carried, unmasked: only on the user's explicit Reveal. */
  'requests.revealAuthorization': call(z.object({ requestId: JobId }), z.object({ value: z.string().nullable() }))
}
