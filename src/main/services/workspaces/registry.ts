// Workspaces: metadata in a KeyValueStore (never a secret), credentials in the vault under
// service `token-desk`, account `<workspaceId>:token` | `:legacy` | `:oauth-client`. Every token
// is checked with GET /me before anything is stored.
import crypto from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import { REGION_HOSTS, Region, Workspace, WorkspaceColor } from '../../../shared/model'
import { maskSecret } from '../../../shared/request/build'
import { TokenText } from '../../../shared/request/token-text'
import { revokeIntercomToken } from '../oauth/intercom'
import { systemClock, type Clock, type KeyValueStore, type Logger } from '../ports'
import { VAULT_SERVICE, type SecretVault } from '../vault/types'
import { fetchIntercomIdentity, type IntercomIdentity } from './intercom-identity'

export const DEFAULT_INTERCOM_VERSION = '2.16'
const WORKSPACES_KEY = 'workspaces'
const ACTIVE_KEY = 'activeWorkspaceId'
const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b']

/**
 * What a sandbox workspace stores instead of an address. The embedded sandbox takes a new port on
 * every start, so its address is looked up (resolveApiBase) each time, never read from disk: a port
 * from an earlier run may be dead, or held by another process that must not receive a token.
 */
export const EMBEDDED_SANDBOX = 'embedded-sandbox:'
/** The first palette colour no workspace uses yet, so new workspaces are told apart at a glance. */
export function nextColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()))
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[used.length % PALETTE.length]!
}

/** What is persisted: the renderer-facing Workspace plus where its API lives. */
export const StoredWorkspace = Workspace.extend({ apiBase: z.string().url(), apiBaseOverride: z.string().url().nullable() })
type StoredWorkspace = z.infer<typeof StoredWorkspace>

const Token = TokenText
const IntercomVersion = z.string().regex(/^(\d+\.\d+|Preview|Unstable)$/, 'a version like 2.16 or Preview')
const HttpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'an http(s) URL')
const Name = z.string().trim().min(1).max(120)

export const AddByTokenInput = z.object({
  token: Token,
  region: Region,
  name: Name.optional(),
  color: WorkspaceColor.optional(),
  intercomVersion: IntercomVersion.optional(),
  apiBaseOverride: HttpUrl.optional(),
  sandbox: z.boolean().optional(),
  /** When the token's workspace is already present, replace that workspace's credential instead of refusing. */
  replace: z.boolean().optional()
})
export type AddByTokenInput = z.input<typeof AddByTokenInput>

export const AddLegacyInput = z.object({
  appId: z.string().trim().min(1).max(64),
  apiKey: Token,
  region: Region,
  name: Name,
  color: WorkspaceColor.optional(),
  intercomVersion: IntercomVersion.optional(),
  /** A pair for the embedded sandbox, whose API is local. */
  sandbox: z.boolean().optional()
})
export type AddLegacyInput = z.input<typeof AddLegacyInput>

export const AddFromOAuthInput = AddByTokenInput.omit({ token: true }).extend({
  accessToken: Token,
  clientId: z.string().min(1).max(512),
  clientSecret: z.string().max(512),
  /** The identity OAuthFlows already verified with GET /me; fetched again when absent. */
  identity: z.custom<IntercomIdentity>().optional()
})
export type AddFromOAuthInput = z.input<typeof AddFromOAuthInput>

export const WorkspacePatch = z.object({
  name: Name.optional(),
  color: WorkspaceColor.optional(),
  region: Region.optional(),
  intercomVersion: IntercomVersion.optional()
})
export type WorkspacePatch = z.input<typeof WorkspacePatch>

export type WorkspaceAuth = { kind: 'bearer'; token: string } | { kind: 'legacy'; appId: string; apiKey: string }

/** Everything the executor needs to call Intercom for one workspace. Main process only. */
export interface WorkspaceCredential {
  workspaceId: string
  apiBase: string
  /** A sandbox workspace stands in for its region's official host: a full URL there means the sandbox. */
  officialBase?: string
  intercomVersion: string
  auth: WorkspaceAuth
}

export interface WorkspaceRegistryOptions {
  store: KeyValueStore
  vault: SecretVault
  /**
   * The API host for a region. Sandbox workspaces get theirs only from here, at each use: null
   * means the embedded sandbox is not running (it must answer for the app's own, live sandbox).
   */
  resolveApiBase?: (target: { region: Region; sandbox: boolean }) => string | null
  identify?: typeof fetchIntercomIdentity
  revoke?: typeof revokeIntercomToken
  onChange?: (workspaces: Workspace[]) => void
  clock?: Clock
  logger?: Logger
  newId?: () => string
}

const account = (id: string, kind: 'token' | 'legacy' | 'oauth-client') => `${id}:${kind}`

/** The shared masking rule: first and last four characters; short secrets are masked entirely. */
export const tokenPreview = maskSecret

export class WorkspaceRegistry {
  readonly #o: WorkspaceRegistryOptions & { clock: Clock; identify: typeof fetchIntercomIdentity; revoke: typeof revokeIntercomToken }
  #queue: Promise<unknown> = Promise.resolve()
  /** Workspaces whose secret this run's vault does not hold; known from checkSecrets() and every read. */
  readonly #missing = new Set<string>()

  constructor(options: WorkspaceRegistryOptions) {
    this.#o = { clock: systemClock, identify: fetchIntercomIdentity, revoke: revokeIntercomToken, ...options }
    this.#load() // fail early on malformed metadata
  }

  list(): Workspace[] {
    return this.#load().map((w) => this.#public(w))
  }

  get(id: string): Workspace {
    return this.#public(this.#find(id))
  }

  /** Looks each workspace's secret up once (at start), so a missing one shows before anything is sent. */
  async checkSecrets(): Promise<void> {
    for (const workspace of this.#load()) {
      const kind = workspace.authKind === 'legacy_api_key' ? 'legacy' : 'token'
      const found = await this.#o.vault.get(VAULT_SERVICE, account(workspace.id, kind)).then(
        (secret) => secret !== null,
        (error: unknown) => (isUnusableSecret(error) ? false : null)
      )
      if (found !== null) this.#markSecret(workspace.id, found)
    }
    this.#emit()
  }

  /** The active workspace: the last one chosen, else the first, else null. */
  active(): Workspace | null {
    const all = this.#load()
    const id = this.#o.store.get(ACTIVE_KEY)
    const found = all.find((w) => w.id === id) ?? all[0]
    return found ? this.#public(found) : null
  }

  setActive(id: string): Workspace {
    const workspace = this.#find(id)
    this.#o.store.set(ACTIVE_KEY, id)
    this.#emit()
    return this.#public(workspace)
  }

  addByToken(input: AddByTokenInput): Promise<Workspace> {
    return this.#exclusive(async () => {
      const i = parse(AddByTokenInput, input)
      const sandbox = i.sandbox ?? false
      const apiBase = this.#apiBase(i.region, sandbox, i.apiBaseOverride)
      const identity = await this.#o.identify({ apiBase, token: i.token, intercomVersion: i.intercomVersion })
      return this.#create({ ...i, sandbox, identity, apiBase, authKind: 'access_token', secrets: { token: i.token } })
    })
  }

  addFromOAuth(input: AddFromOAuthInput): Promise<Workspace> {
    return this.#exclusive(async () => {
      const i = parse(AddFromOAuthInput, input)
      const sandbox = i.sandbox ?? false
      const apiBase = this.#apiBase(i.region, sandbox, i.apiBaseOverride)
      const identity = i.identity ?? (await this.#o.identify({ apiBase, token: i.accessToken, intercomVersion: i.intercomVersion }))
      const oauthClient = JSON.stringify({ clientId: i.clientId, clientSecret: i.clientSecret })
      return this.#create({
        ...i,
        sandbox,
        identity,
        apiBase,
        authKind: 'oauth',
        secrets: { token: i.accessToken, 'oauth-client': oauthClient }
      })
    })
  }

  /** Stores a retired app_id/api_key pair as is (Intercom no longer accepts it, so it is not checked). */
  addLegacy(input: AddLegacyInput): Promise<Workspace> {
    return this.#exclusive(async () => {
      const i = parse(AddLegacyInput, input)
      const identity: IntercomIdentity = {
        adminId: '',
        adminName: null,
        adminEmail: null,
        emailVerified: null,
        appIdCode: i.appId,
        appName: null,
        region: null
      }
      const secrets = { legacy: JSON.stringify({ appId: i.appId, apiKey: i.apiKey }) }
      const sandbox = i.sandbox ?? false
      return this.#create({
        ...i,
        sandbox,
        identity,
        apiBase: this.#apiBase(i.region, sandbox),
        authKind: 'legacy_api_key',
        secrets,
        preview: i.apiKey,
        verified: false
      })
    })
  }

  /** Replaces a legacy pair with a verified Access Token for the same app, then deletes the pair. */
  migrateLegacy(id: string, newToken: string): Promise<Workspace> {
    return this.#exclusive(async () => {
      const workspace = this.#find(id)
      if (workspace.authKind !== 'legacy_api_key') throw new AppError('invalid_input', `“${workspace.name}” does not use a legacy API key.`)
      const updated = await this.#replaceToken(workspace, newToken, { authKind: 'access_token' })
      await this.#o.vault.delete(VAULT_SERVICE, account(id, 'legacy'))
      return updated
    })
  }

  /** Swaps in a new token once GET /me shows it belongs to the same workspace. */
  rotate(id: string, newToken: string): Promise<Workspace> {
    return this.#exclusive(async () => {
      const workspace = this.#find(id)
      if (workspace.authKind === 'legacy_api_key')
        throw new AppError('invalid_input', `“${workspace.name}” uses a legacy API key: migrate it to an Access Token instead.`)
      return this.#replaceToken(workspace, newToken, {})
    })
  }

  update(id: string, patch: WorkspacePatch): Promise<Workspace> {
    return this.#exclusive(async () => {
      const p = parse(WorkspacePatch, patch)
      const workspace = this.#find(id)
      const region = p.region ?? workspace.region
      const apiBase = workspace.sandbox
        ? EMBEDDED_SANDBOX
        : region === workspace.region
          ? workspace.apiBase
          : this.#apiBase(region, workspace.sandbox, workspace.apiBaseOverride ?? undefined)
      return this.#public(this.#save({ ...workspace, ...p, region, apiBase }))
    })
  }

  /** Deletes the workspace and its secrets; `revoke` first uninstalls an OAuth app's token. */
  remove(id: string, options: { revoke?: boolean } = {}): Promise<void> {
    return this.#exclusive(async () => {
      const workspace = this.#find(id)
      if (options.revoke && workspace.authKind === 'oauth') {
        const token = await this.#o.vault.get(VAULT_SERVICE, account(id, 'token'))
        // Already revoked (401) is as good as revoked; any other failure keeps the workspace so the user can retry.
        if (token)
          await this.#o.revoke(this.#apiBaseOf(workspace), token).catch((error: unknown) => {
            if (!(error instanceof AppError && error.code === 'unauthorized')) throw error
          })
      }
      for (const kind of ['token', 'legacy', 'oauth-client'] as const) await this.#o.vault.delete(VAULT_SERVICE, account(id, kind))
      this.#write(this.#load().filter((w) => w.id !== id))
      if (this.#o.store.get(ACTIVE_KEY) === id) this.#o.store.delete(ACTIVE_KEY)
      this.#emit()
    })
  }

  /** Where a workspace's requests go, without its secret (auth mode None needs no more). */
  endpointFor(id: string): Omit<WorkspaceCredential, 'auth'> {
    const workspace = this.#find(id)
    const endpoint = { workspaceId: id, apiBase: this.#apiBaseOf(workspace), intercomVersion: workspace.intercomVersion }
    return workspace.sandbox ? { ...endpoint, officialBase: REGION_HOSTS[workspace.region] } : endpoint
  }

  /** The decrypted credential for the request executor. Never send this to the renderer. */
  async credentialFor(id: string): Promise<WorkspaceCredential> {
    const workspace = this.#find(id)
    const base = this.endpointFor(id)
    if (workspace.authKind === 'legacy_api_key') {
      const pair = z.object({ appId: z.string(), apiKey: z.string() }).parse(JSON.parse(await this.#secret(workspace, 'legacy')))
      return { ...base, auth: { kind: 'legacy', ...pair } }
    }
    return { ...base, auth: { kind: 'bearer', token: await this.#secret(workspace, 'token') } }
  }

  /** The raw token (or legacy API key), for an explicit reveal/copy the user asked for. */
  async reveal(id: string): Promise<string> {
    const credential = await this.credentialFor(id)
    return credential.auth.kind === 'bearer' ? credential.auth.token : credential.auth.apiKey
  }

  /** The OAuth app (client id and secret) an OAuth workspace was signed in with. */
  async oauthClientFor(id: string): Promise<{ clientId: string; clientSecret: string } | null> {
    const raw = await this.#o.vault.get(VAULT_SERVICE, account(this.#find(id).id, 'oauth-client'))
    return raw ? z.object({ clientId: z.string(), clientSecret: z.string() }).parse(JSON.parse(raw)) : null
  }

  async #create(args: {
    identity: IntercomIdentity
    region: Region
    sandbox: boolean
    apiBase: string
    apiBaseOverride?: string
    name?: string
    color?: string
    intercomVersion?: string
    authKind: Workspace['authKind']
    secrets: Partial<Record<'token' | 'legacy' | 'oauth-client', string>>
    preview?: string
    verified?: boolean
    replace?: boolean
  }): Promise<Workspace> {
    const { identity } = args
    const all = this.#load()
    const region = identity.region ?? args.region
    const duplicate = all.find((w) => w.appIdCode === identity.appIdCode && w.region === region && w.sandbox === args.sandbox)
    if (duplicate && args.replace && args.secrets.token) return this.#replaceCredential(duplicate, identity, args.authKind, args.secrets)
    if (duplicate) {
      throw new AppError(
        'conflict',
        `This token belongs to “${duplicate.name}” (${identity.appIdCode}, ${region}), which is already added. You can replace that workspace's credential with it.`,
        { existingId: duplicate.id, existingName: duplicate.name }
      )
    }
    const now = new Date(this.#o.clock.now()).toISOString()
    const id = this.#o.newId?.() ?? `ws_${crypto.randomUUID()}`
    const apiBase = region === args.region ? args.apiBase : this.#apiBase(region, args.sandbox, args.apiBaseOverride)
    const workspace: StoredWorkspace = {
      id,
      name: args.name ?? identity.appName ?? identity.appIdCode,
      color: args.color ?? nextColor(all.map((w) => w.color)),
      region,
      intercomVersion: args.intercomVersion ?? DEFAULT_INTERCOM_VERSION,
      authKind: args.authKind,
      sandbox: args.sandbox,
      appIdCode: identity.appIdCode,
      appName: identity.appName,
      adminName: identity.adminName,
      adminEmail: identity.adminEmail,
      tokenPreview: tokenPreview(args.preview ?? args.secrets.token ?? ''),
      vaultBackend: this.#o.vault.backend.id,
      verifiedAt: args.verified === false ? null : now,
      createdAt: now,
      secretMissing: false,
      apiBase: args.sandbox ? EMBEDDED_SANDBOX : apiBase,
      apiBaseOverride: args.apiBaseOverride ?? null
    }
    const written: string[] = []
    try {
      for (const [kind, secret] of Object.entries(args.secrets)) {
        await this.#o.vault.set(VAULT_SERVICE, account(id, kind as 'token'), secret)
        written.push(kind)
      }
      this.#write([...all, workspace])
    } catch (error) {
      // Nothing half-written: drop whatever secrets made it into the vault.
      for (const kind of written) await this.#o.vault.delete(VAULT_SERVICE, account(id, kind as 'token')).catch(() => undefined)
      throw error
    }
    this.#o.logger?.info('workspace added', { id, authKind: args.authKind, sandbox: args.sandbox })
    this.#emit()
    return this.#public(workspace)
  }

  /** The token was verified (GET /me) as this workspace's: it, and what came with it, replace the stored credential. */
  async #replaceCredential(
    workspace: StoredWorkspace,
    identity: IntercomIdentity,
    authKind: Workspace['authKind'],
    secrets: Partial<Record<'token' | 'legacy' | 'oauth-client', string>>
  ): Promise<Workspace> {
    for (const kind of ['token', 'legacy', 'oauth-client'] as const) {
      const secret = secrets[kind]
      if (secret !== undefined) await this.#o.vault.set(VAULT_SERVICE, account(workspace.id, kind), secret)
      else if (kind !== 'token') await this.#o.vault.delete(VAULT_SERVICE, account(workspace.id, kind))
    }
    this.#markSecret(workspace.id, true)
    this.#o.logger?.info('workspace credential replaced', { id: workspace.id, authKind })
    const updated = this.#save({
      ...workspace,
      authKind,
      appName: identity.appName,
      adminName: identity.adminName,
      adminEmail: identity.adminEmail,
      tokenPreview: tokenPreview(secrets.token ?? ''),
      vaultBackend: this.#o.vault.backend.id,
      verifiedAt: new Date(this.#o.clock.now()).toISOString()
    })
    return this.#public(updated)
  }

  async #replaceToken(workspace: StoredWorkspace, rawToken: string, change: Partial<StoredWorkspace>): Promise<Workspace> {
    const token = parse(Token, rawToken)
    const identity = await this.#o.identify({ apiBase: this.#apiBaseOf(workspace), token, intercomVersion: workspace.intercomVersion })
    if (identity.appIdCode !== workspace.appIdCode) {
      throw new AppError(
        'conflict',
        `That token belongs to workspace ${identity.appIdCode}, not to “${workspace.name}” (${workspace.appIdCode}). Nothing was changed.`
      )
    }
    await this.#o.vault.set(VAULT_SERVICE, account(workspace.id, 'token'), token)
    this.#markSecret(workspace.id, true)
    const updated = this.#save({
      ...workspace,
      ...change,
      appName: identity.appName,
      adminName: identity.adminName,
      adminEmail: identity.adminEmail,
      tokenPreview: tokenPreview(token),
      vaultBackend: this.#o.vault.backend.id,
      verifiedAt: new Date(this.#o.clock.now()).toISOString()
    })
    return this.#public(updated)
  }

  async #secret(workspace: StoredWorkspace, kind: 'token' | 'legacy'): Promise<string> {
    const secret = await this.#o.vault.get(VAULT_SERVICE, account(workspace.id, kind)).catch((error: unknown) => {
      if (isUnusableSecret(error)) this.#markSecret(workspace.id, false, true)
      throw error
    })
    this.#markSecret(workspace.id, secret !== null, true)
    if (secret !== null) return secret
    const { backend } = this.#o.vault
    throw new AppError(
      'vault_unavailable',
      `The token for “${workspace.name}” is not in the current secret store (${backend.label})` +
        (workspace.vaultBackend !== backend.id ? `; it was saved with ${workspace.vaultBackend}` : '') +
        '. Enter it again: Workspace settings → Enter the token again.',
      { workspaceId: workspace.id, reason: 'secret_missing' }
    )
  }

  /** Records whether a workspace's secret is present; `announce` tells listeners when that changed. */
  #markSecret(id: string, present: boolean, announce = false): void {
    if (present === !this.#missing.has(id)) return
    if (present) this.#missing.delete(id)
    else this.#missing.add(id)
    if (announce) this.#emit()
  }

  #public(workspace: StoredWorkspace): Workspace {
    const { apiBase: _apiBase, apiBaseOverride: _override, ...rest } = workspace
    return { ...rest, secretMissing: this.#missing.has(workspace.id) }
  }

  #apiBase(region: Region, sandbox: boolean, override?: string): string {
    if (override) return override
    const resolved = this.#o.resolveApiBase?.({ region, sandbox })
    if (resolved) return resolved
    if (sandbox) throw new AppError('invalid_input', 'The sandbox is not running, so a sandbox workspace has no API address.')
    return REGION_HOSTS[region]
  }

  /** Where a stored workspace's API is now: a sandbox workspace asks for the running sandbox. */
  #apiBaseOf(workspace: StoredWorkspace): string {
    if (!workspace.sandbox) return workspace.apiBase
    const resolved = this.#o.resolveApiBase?.({ region: workspace.region, sandbox: true })
    if (!resolved)
      throw new AppError('network', `The embedded sandbox is not running, so “${workspace.name}” cannot be reached. Restart Token Desk.`)
    return resolved
  }

  #find(id: string): StoredWorkspace {
    const found = this.#load().find((w) => w.id === id)
    if (!found) throw new AppError('not_found', `No workspace with id ${id}.`)
    return found
  }

  #save(workspace: StoredWorkspace): StoredWorkspace {
    this.#write(this.#load().map((w) => (w.id === workspace.id ? workspace : w)))
    this.#emit()
    return workspace
  }

  #load(): StoredWorkspace[] {
    const raw = this.#o.store.get(WORKSPACES_KEY)
    if (raw === undefined) return []
    const parsed = z.array(StoredWorkspace).safeParse(raw)
    if (!parsed.success)
      throw new AppError('storage', `The saved workspace list is malformed (${parsed.error.issues[0]?.message ?? 'invalid'}).`)
    // Files from earlier versions kept the sandbox's port of the day: never trust it.
    return parsed.data.map((w) => (w.sandbox ? { ...w, apiBase: EMBEDDED_SANDBOX, apiBaseOverride: null } : w))
  }

  #write(workspaces: StoredWorkspace[]): void {
    // Whether the secret is present belongs to this run, not to the file.
    this.#o.store.set(
      WORKSPACES_KEY,
      workspaces.map(({ secretMissing: _missing, ...rest }) => rest)
    )
  }

  #emit(): void {
    this.#o.onChange?.(this.list())
  }

  /** Mutations run one at a time so two concurrent adds cannot both pass the duplicate check. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work)
    this.#queue = run.catch(() => undefined)
    return run
  }
}

/** A stored secret that can never be read again (another backend wrote it, its key changed); a timeout may pass. */
function isUnusableSecret(error: unknown): boolean {
  return error instanceof AppError && error.code === 'vault_unavailable'
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.join('.') || 'input'
  throw new AppError('invalid_input', `Invalid ${field}: ${issue?.message ?? 'invalid value'}.`, { field })
}
