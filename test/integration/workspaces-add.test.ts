// What people paste when adding a workspace, and the words they get back: a "Bearer " prefix is
// dropped, an app_id:api_key pair points to the legacy tab, the app's own sandbox tokens are
// recognised (and offered), and no message names an internal call.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'
import { startSandbox } from '../../src/main/sandbox'
import { cleanPastedToken, looksLikeLegacyPair } from '../../src/shared/pasted-token'

let app: TokenDeskApp
let dir = ''
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-add-'))
  app = await createApp(
    testAppDeps(dir, {
      sandboxWorkspaces: false
    })
  )
})
afterAll(async () => {
  await app.dispose()
  rmSync(dir, { recursive: true, force: true })
})

type Ws = { id: string; sandbox: boolean; tokenPreview: string; name: string }
const tokens = () => Object.fromEntries(app.sandbox!.workspaces.map((w) => [w.key, w.tokens]))
const removeAll = async () => {
  const list = await app.dispatch('workspaces.list', undefined)
  if (list.ok) for (const w of (list.value as { workspaces: Ws[] }).workspaces) await app.dispatch('workspaces.remove', { id: w.id })
}

describe('pasted tokens', () => {
  it('reads the paste the same way in both doors: scheme word and whitespace dropped, a legacy pair recognised', () => {
    expect(cleanPastedToken('  Bearer abc.def-123  ')).toEqual({ token: 'abc.def-123', note: expect.stringContaining('Bearer') })
    expect(cleanPastedToken('Authorization: bearer\tabc')).toMatchObject({ token: 'abc' })
    expect(cleanPastedToken('dG9rOmFiYw==')).toEqual({ token: 'dG9rOmFiYw==', note: null })
    expect(looksLikeLegacyPair('abcd1234:0123456789abcdef0123456789abcdef01234567')).toBe(true)
    expect(looksLikeLegacyPair('dG9rOmFiYw==')).toBe(false)
  })

  it('accepts "Bearer <token>" and stores only the token', async () => {
    const token = tokens()['us']!.standard
    const result = await app.dispatch('workspaces.addByToken', { token: `  Bearer ${token}\n`, region: 'US', sandbox: true })
    expect(result).toMatchObject({ ok: true, value: { tokenPreview: `${token.slice(0, 4)}…${token.slice(-4)}` } })
    const id = (result as { value: Ws }).value.id
    expect(await app.dispatch('workspaces.reveal', { id })).toEqual({ ok: true, value: { token } })
    await removeAll()
  })

  it('explains a token with spaces in plain words, without naming an internal call', async () => {
    const result = await app.dispatch('workspaces.addByToken', { token: 'abc def ghijkl', region: 'US' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('without the word Bearer') }
    })
    expect(JSON.stringify(result)).not.toMatch(/workspaces\.|addByToken/)
  })

  it('points an app_id:api_key pair to the legacy tab', async () => {
    const { legacyKey } = app.sandbox!.workspaces[0]!
    const result = await app.dispatch('workspaces.addByToken', { token: `${legacyKey.appId}:${legacyKey.apiKey}`, region: 'US' })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('Legacy API key') } })
  })

  it('recognises a token of the embedded sandbox added without ticking "Embedded sandbox token"', async () => {
    const result = await app.dispatch('workspaces.addByToken', { token: tokens()['eu']!.standard, region: 'EU' })
    expect(result).toMatchObject({ ok: true, value: { sandbox: true, region: 'EU' } })
    const sent = await app.dispatch('requests.send', {
      requestId: 'eu-me',
      workspaceId: (result as { value: Ws }).value.id,
      draft: { method: 'GET', path: '/me' }
    })
    expect(sent).toMatchObject({ ok: true, value: { status: 200 } })
    await removeAll()
  })

  it('recognises the embedded sandbox’s own key pair added without ticking "Embedded sandbox key"', async () => {
    const { legacyKey } = app.sandbox!.workspaces[1]!
    const result = await app.dispatch('workspaces.addLegacy', {
      appId: legacyKey.appId,
      apiKey: legacyKey.apiKey,
      region: 'EU',
      name: 'Old'
    })
    expect(result).toMatchObject({ ok: true, value: { sandbox: true } })
    // It reaches the sandbox (which answers a retired pair with 401), not api.eu.intercom.io.
    const sent = await app.dispatch('requests.send', {
      requestId: 'legacy-me',
      workspaceId: (result as { value: Ws }).value.id,
      draft: { method: 'GET', path: '/me', authMode: 'legacy' }
    })
    expect(sent).toMatchObject({ ok: true, value: { status: 401 } })
    await removeAll()
  })
})

describe('sandbox tokens offered by the app', () => {
  it('adds one without the token reaching the page, and offers a verified replacement when it is already there', async () => {
    const first = await app.dispatch('workspaces.addSandbox', { workspace: 'us', scopes: 'standard' })
    expect(first).toMatchObject({ ok: true, value: { name: 'Sandbox US', sandbox: true } })
    const again = await app.dispatch('workspaces.addSandbox', { workspace: 'us', scopes: 'extended' })
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('already added'),
        details: { existingId: (first as { value: Ws }).value.id }
      }
    })
    const replaced = await app.dispatch('workspaces.addSandbox', { workspace: 'us', scopes: 'extended', replace: true })
    expect(replaced).toMatchObject({ ok: true, value: { id: (first as { value: Ws }).value.id } })
    const admins = await app.dispatch('requests.send', { requestId: 'admins', draft: { method: 'GET', path: '/admins' } })
    expect(admins).toMatchObject({ ok: true, value: { status: 200 } }) // the extended token replaced the standard one
    await removeAll()
  })

  it('`npm run sandbox` prints the same tokens as the embedded sandbox', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox/serve.ts', '--port', '0', '--contacts', '5'], {
      cwd: path.resolve(import.meta.dirname, '../..')
    })
    let out = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('OAuth clients')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`sandbox script exited with ${code}`)))
    }).finally(() => child.kill())
    const standalone = await startSandbox({ contacts: 5 })
    try {
      for (const ws of [...standalone.workspaces, ...app.sandbox!.workspaces])
        for (const token of [ws.tokens.standard, ws.tokens.extended]) expect(out).toContain(token)
    } finally {
      await standalone.close()
    }
  })
})
