// A command with no Token Desk running for its data folder runs the services itself (browser
// mode's host: JSON stores, the OS keychain, the embedded sandbox) and serves the folder's endpoint
// meanwhile, so that other commands talk to it rather than open the files too.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { createApp, type TokenDeskApp } from '../main/services/app'
import { createLogger } from '../main/services/core/logger'
import { createNodeDependencies } from '../main/node/dependencies'
import { serveLocalEndpoint, type LocalEndpoint, type WriterLock } from '../main/node/local-endpoint'
import { deskOver, type Desk } from './desk'

/** Debug output only when asked for: a command's stdout and stderr belong to the user. */
const logger = createLogger((_level, line) => {
  if (process.env['TOKEN_DESK_DEBUG']) process.stderr.write(line + '\n')
})

/** The bundled CLI ships the document worker next to itself; from source it runs through tsx. */
function bundledWorker(): (() => Worker) | null {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'document-worker.mjs')
  return existsSync(file) ? () => new Worker(file) : null
}

export async function runOwnServices(lock: WriterLock): Promise<Desk> {
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
