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
const deps = await createNodeDependencies({ userData, logger })
let sandbox: SandboxOptions = {}
try {
  sandbox = values['sandbox-options'] ? (JSON.parse(values['sandbox-options']) as SandboxOptions) : {}
} catch {
  console.error('--sandbox-options must be JSON, e.g. \'{"contacts":20000}\'.')
  process.exit(2)
}
const desk = await createApp({ ...deps, host: 'web', sandbox, sandboxWorkspaces: !values['no-sandbox-workspaces'] })
const server = await startWebServer({ dispatch: desk.dispatch, events: desk.events, rendererRoot, port: Number(values.port) })

if (values['print-json']) {
  console.log(JSON.stringify({ url: server.url, origin: server.origin, sandboxUrl: desk.sandboxUrl }))
} else {
  console.log(`Token Desk is running in browser mode. Open this URL (it carries this run's secret):\n\n  ${server.url}\n`)
  console.log(`Data: ${userData}\nSecrets: ${deps.vault.backend.label}\nStop with Ctrl+C.`)
}

const stop = async () => {
  await server.close()
  await desk.dispose()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
