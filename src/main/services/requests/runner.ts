// Runs the requests the user sends: one at a time per id (so it can be cancelled), each answer
// recorded in history, taught to the scope book and kept for the response viewer.
import { AppError, isAppError } from '../../../shared/errors'
import type { ResponseSummary } from '../../../shared/contract/requests'
import { operationFor } from '../../../shared/intercom/operation-for'
import { isJsonContentType } from '../../../shared/json-document/content-type'
import type { RequestDraft } from '../../../shared/model'
import type { EventHub } from '../core/events'
import type { HistoryStore } from '../history/history'
import type { Clock, Logger } from '../ports'
import type { RecentResponses, ResponseDocuments } from '../responses'
import type { ScopeBook } from '../scopes/scope-book'
import type { WorkspaceRegistry } from '../workspaces'
import { summarize } from './summary'
import type { WorkspaceSender } from './workspace-sender'

export interface RunnerDeps {
  sender: WorkspaceSender
  registry: WorkspaceRegistry
  history: HistoryStore
  scopes: ScopeBook
  responses: RecentResponses
  documents: ResponseDocuments
  events: EventHub
  clock: Clock
  logger: Logger
}

export class RequestRunner {
  readonly #inFlight = new Map<string, AbortController>()
  // The real Authorization of the last few sends, for the "As sent" view's Reveal; never logged.
  readonly #sentAuthorization = new Map<string, string>()
  constructor(private readonly deps: RunnerDeps) {}

  /** Cancels a running request; false when none runs under that id. */
  cancel(requestId: string): boolean {
    const controller = this.#inFlight.get(requestId)
    controller?.abort()
    return !!controller
  }

  /** The Authorization header a recent send carried, or null once it has aged out (ten sends). */
  revealAuthorization(requestId: string): string | null {
    return this.#sentAuthorization.get(requestId) ?? null
  }

  async send(requestId: string, workspaceId: string, draft: RequestDraft): Promise<ResponseSummary> {
    if (this.#inFlight.has(requestId)) throw new AppError('busy', `Request ${requestId} is already running.`)
    const controller = new AbortController()
    this.#inFlight.set(requestId, controller)
    try {
      return await this.#run(requestId, workspaceId, draft, controller.signal)
    } finally {
      this.#inFlight.delete(requestId)
    }
  }

  async #run(requestId: string, id: string, draft: RequestDraft, signal: AbortSignal): Promise<ResponseSummary> {
    const { sender, history, events, clock, logger } = this.deps
    const started = clock.now()
    try {
      const { prepared, response, secrets } = await sender.send(id, draft, { signal })
      this.deps.responses.add(requestId, response.body)
      this.#remember(requestId, prepared.headers)
      await history
        .record(
          {
            workspaceId: id,
            draft,
            sentAt: started,
            status: response.status,
            timing: { totalMs: response.timing.totalMs, ttfbMs: response.timing.ttfbMs },
            contentType: response.contentType,
            responseBody: response.body.kind === 'inline' ? response.body.text : null,
            bytes: response.bytes
          },
          { knownSecrets: secrets }
        )
        .then(() => events.emit('historyChanged', { workspaceId: id }))
        .catch((e: unknown) => logger.warn('history was not recorded', { error: isAppError(e) ? e.message : String(e) }))
      // Every answer teaches what this token may do (the inspector and the badge follow it).
      await this.deps.scopes.learn(id, draft, response)
      const legacyKey = draft.authMode === 'legacy' && this.deps.registry.get(id).authKind === 'legacy_api_key'
      const summary = summarize(requestId, prepared, response, operationFor(draft), legacyKey)
      // The page will ask main to format this body: start now, while the summary travels.
      if (summary.bodyOnDisk)
        void this.deps.documents.open(requestId, response.body, isJsonContentType(response.contentType)).catch(() => undefined)
      return summary
    } catch (error) {
      // Failed sends are history too (no secrets: the draft never holds one).
      if (isAppError(error) && error.code !== 'invalid_input') {
        await history
          .record({
            workspaceId: id,
            draft,
            sentAt: started,
            status: null,
            error: error.message,
            timing: { totalMs: clock.now() - started }
          })
          .then(() => events.emit('historyChanged', { workspaceId: id }))
          .catch(() => undefined)
      }
      throw error
    }
  }

  #remember(requestId: string, headers: readonly (readonly [string, string])[]): void {
    const authorization = headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1]
    if (!authorization) return
    this.#sentAuthorization.set(requestId, authorization)
    while (this.#sentAuthorization.size > 10) this.#sentAuthorization.delete(this.#sentAuthorization.keys().next().value!)
  }
}
