// What is known of each workspace's permissions: kept per workspace, fed by inspections and by the
// answer to every request the user sends, so the inspector and the composer's badge never
// contradict a response on screen. Knowledge belongs to the credential it was learned with: a
// workspace given another token starts with nothing known; the same token entered again keeps it.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { ScopeResult, type ScopeReport } from '../../../shared/contract/scopes'
import type { RequestDraft } from '../../../shared/model'
import { operationFor } from '../../../shared/intercom/operation-for'
import { pathOnly } from '../../../shared/intercom/catalog'
import type { EventHub } from '../core/events'
import type { Clock, KeyValueStore } from '../ports'
import type { ExecutedResponse } from '../requests/executor'
import type { WorkspaceSender } from '../requests/workspace-sender'
import type { WorkspaceRegistry } from '../workspaces'
import { learnFromAnswer, mergeFindings, type Finding } from './findings'
import { plannedWriteProbes, probeScopes } from './probe'
import { verdictFor } from './verdict'

const Stored = z.object({
  checkedAt: z.string().nullable(),
  results: z.array(ScopeResult),
  /** Which credential this was learned with (see `fingerprint`); absent in older reports. */
  credential: z.string().optional()
})
type Stored = z.infer<typeof Stored>

export interface ScopeBookDeps {
  /** One report per workspace id. */
  store: KeyValueStore
  registry: WorkspaceRegistry
  sender: WorkspaceSender
  events: EventHub
  clock: Clock
}

export class ScopeBook {
  /** Each workspace's fingerprint, with the moment its credential was set (it is read again after a change). */
  readonly #fingerprints = new Map<string, { setAt: string; fingerprint: string }>()

  constructor(private readonly ctx: ScopeBookDeps) {}

  /**
   * A short one-way fingerprint of the workspace's current credential (12 hex digits of a SHA-256:
   * nothing of the token can be read back from it). null when the secret cannot be read now.
   */
  private async fingerprint(workspaceId: string): Promise<string | null> {
    let setAt: string
    try {
      const w = this.ctx.registry.get(workspaceId)
      setAt = `${w.authKind} ${w.verifiedAt ?? ''}`
    } catch {
      return null
    }
    const cached = this.#fingerprints.get(workspaceId)
    if (cached?.setAt === setAt) return cached.fingerprint
    try {
      const { auth } = await this.ctx.registry.credentialFor(workspaceId)
      const fingerprint = createHash('sha256')
        .update(`token-desk scopes\0${JSON.stringify(auth)}`)
        .digest('hex')
        .slice(0, 12)
      this.#fingerprints.set(workspaceId, { setAt, fingerprint })
      return fingerprint
    } catch {
      return null
    }
  }

  /** What is known of the credential with this fingerprint (null: cannot tell, so whatever is stored). */
  private stored(workspaceId: string, fingerprint: string | null): Stored | null {
    // Reports written by older versions (another shape) are read as "nothing known yet".
    const parsed = Stored.safeParse(this.ctx.store.get(workspaceId))
    if (!parsed.success) return null
    // What another token could do says nothing of this one.
    const { credential } = parsed.data
    return credential === undefined || fingerprint === null || credential === fingerprint ? parsed.data : null
  }

  private oauth(workspaceId: string): boolean {
    try {
      return this.ctx.registry.get(workspaceId).authKind === 'oauth'
    } catch {
      return false
    }
  }

  private report(workspaceId: string, { checkedAt, results }: Stored): ScopeReport {
    return { workspaceId, checkedAt, results, verdict: verdictFor(results, { oauth: this.oauth(workspaceId) }) }
  }

  private save(workspaceId: string, fingerprint: string | null, stored: Stored): ScopeReport {
    this.ctx.store.set(workspaceId, { ...stored, credential: fingerprint ?? undefined })
    this.ctx.events.emit('scopesChanged', { workspaceId })
    return this.report(workspaceId, stored)
  }

  /** Drops what is known of a workspace (it was removed). */
  forget(workspaceId: string): void {
    this.ctx.store.delete(workspaceId)
    this.#fingerprints.delete(workspaceId)
  }

  async get(workspaceId: string): Promise<ScopeReport | null> {
    const stored = this.stored(workspaceId, await this.fingerprint(workspaceId))
    return stored ? this.report(workspaceId, stored) : null
  }

  /** Learns from the answer to a request the user sent; returns what it learned. */
  async learn(workspaceId: string, draft: RequestDraft, response: Pick<ExecutedResponse, 'status' | 'intercomErrors'>): Promise<Finding[]> {
    const op = operationFor(draft)
    const query = Object.fromEntries(draft.query.filter((q) => q.enabled).map((q) => [q.name, q.value]))
    const path = Object.entries(draft.pathParams).reduce((p, [name, value]) => p.replaceAll(`{${name}}`, value), pathOnly(draft.path))
    const at = new Date(this.ctx.clock.now()).toISOString()
    const fresh = learnFromAnswer(op, { method: draft.method, path, query }, response, { oauth: this.oauth(workspaceId), at })
    if (fresh.length === 0) return fresh
    const fingerprint = await this.fingerprint(workspaceId)
    // Read and write with no await between, so answers arriving together all count.
    const known = this.stored(workspaceId, fingerprint)
    this.save(workspaceId, fingerprint, { checkedAt: known?.checkedAt ?? null, results: mergeFindings(known?.results ?? [], fresh) })
    return fresh
  }

  async inspect(workspaceId: string, writes: boolean): Promise<ScopeReport> {
    // The credential the probes are sent with: a token replaced meanwhile does not inherit them.
    const fingerprint = await this.fingerprint(workspaceId)
    const outcome = await probeScopes({
      clock: this.ctx.clock,
      writes,
      send: async (draft) => {
        const { response } = await this.ctx.sender.send(workspaceId, draft)
        return { ...response, bodyText: response.body.kind === 'inline' ? response.body.text : null }
      }
    })
    const known = this.stored(workspaceId, fingerprint)
    // A refused token makes everything unknown; otherwise an unknown never erases what was known.
    const results = outcome.fatal ? outcome.results : mergeFindings(known?.results ?? [], outcome.results)
    return this.save(workspaceId, fingerprint, { checkedAt: outcome.checkedAt, results })
  }

  plan(): ReturnType<typeof plannedWriteProbes> {
    return plannedWriteProbes(this.ctx.clock.now())
  }
}
