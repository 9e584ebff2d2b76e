// The whole sign-in against the embedded Intercom sandbox: consent page, decision, loopback
// redirect, code exchange, GET /me, and the workspace created from the result.
import https from 'node:https'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { MemoryVault } from '../vault/memory-vault'
import { VAULT_SERVICE } from '../vault/types'
import { WorkspaceRegistry } from '../workspaces/registry'
import { OAuthFlows, type FlowPhase } from './flows'
import { loopbackCertificate } from './loopback-certificate'
import { sandboxIntercomEndpoints } from './intercom'

let sandbox: Sandbox
let flows: OAuthFlows
let opened: string[]
let vault: MemoryVault

beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())
afterEach(() => {
  const status = flows.status()
  if (status && ['waiting', 'exchanging', 'verifying'].includes(status.phase)) flows.cancel(status.flowId)
})

function newFlows(): OAuthFlows {
  opened = []
  vault = new MemoryVault()
  return (flows = new OAuthFlows({ opener: { openExternal: async (url) => void opened.push(url) }, vault }))
}

const intercomRequest = (extra: object = {}) => {
  const client = sandbox.oauthClients[0]!
  return {
    kind: 'intercom' as const,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    sandbox: true,
    ...sandboxIntercomEndpoints(sandbox.url),
    ...extra
  }
}

/** Plays the user on the sandbox consent page; returns where the browser is sent next. */
async function consent(authorizeUrl: string, decision: 'authorize' | 'deny'): Promise<string> {
  const page = await (await fetch(authorizeUrl)).text()
  const nonce = /name="nonce" value="([^"]+)"/.exec(page)?.[1]
  expect(nonce, 'consent page has a nonce').toBeTruthy()
  const answer = await fetch(new URL('/oauth/decision', sandbox.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ nonce: nonce!, decision, workspace: 'us' })
  })
  expect(answer.status).toBe(303)
  return answer.headers.get('location')!
}

describe('OAuthFlows — Intercom sign-in against the sandbox', () => {
  it('signs in through the system browser and yields a verified token the registry can store', async () => {
    newFlows()
    const phases: FlowPhase[] = []
    flows.subscribe((s) => phases.push(s.phase))
    const { flowId, authorizeUrl, redirectUri } = await flows.start(intercomRequest())
    expect(opened).toEqual([authorizeUrl])
    const url = new URL(authorizeUrl)
    expect(url.origin + url.pathname).toBe(`${sandbox.url}/oauth`)
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri)
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(flows.status()).toMatchObject({ flowId, phase: 'waiting', browserOpened: true })

    const landing = await fetch(await consent(authorizeUrl, 'authorize'))
    expect(landing.status).toBe(200)
    const result = await flows.result(flowId)
    if (result.kind !== 'intercom') throw new Error('expected an Intercom result')
    const us = sandbox.workspaces.find((w) => w.key === 'us')!
    expect(result.identity).toMatchObject({ appIdCode: us.appIdCode, adminEmail: us.admin.email })
    expect(result.region).toBe(us.region)
    expect(phases).toEqual(['waiting', 'waiting', 'exchanging', 'verifying', 'done'])

    const registry = new WorkspaceRegistry({ store: new Map<string, unknown>(), vault, resolveApiBase: () => sandbox.url })
    const ws = await registry.addFromOAuth({ ...result, region: result.region })
    expect(ws).toMatchObject({ authKind: 'oauth', appIdCode: us.appIdCode, sandbox: true })
    expect(await vault.get(VAULT_SERVICE, `${ws.id}:token`)).toBe(result.accessToken)
  })

  it('ends with a clear message when the user denies access', async () => {
    newFlows()
    const { flowId, authorizeUrl } = await flows.start(intercomRequest())
    await fetch(await consent(authorizeUrl, 'deny'))
    await expect(flows.result(flowId)).rejects.toMatchObject({ code: 'oauth', message: expect.stringMatching(/denied/) })
    expect(flows.status()).toMatchObject({ phase: 'failed', error: { code: 'oauth' } })
  })

  it('runs one flow at a time', async () => {
    newFlows()
    const first = await flows.start(intercomRequest())
    await expect(flows.start(intercomRequest())).rejects.toMatchObject({ code: 'busy' })
    flows.cancel(first.flowId)
    await expect(flows.result(first.flowId)).rejects.toMatchObject({ code: 'cancelled' })
    expect(flows.status()?.phase).toBe('cancelled')
    const second = await flows.start(intercomRequest())
    expect(second.flowId).not.toBe(first.flowId)
  })

  it('accepts a pasted redirect URL (state checked) or a bare code', async () => {
    newFlows()
    const a = await flows.start(intercomRequest())
    const location = await consent(a.authorizeUrl, 'authorize')
    const forged = new URL(location)
    forged.searchParams.set('state', 'someone-elses-state')
    expect(() => flows.submitManualRedirect(a.flowId, forged.href)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    flows.submitManualRedirect(a.flowId, location)
    expect((await flows.result(a.flowId)).accessToken).toBeTruthy()

    const b = await flows.start(intercomRequest())
    const code = new URL(await consent(b.authorizeUrl, 'authorize')).searchParams.get('code')!
    flows.submitManualRedirect(b.flowId, ` ${code} `)
    expect((await flows.result(b.flowId)).kind).toBe('intercom')
  })

  it('reports a refused code exchange', async () => {
    newFlows()
    const { flowId } = await flows.start(intercomRequest({ clientSecret: 'wrong-secret' }))
    flows.submitManualRedirect(flowId, 'not-a-real-code')
    await expect(flows.result(flowId)).rejects.toMatchObject({ code: 'oauth', message: expect.stringMatching(/Unauthorized Code/) })
  })

  it('offers https://localhost/callback with the self-signed certificate', async () => {
    newFlows()
    const { flowId, authorizeUrl, redirectUri } = await flows.start(intercomRequest({ https: true }))
    expect(redirectUri).toMatch(/^https:\/\/localhost:\d+\/callback$/)
    const location = new URL(await consent(authorizeUrl, 'authorize'))
    const { cert } = await loopbackCertificate(vault) // the cached one the listener uses
    const status = await new Promise<number>((resolve, reject) =>
      https
        .get(
          {
            host: '127.0.0.1',
            port: Number(location.port),
            path: location.pathname + location.search,
            headers: { host: location.host },
            ca: cert,
            servername: 'localhost'
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        .on('error', reject)
    )
    expect(status).toBe(200)
    expect((await flows.result(flowId)).kind).toBe('intercom')
  })

  it('rejects an invalid request before listening', async () => {
    newFlows()
    await expect(
      flows.start({ kind: 'generic', authorizationUrl: 'http://example.com/auth', tokenUrl: 'https://example.com/token', clientId: 'x' })
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/authorizationUrl.*https/)
    })
    expect(flows.status()).toBeNull()
  })
})
