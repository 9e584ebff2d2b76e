import { z } from 'zod'
import { call, NoInput } from './define'
import { Region, Workspace, WorkspaceColor } from '../model'
import { TokenText } from '../request/token-text'
import { cleanPastedToken, LEGACY_PAIR_HINT, looksLikeLegacyPair } from '../pasted-token'

const Id = z.object({ id: z.string().min(1).max(100) })
/** Tokens are pasted by people: drop a leading "Bearer", then the one token rule; a legacy pair points to its tab. */
const PastedTokenText = z.preprocess(
  (value) => (typeof value === 'string' ? cleanPastedToken(value).token : value),
  TokenText.refine((token) => !looksLikeLegacyPair(token), LEGACY_PAIR_HINT)
)

export const WorkspaceEdit = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  color: WorkspaceColor.optional(),
  region: Region.optional(),
  intercomVersion: z.string().max(32).optional()
})

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

export const workspaceCalls = {
  'workspaces.list': call(NoInput, z.object({ workspaces: z.array(Workspace), activeId: z.string().nullable() })),
  'workspaces.setActive': call(Id, z.object({ activeId: z.string() })),
  'workspaces.addByToken': call(
    z.object({
      token: PastedTokenText,
      region: Region,
      /** The token belongs to the embedded sandbox (its API is local, whatever the region). */
      sandbox: z.boolean().default(false),
      name: z.string().trim().max(120).optional(),
      color: WorkspaceColor.optional(),
      /** The token's workspace is already present: replace its credential (verified, as Rotate is). */
      replace: z.boolean().default(false)
    }),
    Workspace
  ),
  /** Adds one of the embedded sandbox's own tokens; the token stays in main. */
  'workspaces.addSandbox': call(
    z.object({ workspace: z.enum(['us', 'eu']), scopes: z.enum(['standard', 'extended']), replace: z.boolean().default(false) }),
    Workspace
  ),
  'workspaces.addLegacy': call(
    z.object({
      appId: z.string().trim().min(1).max(200),
      apiKey: TokenText,
      region: Region,
      sandbox: z.boolean().default(false),
      name: z.string().trim().min(1).max(120)
    }),
    Workspace
  ),
  'workspaces.migrateLegacy': call(Id.extend({ token: PastedTokenText }), Workspace),
  'workspaces.update': call(Id.extend({ changes: WorkspaceEdit }), Workspace),
  'workspaces.rotate': call(Id.extend({ token: PastedTokenText }), Workspace),
  'workspaces.remove': call(Id.extend({ revoke: z.boolean().default(false) }), z.object({ removed: z.boolean(), revoked: z.boolean() })),
  /** Explicit user action: the one call that returns a raw token to the renderer. */
  'workspaces.reveal': call(Id, z.object({ token: z.string() })),
  /** Copies the token from main; in browser mode main cannot reach the page's clipboard, so the text comes back. */
  'workspaces.copyToken': call(Id, z.object({ copied: z.boolean(), text: z.string().nullable(), clearAfterMs: z.number() })),
  'oauth.start': call(OAuthStart, OAuthFlowState),
  'oauth.status': call(z.object({ flowId: z.string() }), OAuthFlowState),
  'oauth.cancel': call(z.object({ flowId: z.string() }), OAuthFlowState),
  /** Replaces the credential of the workspace the sign-in turned out to belong to (verified by the sign-in's GET /me). */
  'oauth.replace': call(z.object({ flowId: z.string() }), OAuthFlowState),
  'oauth.submitManual': call(z.object({ flowId: z.string(), pasted: z.string().trim().min(1).max(8192) }), OAuthFlowState)
}

export const workspaceEvents = {
  workspacesChanged: z.object({ workspaces: z.array(Workspace), activeId: z.string().nullable() }),
  oauthProgress: OAuthFlowState
}
