// Runs the Intercom sandbox on its own so it can be used with curl or any HTTP client.
//   tsx scripts/sandbox/serve.ts --port 4010 --contacts 10000 [--seed N] [--rate-limit N]
import { parseArgs } from 'node:util'
import { startSandbox } from '../../src/main/sandbox/index'

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got "${raw}"`)
    process.exit(2)
  }
  return n
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    contacts: { type: 'string' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  }
})

if (values.help) {
  console.log('Usage: tsx scripts/sandbox/serve.ts [--port 4010] [--contacts 200] [--seed 1] [--rate-limit 10000]')
  process.exit(0)
}

const rateLimit =
  values['rate-limit'] === undefined ? undefined : { perWindow: integer('rate-limit', values['rate-limit'], 10_000), windowSeconds: 10 }
const sandbox = await startSandbox({
  port: integer('port', values.port, 4010),
  contacts: integer('contacts', values.contacts, 200),
  seed: integer('seed', values.seed, 1),
  rateLimit
}).catch((error: unknown) => {
  console.error(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

const lines = [`Intercom sandbox listening on ${sandbox.url}`, '']
for (const ws of sandbox.workspaces) {
  lines.push(`${ws.appName} (${ws.region}, app id ${ws.appIdCode}) — admin ${ws.admin.name} <${ws.admin.email}>`)
  lines.push(`  standard token: ${ws.tokens.standard}`)
  lines.push(`  extended token: ${ws.tokens.extended}`)
  lines.push(`  revoked token:  ${ws.tokens.revoked}`)
  lines.push(`  legacy app_id:api_key (refused): ${ws.legacyKey.appId}:${ws.legacyKey.apiKey}`)
}
lines.push('', 'OAuth clients:')
for (const c of sandbox.oauthClients) {
  lines.push(`  ${c.name}: client_id ${c.clientId}${c.clientSecret ? `, client_secret ${c.clientSecret}` : ' (public, PKCE required)'}`)
  lines.push(`    redirect URIs (loopback: any port): ${c.redirectUris.join(', ')}`)
}
const us = sandbox.workspaces[0]!
const client = sandbox.oauthClients[0]!
lines.push(
  '',
  'Try:',
  `  curl -s ${sandbox.url}/me -H 'Authorization: Bearer ${us.tokens.extended}'`,
  `  curl -s '${sandbox.url}/contacts?per_page=2' -H 'Authorization: Bearer ${us.tokens.standard}' -H 'Intercom-Version: 2.16'`,
  `  curl -s ${sandbox.url}/contacts/search -H 'Authorization: Bearer ${us.tokens.standard}' -H 'Content-Type: application/json' \\`,
  `       -d '{"query":{"field":"role","operator":"=","value":"lead"},"pagination":{"per_page":5}}'`,
  `  curl -s ${sandbox.url}/admins -H 'Authorization: Bearer ${us.tokens.standard}'   # 403: standard tokens lack read_admins`,
  `  curl -s ${sandbox.url}/me -u '${us.tokens.extended}:'                             # Basic auth, token as username`,
  `  open '${sandbox.url}/oauth?client_id=${client.clientId}&state=xyz&redirect_uri=http://127.0.0.1:8765/callback'`,
  `  curl -s ${sandbox.url}/auth/eagle/token --data-urlencode code=CODE -d client_id=${client.clientId} -d client_secret=${client.clientSecret}`,
  '',
  'Press Ctrl+C to stop.'
)
console.log(lines.join('\n'))

const stop = () => {
  void sandbox.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
