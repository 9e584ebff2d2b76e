// Public option and handle types of the sandbox (re-exported from ./index).

export interface FaultOptions {
  /** Added before every API answer. */
  latencyMs: number
  /** Share (0..1) of API requests answered with 500 or 503. */
  errorRate: number
  /** Share (0..1) of API requests whose socket is destroyed without an answer. */
  dropRate: number
  /** 0 = off; otherwise bodies are streamed at about this rate. */
  slowStreamBytesPerSec: number
  /** 0 = off; otherwise GET /sandbox/oversized returns a JSON body of this many bytes. */
  oversizedBytes: number
}

export interface RateLimit {
  perWindow: number
  windowSeconds: number
}

export interface SandboxOptions {
  /** 0 (default) = ephemeral. */
  port?: number
  seed?: number
  /** Seeded contacts per workspace; default 200, up to 100_000. */
  contacts?: number
  /** Default generous: 10_000 per 10 s. */
  rateLimit?: RateLimit
  faults?: Partial<FaultOptions>
  /** Milliseconds since the epoch; injectable so expiry and rate windows can be tested. */
  clock?: () => number
}

export type WorkspaceKey = 'us' | 'eu'

export interface SandboxWorkspace {
  key: WorkspaceKey
  region: 'US' | 'EU'
  appIdCode: string
  appName: string
  admin: { id: string; name: string; email: string }
  tokens: { standard: string; extended: string; revoked: string }
  /** A pre-2018 `app_id:api_key` pair; Intercom (and the sandbox) refuse it with a pointer to Access Tokens. */
  legacyKey: { appId: string; apiKey: string }
}

export interface SandboxOAuthClient {
  clientId: string
  /** Empty for the public (PKCE) client. */
  clientSecret: string
  name: string
  redirectUris: string[]
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  url: string
  workspaces: SandboxWorkspace[]
  oauthClients: SandboxOAuthClient[]
  setFaults(f: Partial<FaultOptions>): void
  setRateLimit(r: RateLimit): void
  /** Every record of every workspace as JSON, so tests can prove a series of requests changed nothing. */
  dataSnapshot(): string
  /** True while this sandbox's server still holds its port (once closed, another process may take it). */
  listening(): boolean
  close(): Promise<void>
}

export const NO_FAULTS: FaultOptions = {
  latencyMs: 0,
  errorRate: 0,
  dropRate: 0,
  slowStreamBytesPerSec: 0,
  oversizedBytes: 0
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perWindow: 10_000, windowSeconds: 10 }
export const DEFAULT_CONTACTS = 200
export const MAX_CONTACTS = 100_000
