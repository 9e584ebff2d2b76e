// How a `tokendesk` command reaches the services: through the Token Desk that writes the data
// folder (over its local endpoint), or, when none does, by running the same services as browser
// mode in this process for the length of the command. While it does, it holds the folder's writer
// lock and serves the same endpoint, so a second command talks to it instead of opening the files.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { CallInput, CallName, CallOutput } from '../shared/contract'
import type { AppErrorShape } from '../shared/errors'
import { createApp, type TokenDeskApp } from '../main/services/app'
import { createLogger } from '../main/services/core/logger'
import { createNodeDependencies } from '../main/node/dependencies'
import { connectLocalEndpoint, serveLocalEndpoint, tryAcquireWriter, type LocalEndpoint, type WriterLock } from '../main/node/local-endpoint'
import type { Dispatch } from '../main/services/core/dispatch'

export class CallFailed extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message)
  }
}

export interface Desk {
  /** 'app': a running Token Desk answers; 'own': this process runs the services. */
  readonly mode: 'app' | 'own'
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
  close(): Promise<void>
}

/** Debug output only when asked for: a command's stdout and stderr belong to the user. */
const logger = createLogger((level, line) => {
  if (process.env['TOKEN_DESK_DEBUG']) process.stderr.write(line + '\n')
})

function deskOver(mode: Desk['mode'], dispatch: Dispatch, close: () => Promise<void>): Desk {
  return {
    mode,
    async call(name, input) {
      const result = await dispatch(name, input)
      if (!result.ok) throw new CallFailed(result.error)
      return result.value as never
    },
    close
  }
}

/** The bundled CLI ships the document worker next to itself; from source it runs through tsx. */
function bundledWorker(): (() => Worker) | null {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'document-worker.mjs')
  return existsSync(file) ? () => new Worker(file) : null
}

async function runOwnServices(lock: WriterLock): Promise<Desk> {
  let app: TokenDeskApp | null = null
  let endpoint: LocalEndpoint | null = null
  try {
    const deps = await createNodeDependencies({ userData: lock.userData, logger })
    app = await createApp({ ...deps, spawnDocumentWorker: bundledWorker() ?? deps.spawnDocumentWorker, host: 'web' })
    endpoint = await serveLocalEndpoint(lock, app.localDispatch)
  } catch (error) {
    await app?.dispose()
    lock.release()
    throw error
  }
  const running = app
  const served = endpoint
  return deskOver('own', running.localDispatch, async () => {
    // Commands that came to this one for the folder finish before it lets go.
    await served.close({ drain: true })
    await running.dispose()
    lock.release()
  })
}

/** Connects to the folder's writer, or becomes it; waits while another process is starting up. */
export async function openDesk(userData: string, timeoutMs = 120_000): Promise<Desk> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = await connectLocalEndpoint(userData)
    if (client) return deskOver('app', client.call, async () => client.close())
    const lock = tryAcquireWriter(userData, 'cli')
    if (lock) return runOwnServices(lock)
    if (Date.now() > deadline) throw new Error(`Another process keeps the data folder ${userData} busy; try again.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
