// Domain types shared by main, preload and renderer. Zod schemas are the source of truth;
// the TypeScript types are inferred from them so the two can never drift apart.
import { z } from 'zod'

export const REGIONS = ['US', 'EU', 'AU'] as const
export const Region = z.enum(REGIONS)
export type Region = z.infer<typeof Region>

/** Regional REST hosts, from the spec's `servers`. */
export const REGION_HOSTS: Record<Region, string> = {
  US: 'https://api.intercom.io',
  EU: 'https://api.eu.intercom.io',
  AU: 'https://api.au.intercom.io'
}

/** How a workspace's credential was obtained. */
export const AuthKind = z.enum(['access_token', 'oauth', 'legacy_api_key'])
export type AuthKind = z.infer<typeof AuthKind>

/** How the credential is put on the wire for one request. */
export const AuthMode = z.enum(['bearer', 'basic', 'legacy', 'none'])
export type AuthMode = z.infer<typeof AuthMode>

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const
export const HttpMethod = z.enum(HTTP_METHODS)
export type HttpMethod = z.infer<typeof HttpMethod>

export const KeyValue = z.object({
  name: z.string().max(8_192),
  value: z.string().max(65_536),
  enabled: z.boolean().default(true)
})
export type KeyValue = z.infer<typeof KeyValue>

/**
 * What the composer edits. It never holds a credential: the main process adds those
 * from the vault when the request is sent.
 */
export const RequestDraft = z.object({
  method: HttpMethod,
  /** Relative to the workspace's host (`/contacts/{contact_id}`) or a full https URL. */
  path: z.string().min(1).max(8_192),
  pathParams: z.record(z.string(), z.string().max(8_192)).default({}),
  query: z.array(KeyValue).default([]),
  headers: z.array(KeyValue).default([]),
  /** Raw body text (JSON for Intercom); null when there is none. */
  body: z
    .string()
    .max(64 * 1024 * 1024)
    .nullable()
    .default(null),
  /** null means "the workspace's default version". */
  intercomVersion: z.string().max(32).nullable().default(null),
  authMode: AuthMode.default('bearer'),
  /** The catalog operation this draft came from, when it did. */
  operationId: z.string().max(200).nullable().default(null)
})
export type RequestDraft = z.infer<typeof RequestDraft>
export type RequestDraftInput = z.input<typeof RequestDraft>

export const WorkspaceColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #3b82f6')

/** A workspace as the renderer sees it: metadata and a masked token, never the secret. */
export const Workspace = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  color: WorkspaceColor,
  region: Region,
  intercomVersion: z.string(),
  authKind: AuthKind,
  /** True for the embedded sandbox workspaces. */
  sandbox: z.boolean(),
  appIdCode: z.string().nullable(),
  appName: z.string().nullable(),
  adminName: z.string().nullable(),
  adminEmail: z.string().nullable(),
  /** First and last four characters, the rest masked. */
  tokenPreview: z.string(),
  /** Which vault backend holds the secret. */
  vaultBackend: z.string(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The secret is not in this run's vault (memory-only after a restart, a lost keychain): enter it again. */
  secretMissing: z.boolean().default(false)
})
export type Workspace = z.infer<typeof Workspace>
