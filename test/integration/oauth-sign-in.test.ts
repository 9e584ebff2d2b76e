// Sign-in as the app runs it: the browser tab learns the outcome only after the app accepted the
// result, a workspace already present is offered a verified replacement of its credential, and each
// OAuth client keeps one loopback port so its registered redirect URL keeps working.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'
import { JsonFileStore } from '../../src/main/services/store'
import type { OAuthFlowState } from '../../src/shared/contract/oauth'
import { EMBEDDED_SANDBOX } from '../../src/main/services/workspaces/registry'

let app: TokenDeskApp | null = null
let dir = ''
afterEach(async () => {
  await app?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function start(sandboxWorkspaces: boolean) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-oauth-'))
  app = await createApp(
    testAppDeps(dir, {
      sandboxWorkspaces
    })
  )
  return app
}

async function call<T>(name: string, input?: unknown): Promise<T> {
  const result = await app!.dispatch(name, input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

async function signIn(): Promise<OAuthFlowState> {
  const client = (await call<{ sandboxOAuth: { clientId: string; clientSecret: string } }>('app.info')).sandboxOAuth
  return call<OAuthFlowState>('oauth.start', { kind: 'intercom', sandbox: true, ...client })
}

/** Plays the user on the sandbox consent page and follows the redirect to the loopback listener. */
async function consent(authorizeUrl: string): Promise<{ text: Promise<string>; settled: () => boolean }> {
  const page = await (await fetch(authorizeUrl)).text()
  const nonce = /name="nonce" value="([^"]+)"/.exec(page)![1]!
  const decision = await fetch(new URL('/oauth/decision', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ nonce, decision: 'authorize', workspace: 'us' })
  })
  let settled = false
  const text = fetch(decision.headers.get('location')!).then(async (r) => {
    const body = await r.text()
    settled = true
    return body
  })
  return { text, settled: () => settled }
}

const flowState = (flowId: string) => call<OAuthFlowState>('oauth.status', { flowId })

it('tells the browser "Signed in" only once the workspace exists', async () => {
  await start(false)
  const flow = await signIn()
  const landing = await consent(flow.authorizeUrl)
  const page = await landing.text
  expect(page).toContain('Signed in')
  // By the time the tab reads "Signed in", the app holds the workspace.
  const { workspaces } = await call<{ workspaces: Array<{ authKind: string }> }>('workspaces.list')
  expect(workspaces).toEqual([expect.objectContaining({ authKind: 'oauth' })])
})

it('offers to replace the credential of a workspace already present, and never tells the tab it signed in before that', async () => {
  await start(true)
  const { workspaces } = await call<{ workspaces: Array<{ id: string; name: string; authKind: string }> }>('workspaces.list')
  const us = workspaces.find((w) => w.name === 'Sandbox US')!
  const flow = await signIn()
  const landing = await consent(flow.authorizeUrl)
  const page = await landing.text
  expect(page).not.toContain('Signed in')
  expect(page).toContain('already in Token Desk')
  await vi.waitFor(async () => expect((await flowState(flow.flowId)).status).toBe('failed'))
  expect(await flowState(flow.flowId)).toMatchObject({ replaceableWorkspaceId: us.id, message: expect.stringContaining('already added') })

  const replaced = await call<OAuthFlowState>('oauth.replace', { flowId: flow.flowId })
  expect(replaced).toMatchObject({ status: 'done', workspaceId: us.id, replaceableWorkspaceId: null })
  const after = await call<{ workspaces: Array<{ id: string; authKind: string }> }>('workspaces.list')
  expect(after.workspaces).toHaveLength(2)
  expect(after.workspaces.find((w) => w.id === us.id)).toMatchObject({ authKind: 'oauth' })
  const me = await call<{ status: number }>('requests.send', { requestId: 'me', workspaceId: us.id, draft: { method: 'GET', path: '/me' } })
  expect(me.status).toBe(200)
})

it('keeps one loopback port per OAuth client, and says so clearly when another program holds it', async () => {
  await start(false)
  const first = await signIn()
  const port = new URL(first.redirectUri).port
  await call('oauth.cancel', { flowId: first.flowId })
  const second = await signIn()
  expect(new URL(second.redirectUri).port).toBe(port)
  await call('oauth.cancel', { flowId: second.flowId })
  // Survives a restart: the port is stored with the settings.
  expect(new JsonFileStore({ cwd: dir, name: 'settings' }).get('oauthPorts')).toEqual({
    [`intercom:loopback-http:${(await call<{ sandboxOAuth: { clientId: string } }>('app.info')).sandboxOAuth.clientId}`]: Number(port)
  })

  const squatter = createServer()
  await new Promise<void>((resolve) => squatter.listen(Number(port), '127.0.0.1', resolve))
  try {
    await expect(signIn()).rejects.toMatchObject({ code: 'busy', message: expect.stringContaining('registered redirect URL') })
  } finally {
    await new Promise((resolve) => squatter.close(resolve))
  }
})

it('a generic sign-in whose API is the embedded sandbox follows the sandbox, never its port of the day', async () => {
  await start(false)
  const sandbox = app!.sandbox!
  const client = sandbox.oauthClients.find((c) => !c.clientSecret)!
  const flow = await call<OAuthFlowState>('oauth.start', {
    kind: 'generic',
    clientId: client.clientId,
    authorizationUrl: `${sandbox.url}/oauth`,
    tokenUrl: `${sandbox.url}/auth/eagle/token`,
    apiBaseUrl: `${sandbox.url}/`
  })
  await (
    await consent(flow.authorizeUrl)
  ).text
  await vi.waitFor(async () => expect((await flowState(flow.flowId)).status).toBe('done'))
  const { workspaces } = await call<{ workspaces: Array<{ id: string; sandbox: boolean }> }>('workspaces.list')
  expect(workspaces).toEqual([expect.objectContaining({ sandbox: true })])
  // What is stored is "the embedded sandbox", not this run's port.
  const stored = new JsonFileStore({ cwd: dir, name: 'workspaces' }).get('workspaces') as Array<{ apiBase: string }>
  expect(stored.map((w) => w.apiBase)).toEqual([EMBEDDED_SANDBOX])
})
