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

export const workspacesCalls = {
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
  'workspaces.copyToken': call(Id, z.object({ copied: z.boolean(), text: z.string().nullable(), clearAfterMs: z.number() }))
}

export const workspacesEvents = {
  workspacesChanged: z.object({ workspaces: z.array(Workspace), activeId: z.string().nullable() })
}
