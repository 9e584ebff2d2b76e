// Signing in with OAuth (Intercom's or a generic provider's): the flow and its progress.
import { z } from 'zod'
import { call } from './define'
import { Region } from '../model'

export const OAuthKind = z.enum(['intercom', 'generic'])
export const OAuthStart = z.object({
  kind: OAuthKind,
  /** Sandbox: use the embedded sandbox's authorize and token endpoints. */
  sandbox: z.boolean().default(false),
  region: Region.default('US'),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().trim().max(500).optional(),
  redirect: z.enum(['loopback-http', 'loopback-https']).default('loopback-http'),
  /** Generic provider only. */
  authorizationUrl: z.string().url().optional(),
  tokenUrl: z.string().url().optional(),
  apiBaseUrl: z.string().url().optional(),
  scopes: z.string().max(2000).optional(),
  name: z.string().trim().max(120).optional()
})
export type OAuthStart = z.input<typeof OAuthStart>

export const OAuthFlowState = z.object({
  flowId: z.string(),
  status: z.enum(['waiting', 'exchanging', 'done', 'failed', 'cancelled']),
  authorizeUrl: z.string(),
  redirectUri: z.string(),
  message: z.string().nullable(),
  workspaceId: z.string().nullable(),
  /** The signed-in workspace is already present: this sign-in can replace its credential (oauth.replace). */
  replaceableWorkspaceId: z.string().nullable().default(null)
})
export type OAuthFlowState = z.infer<typeof OAuthFlowState>

export const oauthCalls = {
  'oauth.start': call(OAuthStart, OAuthFlowState),
  'oauth.status': call(z.object({ flowId: z.string() }), OAuthFlowState),
  'oauth.cancel': call(z.object({ flowId: z.string() }), OAuthFlowState),
  /** Replaces the credential of the workspace the sign-in turned out to belong to (verified by the sign-in's GET /me). */
  'oauth.replace': call(z.object({ flowId: z.string() }), OAuthFlowState),
  'oauth.submitManual': call(z.object({ flowId: z.string(), pasted: z.string().trim().min(1).max(8192) }), OAuthFlowState)
}

export const oauthEvents = {
  oauthProgress: OAuthFlowState
}
