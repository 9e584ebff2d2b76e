// Browser mode entry: `npm run web`. The same services as the desktop app, with Node-backed
// dependencies (conf files, the OS keychain), served to the system browser over HTTP.
import path from 'node:path'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createApp } from '../services/app'
import { createLogger } from '../services/core/logger'
import { startWebServer } from './server'
import { createNodeDependencies } from '../node/dependencies'
import type { SandboxOptions } from '../sandbox'
import { acquireWriter, serveLocalEndpoint } from '../node/local-endpoint'
import { nodeLauncherCommand } from '../services/cli/launcher'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string' },
    'no-sandbox-workspaces': { type: 'boolean', default: false },
    /** JSON SandboxOptions for demos and tests, e.g. '{"contacts":20000,"faults":{"latencyMs":200}}'. */
    'sandbox-options': { type: 'string' },
    'print-json': { type: 'boolean', default: false }
  }
})

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const rendererRoot = path.join(repoRoot, 'out/renderer')
if (!existsSync(path.join(rendererRoot, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build` first (npm run web does this for you).')
  process.exit(1)
}

const logger = createLogger()
const userData = path.resolve(
  values['user-data'] ?? process.env['TOKEN_DESK_USER_DATA'] ?? path.join(os.homedir(), '.config', 'token-desk-web')
)
// One writer per data folder: a `tokendesk` command working on it finishes first.
const lock = await acquireWriter(userData, 'app', {
  onWait: (holder) => {
    if (holder.kind === 'app') {
      console.error(`Token Desk is already running for ${userData} (process ${holder.pid}).`)
      process.exit(1)
    }
    console.error(`Waiting for the tokendesk command (process ${holder.pid}) to finish with ${userData}…`)
  }
})
const deps = await createNodeDependencies({ userData, logger })
let sandbox: SandboxOptions = {}
try {
  sandbox = values['sandbox-options'] ? (JSON.parse(values['sandbox-options']) as SandboxOptions) : {}
} catch {
  console.error('--sandbox-options must be JSON, e.g. \'{"contacts":20000}\'.')
  process.exit(2)
}
const desk = await createApp({
  ...deps,
  host: 'web',
  sandbox,
  sandboxWorkspaces: !values['no-sandbox-workspaces'],
  // "Install command line tool" here installs the checkout's own `tokendesk`, run by this Node.
  cliLauncher: nodeLauncherCommand(process.execPath, repoRoot)
})
const server = await startWebServer({ dispatch: desk.dispatch, events: desk.events, rendererRoot, port: Number(values.port) })
// The command line's door: `tokendesk` talks to this run instead of opening the files itself.
const endpoint = await serveLocalEndpoint(lock, desk.localDispatch)

if (values['print-json']) {
  console.log(JSON.stringify({ url: server.url, origin: server.origin, sandboxUrl: desk.sandboxUrl }))
} else {
  console.log(`Token Desk is running in browser mode. Open this URL (it carries this run's secret):\n\n  ${server.url}\n`)
  console.log(`Data: ${userData}\nSecrets: ${deps.vault.backend.label}\nStop with Ctrl+C.`)
}

const stop = async () => {
  await server.close()
  await endpoint.close()
  await desk.dispose()
  lock.release()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
