// Composes the services both hosts run: the embedded sandbox, the workspace registry on the vault,
// the explorer, the library, OAuth, and one handler per contract call.
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { startSandbox, type Sandbox } from '../../sandbox'
import { AppError } from '../../../shared/errors'
import { REGION_HOSTS } from '../../../shared/model'
import { createDispatch, type Dispatch, type Handlers } from '../core/dispatch'
import { EventHub } from '../core/events'
import { systemClock } from '../ports'
import { WorkspaceRegistry } from '../workspaces'
import { OAuthFlows } from '../oauth'
import { SavedRequestStore } from '../library/saved-requests'
import { HistoryStore } from '../history/history'
import { WorkspaceSender } from '../requests/workspace-sender'
import { ensureSandboxWorkspaces, SandboxSeeder } from './sandbox-workspaces'
import type { AppContext, AppDeps } from './context'
import { ResponseDocuments, RecentResponses } from '../responses'
import { LendingLedger } from '../cli/ledger'
import { ScopeBook } from '../scopes/scope-book'
import { RequestRunner } from '../requests/runner'
import { PageJobs } from '../pagination/jobs'
import { PendingCredentials } from '../import/pending-credentials'
import { isCommandLineOnlyCall } from '../../../shared/contract/cli'
import { appHandlers } from './handlers/app'
import { workspacesHandlers } from './handlers/workspaces'
import { oauthHandlers } from './handlers/oauth'
import { requestsHandlers } from './handlers/requests'
import { responsesHandlers } from './handlers/responses'
import { paginationHandlers } from './handlers/pagination'
import { scopesHandlers } from './handlers/scopes'
import { libraryHandlers } from './handlers/library'
import { historyHandlers } from './handlers/history'
import { snippetsHandlers } from './handlers/snippets'
import { importHandlers } from './handlers/import'
import { draftsHandlers } from './handlers/drafts'
import { cliHandlers } from './handlers/cli'

export interface TokenDeskApp {
  /** For the renderer's doors (IPC, browser mode's HTTP): every call but the command line's own. */
  dispatch: Dispatch
  /** For the command line's door (the local endpoint, or the CLI's own process): every call. */
  localDispatch: Dispatch
  events: EventHub
  sandboxUrl: string | null
  /** The embedded sandbox this app started (tests change its faults). */
  sandbox: Sandbox | null
  dispose(): Promise<void>
}

export async function createApp(input: AppDeps): Promise<TokenDeskApp> {
  const deps = { ...input, clock: input.clock ?? systemClock }
  const { logger } = deps
  const events = new EventHub()
  let seeder: SandboxSeeder | null = null
  // Read lazily: stores report a corrupt file when they are first opened, after this point.
  // The secret store's notice travels as info.vault.notice: the page says it once, in plain words.
  const notices = () => [...(deps.notices ?? []), ...(seeder?.notice() ? [seeder.notice()!] : [])]

  const sandbox: Sandbox | null = deps.sandbox === false ? null : await startSandbox(deps.sandbox ?? {})
  // Only the sandbox this process started and still runs gets a sandbox workspace's credential.
  let sandboxLive = sandbox !== null
  const spoolDir = path.join(deps.userData, 'responses')
  // Spooled bodies belong to one run: a huge last response is never reloaded at start-up.
  await rm(spoolDir, { recursive: true, force: true })
  await mkdir(spoolDir, { recursive: true, mode: 0o700 })

  const settings = deps.createStore('settings')
  const registry = new WorkspaceRegistry({
    store: deps.createStore('workspaces'),
    vault: deps.vault,
    clock: deps.clock,
    logger,
    // Checked at each use: a sandbox whose server has stopped no longer owns its port.
    resolveApiBase: ({ region, sandbox: isSandbox }) =>
      isSandbox ? (sandboxLive && sandbox!.listening() ? sandbox!.url : null) : REGION_HOSTS[region],
    onChange: (workspaces) => events.emit('workspacesChanged', { workspaces, activeId: registry.active()?.id ?? null })
  })
  // A memory-only vault after a restart, or a lost keychain: say so before anything is sent.
  await registry.checkSecrets()
  if (sandbox) {
    const firstStart = deps.sandboxWorkspaces !== false && settings.get('sandboxSeeded') !== true
    seeder = new SandboxSeeder(
      () => ensureSandboxWorkspaces(registry, sandbox, firstStart, logger),
      () => {
        if (firstStart) settings.set('sandboxSeeded', true)
        // The page re-reads its notices on this event, so "could not be created yet" goes away.
        events.emit('workspacesChanged', { workspaces: registry.list(), activeId: registry.active()?.id ?? null })
      },
      deps.sandboxRetryMs
    )
    await seeder.start()
  }

  const sender = new WorkspaceSender(registry, spoolDir)
  const history = new HistoryStore({ root: path.join(deps.userData, 'history'), clock: deps.clock, logger })
  const documents = new ResponseDocuments(deps.spawnDocumentWorker)
  const responses = new RecentResponses(10)
  const scopes = new ScopeBook({ store: deps.createStore('scopes'), registry, sender, events, clock: deps.clock })
  const ctx: AppContext = {
    deps,
    events,
    registry,
    sender,
    saved: new SavedRequestStore({
      root: path.join(deps.userData, 'collections'),
      indexFile: path.join(deps.userData, 'library-index.json'),
      clock: deps.clock,
      logger
    }),
    history,
    sandbox,
    documents,
    responses,
    scopes,
    runner: new RequestRunner({ sender, registry, history, scopes, responses, documents, events, clock: deps.clock, logger }),
    pages: new PageJobs({ sender, scopes, events, clock: deps.clock }),
    pendingCredentials: new PendingCredentials(deps.clock),
    lending: new LendingLedger(deps.createStore('lending'), deps.clock, (workspaceId) => events.emit('lendingChanged', { workspaceId })),
    settings,
    workspaceId(id) {
      const resolved = id ?? registry.active()?.id
      if (!resolved) throw new AppError('invalid_input', 'Add or select a workspace first.')
      return resolved
    }
  }

  const flows = new OAuthFlows({ opener: deps.opener, vault: deps.vault, clock: deps.clock, logger, appAnswersBrowser: true })
  const { dispose: stopOAuthEvents, ...oauth } = oauthHandlers(ctx, flows)
  // One handler module per namespace (docs/ARCHITECTURE.md), each a thin layer over its services.
  const handlers: Handlers = {
    ...appHandlers(ctx, notices),
    ...workspacesHandlers(ctx),
    ...oauth,
    ...requestsHandlers(ctx),
    ...responsesHandlers(ctx),
    ...paginationHandlers(ctx),
    ...scopesHandlers(ctx),
    ...libraryHandlers(ctx),
    ...historyHandlers(ctx),
    ...snippetsHandlers(ctx),
    ...importHandlers(ctx),
    ...draftsHandlers(ctx),
    ...cliHandlers(ctx)
  }
  const localDispatch = createDispatch(handlers, logger)

  return {
    dispatch: async (name, input) =>
      isCommandLineOnlyCall(name)
        ? { ok: false, error: { code: 'forbidden_sender', message: 'Only the command line may make this call.' } }
        : localDispatch(name, input),
    localDispatch,
    events,
    sandboxUrl: sandbox?.url ?? null,
    sandbox,
    async dispose() {
      seeder?.stop()
      sandboxLive = false
      stopOAuthEvents()
      ctx.documents.closeAll()
      const status = flows.status()
      if (status && (status.phase === 'waiting' || status.phase === 'exchanging')) flows.cancel(status.flowId)
      await sandbox?.close()
      // Large responses are the user's data as received: kept for this run only, never left behind.
      await rm(spoolDir, { recursive: true, force: true })
    }
  }
}
