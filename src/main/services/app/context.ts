// What the desktop host and browser mode hand to the services, and what the services share.
import type { SandboxOptions, Sandbox } from '../../sandbox'
import type { SecretClipboard } from '../core/clipboard'
import type { EventHub } from '../core/events'
import type { Clock, KeyValueStore, Logger, Opener } from '../ports'
import type { SecretVault } from '../vault'
import type { WorkspaceRegistry } from '../workspaces'
import type { SavedRequestStore } from '../library/saved-requests'
import type { HistoryStore } from '../history/history'
import type { RequestRunner } from '../requests/runner'
import type { PageJobs } from '../pagination/jobs'
import type { ScopeBook } from '../scopes/scope-book'
import type { PendingCredentials } from '../import/pending-credentials'
import type { WorkspaceSender } from '../requests/workspace-sender'
import type { RecentResponses, ResponseDocuments, SpawnDocumentWorker } from '../responses'
import type { LendingLedger } from '../cli/ledger'

export interface AppDeps {
  host: 'electron' | 'web'
  version: string
  platform: string
  /** Root of everything the app writes. */
  userData: string
  createStore: (name: string) => KeyValueStore
  vault: SecretVault
  opener: Opener
  /** Main-side clipboard (desktop). Browser mode has none: copy calls return the text instead. */
  clipboard: SecretClipboard | null
  logger: Logger
  clock?: Clock
  /** The embedded sandbox: options, or false to run without it. */
  sandbox?: SandboxOptions | false
  /** Create the two sandbox workspaces on first start (default true). */
  sandboxWorkspaces?: boolean
  /** Pauses between attempts to create the sandbox workspaces when the sandbox fails (tests shorten them). */
  sandboxRetryMs?: { first: number; max: number }
  /** One-time notices found while starting (a store file set aside, ...). */
  notices?: string[]
  /** Starts a worker thread that formats large response bodies (see services/responses). */
  spawnDocumentWorker: SpawnDocumentWorker
  /**
   * The command the installed `tokendesk` launcher runs (services/cli/launcher.ts): the packaged app
   * with its marker, or Node with the repository's bin/tokendesk.mjs. Absent: nothing to install.
   */
  cliLauncher?: readonly string[]
  /** The desktop host on Linux without a keyring offers basic_text storage on explicit opt-in. */
  weakStorage?: { offered: boolean; enabled: boolean; set(allow: boolean): void }
}

export interface AppContext {
  deps: AppDeps & { clock: Clock }
  events: EventHub
  registry: WorkspaceRegistry
  sender: WorkspaceSender
  saved: SavedRequestStore
  history: HistoryStore
  sandbox: Sandbox | null
  /** Large response bodies, formatted in worker threads. */
  documents: ResponseDocuments
  /** The last few response bodies, for the viewer to read in pieces. */
  responses: RecentResponses
  /** What each workspace's token may do (Intercom's permission scopes). */
  scopes: ScopeBook
  /** Sends the user's requests and records them. */
  runner: RequestRunner
  /** "Fetch all pages" jobs and their collected items. */
  pages: PageJobs
  /** Credentials found in pasted curl commands, waiting for the user's decision. */
  pendingCredentials: PendingCredentials
  /** "Lend to the command line" permissions and the record of lends. */
  lending: LendingLedger
  /** App settings (sandbox seeded, OAuth loopback ports, dismissed notices). */
  settings: KeyValueStore
  /** The active workspace's id, or a clear error. */
  workspaceId(id?: string): string
}

/** How long a copied secret stays on the clipboard. */
export const CLIPBOARD_CLEAR_MS = 60_000
