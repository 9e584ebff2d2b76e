// What is known of each workspace's permissions: kept per workspace, fed by inspections and by the
// answer to every request the user sends, so the inspector and the composer's badge never
// contradict a response on screen. Knowledge belongs to the credential it was learned with: once
// the workspace's token is rotated, re-entered or replaced, it is read as nothing known yet.
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
  /** Which credential this was learned with (see `credentialOf`); absent in older reports. */
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
  constructor(private readonly ctx: ScopeBookDeps) {}

  private stored(workspaceId: string): Stored | null {
    // Reports written by older versions (another shape) are read as "nothing known yet".
    const parsed = Stored.safeParse(this.ctx.store.get(workspaceId))
    if (!parsed.success) return null
    // What another credential could do says nothing of this one.
    const { credential } = parsed.data
    return credential === undefined || credential === this.credentialOf(workspaceId) ? parsed.data : null
  }

  /**
   * Names the workspace's current credential without holding any of it: the kind, the masked
   * preview the workspace list already shows, and when it was verified (set at every change).
   */
  private credentialOf(workspaceId: string): string | undefined {
    try {
      const w = this.ctx.registry.get(workspaceId)
      return `${w.authKind} ${w.tokenPreview} ${w.verifiedAt ?? ''}`
    } catch {
      return undefined
    }
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

  private save(workspaceId: string, stored: Stored): ScopeReport {
    this.ctx.store.set(workspaceId, { ...stored, credential: this.credentialOf(workspaceId) })
    this.ctx.events.emit('scopesChanged', { workspaceId })
    return this.report(workspaceId, stored)
  }

  /** Drops what is known of a workspace (it was removed). */
  forget(workspaceId: string): void {
    this.ctx.store.delete(workspaceId)
  }

  get(workspaceId: string): ScopeReport | null {
    const stored = this.stored(workspaceId)
    return stored ? this.report(workspaceId, stored) : null
  }

  /** Learns from the answer to a request the user sent; returns what it learned. */
  learn(workspaceId: string, draft: RequestDraft, response: Pick<ExecutedResponse, 'status' | 'intercomErrors'>): Finding[] {
    const op = operationFor(draft)
    const query = Object.fromEntries(draft.query.filter((q) => q.enabled).map((q) => [q.name, q.value]))
    const path = Object.entries(draft.pathParams).reduce((p, [name, value]) => p.replaceAll(`{${name}}`, value), pathOnly(draft.path))
    const at = new Date(this.ctx.clock.now()).toISOString()
    const fresh = learnFromAnswer(op, { method: draft.method, path, query }, response, { oauth: this.oauth(workspaceId), at })
    if (fresh.length === 0) return fresh
    const known = this.stored(workspaceId)
    this.save(workspaceId, { checkedAt: known?.checkedAt ?? null, results: mergeFindings(known?.results ?? [], fresh) })
    return fresh
  }

  async inspect(workspaceId: string, writes: boolean): Promise<ScopeReport> {
    const outcome = await probeScopes({
      clock: this.ctx.clock,
      writes,
      send: async (draft) => {
        const { response } = await this.ctx.sender.send(workspaceId, draft)
        return { ...response, bodyText: response.body.kind === 'inline' ? response.body.text : null }
      }
    })
    const known = this.stored(workspaceId)
    // A refused token makes everything unknown; otherwise an unknown never erases what was known.
    const results = outcome.fatal ? outcome.results : mergeFindings(known?.results ?? [], outcome.results)
    return this.save(workspaceId, { checkedAt: outcome.checkedAt, results })
  }

  plan(): ReturnType<typeof plannedWriteProbes> {
    return plannedWriteProbes(this.ctx.clock.now())
  }
}
