// What a workspace's token may do (Intercom's permission scopes): the inspector and the badge.
import { z } from 'zod'
import { call, WorkspaceRef } from './define'

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
  /** Continues the title: "<title>: <detail>". */
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

export const scopesCalls = {
  'scopes.get': call(z.object({ workspaceId: WorkspaceRef }), ScopeReport.nullable()),
  'scopes.inspect': call(z.object({ workspaceId: WorkspaceRef, writes: z.boolean().default(false) }), ScopeReport),
  /** The write probes `scopes.inspect` with writes would send, so they can be shown first. */
  'scopes.plan': call(z.object({ workspaceId: WorkspaceRef }), z.array(PlannedWriteProbe))
}

export const scopesEvents = {
  /** A response (or an inspection) changed what is known of a workspace's permissions. */
  scopesChanged: z.object({ workspaceId: z.string() })
}
