// The embedded Intercom sandbox: a local server that answers like Intercom's REST API and OAuth
// flow, with two seeded workspaces (US and EU). Used by the app, the tests and `npm run sandbox`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ALL_PERMISSION_IDS, STANDARD_PERMISSION_IDS } from '../../shared/intercom/permissions'
import { seededToken, TokenRegistry } from './auth'
import { WorkspaceData } from './data'
import { Faults } from './faults'
import { OAuthServer } from './oauth'
import { createRng, hashSeed } from './random'
import { RateLimiter } from './rate-limit'
import { Router } from './router'
import { companyHandlers } from './routes/companies'
import { contactHandlers } from './routes/contacts'
import { conversationHandlers } from './routes/conversations'
import { eventHandlers } from './routes/events'
import { tagHandlers } from './routes/tags'
import { workspaceHandlers } from './routes/workspace'
import { createRequestListener } from './server'
import {
  DEFAULT_CONTACTS,
  DEFAULT_RATE_LIMIT,
  MAX_CONTACTS,
  type Sandbox,
  type SandboxOAuthClient,
  type SandboxOptions,
  type SandboxWorkspace,
  type WorkspaceKey
} from './types'

export type { FaultOptions, RateLimit, Sandbox, SandboxOAuthClient, SandboxOptions, SandboxWorkspace, WorkspaceKey } from './types'

const WORKSPACE_KEYS: readonly WorkspaceKey[] = ['us', 'eu']

const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`

/** The sandbox's OAuth apps: one confidential (secret) and one public (PKCE only). */
function oauthClients(seed: number): SandboxOAuthClient[] {
  const rng = createRng(hashSeed(seed, 'oauth-clients'))
  return [
    {
      clientId: uuid(rng.hex(32)),
      clientSecret: uuid(rng.hex(32)),
      name: 'Token Desk Sandbox App',
      redirectUris: ['http://127.0.0.1/callback', 'https://localhost/callback']
    },
    {
      clientId: uuid(rng.hex(32)),
      clientSecret: '',
      name: 'Token Desk Public Client (PKCE)',
      redirectUris: ['http://127.0.0.1/callback', 'http://[::1]/callback', 'http://localhost/callback']
    }
  ]
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1
  const contacts = options.contacts ?? DEFAULT_CONTACTS
  if (!Number.isInteger(contacts) || contacts < 1 || contacts > MAX_CONTACTS) {
    throw new Error(`contacts must be an integer from 1 to ${MAX_CONTACTS}, got ${contacts}`)
  }
  const now = options.clock ?? Date.now
  const registry = new TokenRegistry()
  const data = new Map<WorkspaceKey, WorkspaceData>()
  const workspaces: SandboxWorkspace[] = []
  for (const key of WORKSPACE_KEYS) {
    const ws = new WorkspaceData(seed, key, contacts, now)
    data.set(key, ws)
    const rng = createRng(hashSeed(seed, key, 'tokens'))
    const tokens = { standard: seededToken(rng), extended: seededToken(rng), revoked: seededToken(rng) }
    registry.add(tokens.standard, key, STANDARD_PERMISSION_IDS)
    registry.add(tokens.extended, key, ALL_PERMISSION_IDS)
    registry.add(tokens.revoked, key, ALL_PERMISSION_IDS, true)
    const admin = ws.admins[0] as (typeof ws.admins)[number]
    workspaces.push({
      key,
      region: ws.profile.region,
      appIdCode: ws.profile.appIdCode,
      appName: ws.profile.appName,
      admin: { id: admin.id, name: admin.name, email: admin.email },
      tokens,
      legacyKey: { appId: ws.profile.appIdCode, apiKey: rng.hex(40) }
    })
  }
  const clients = oauthClients(seed)
  const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, now)
  if (options.rateLimit) limiter.configure(options.rateLimit)
  const faults = new Faults(options.faults)
  const router = new Router({
    ...workspaceHandlers,
    ...contactHandlers,
    ...companyHandlers,
    ...tagHandlers,
    ...eventHandlers,
    ...conversationHandlers
  })
  const oauth = new OAuthServer(clients, workspaces, registry, now)

  const server = createServer(createRequestListener({ workspaces: data, registry, limiter, faults, oauth, router }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    workspaces,
    oauthClients: clients,
    setFaults: (f) => faults.set(f),
    setRateLimit: (r) => limiter.configure(r),
    dataSnapshot: () =>
      // userCounts is a cache of derived numbers, filled by reads; it is not data.
      JSON.stringify([...data.values()], (key, value: unknown) =>
        key === 'userCounts' ? undefined : value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value.values()] : value
      ),
    listening: () => server.listening,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve() // closed already: closing again is not an error
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
  }
}
