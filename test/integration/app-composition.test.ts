// The composed app as both hosts build it, driven through dispatch exactly as IPC or HTTP would:
// first start seeds the sandbox workspaces, a request reaches the sandbox with the vault's token,
// and the basic_text opt-in is offered only where the host says so.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { testAppDeps } from '../support/app'
import { spawnDocumentWorkerFromSource } from '../../src/main/node/document-worker'

const opened: string[] = []
let app: TokenDeskApp | null = null
let dir = ''
const dirs: string[] = []

async function start(extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-app-'))
  dirs.push(dir)
  app = await createApp(
    testAppDeps(dir, {
      host: 'electron',
      opener: { openExternal: async (url) => void opened.push(url) },
      sandbox: { contacts: 20 },
      ...extra
    })
  )
  return app
}

afterEach(async () => {
  await app?.dispose()
  app = null
  for (const used of dirs.splice(0)) rmSync(used, { recursive: true, force: true })
})

const ok = async (name: string, input?: unknown) => {
  const result = await app!.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as Record<string, unknown>
}

describe('the composed app', () => {
  it('opens on the two sandbox workspaces and sends a request with the vault token', async () => {
    await start()
    const list = (await ok('workspaces.list')) as { workspaces: Array<{ name: string; sandbox: boolean; id: string }>; activeId: string }
    expect(list.workspaces.map((w) => w.name)).toEqual(['Sandbox US', 'Sandbox EU'])
    expect(list.workspaces.every((w) => w.sandbox)).toBe(true)
    expect(list.activeId).toBe(list.workspaces[0]!.id)
    const response = (await ok('requests.send', { requestId: 'r1', draft: { method: 'GET', path: '/me' } })) as {
      status: number
      bodyText: string
      sentHeaders: [string, string][]
    }
    expect(response.status).toBe(200)
    expect(JSON.parse(response.bodyText).app.name).toBe('Sandbox US')
    const auth = response.sentHeaders.find(([n]) => n === 'Authorization')![1]
    expect(auth).toMatch(/^Bearer .{4}….{4}$/)
  })

  it('refuses to send the workspace token to another host', async () => {
    await start()
    const result = await app!.dispatch('requests.send', { requestId: 'r2', draft: { method: 'GET', path: 'https://example.com/me' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/only to 127\.0\.0\.1/) } })
  })

  it('offers basic_text storage only where the host does, and records the choice', async () => {
    const set = vi.fn()
    await start({ weakStorage: { offered: true, enabled: false, set } })
    expect(((await ok('app.info')) as { weakStorage: unknown }).weakStorage).toEqual({ offered: true, enabled: false })
    expect(await ok('app.setWeakStorage', { allow: true })).toEqual({ restartRequired: true })
    expect(set).toHaveBeenCalledWith(true)
    await app!.dispose()
    await start()
    expect(((await ok('app.info')) as { weakStorage: unknown }).weakStorage).toEqual({ offered: false, enabled: false })
    expect(await app!.dispatch('app.setWeakStorage', { allow: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('opens only allowed links, and leaves it to the page in browser mode', async () => {
    await start()
    expect(await ok('app.openExternal', { url: 'https://developers.intercom.com/' })).toEqual({ opened: true })
    expect(opened).toEqual(['https://developers.intercom.com/'])
    expect(await app!.dispatch('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false })
    await app!.dispose()
    await start({ host: 'web' })
    expect(await ok('app.openExternal', { url: 'https://developers.intercom.com/' })).toEqual({ opened: false })
  })

  it('formats a large body in main while the summary travels, and serves it a screenful at a time', async () => {
    let spawned = 0
    await start({
      sandbox: { contacts: 20, faults: { oversizedBytes: 3_000_000 } },
      spawnDocumentWorker: () => (spawned++, spawnDocumentWorkerFromSource())
    })
    const summary = (await ok('requests.send', { requestId: 'big', draft: { method: 'GET', path: '/sandbox/oversized' } })) as {
      bodyOnDisk: boolean
      bodyText: string | null
    }
    expect(summary).toMatchObject({ bodyOnDisk: true, bodyText: null })
    // Main started formatting before the page asked: the rows can be asked for straight away.
    const rows = (await ok('responses.query', { requestId: 'big', query: { type: 'lines', from: 0, to: 3 } })) as {
      rows: Array<{ text: string }>
      total: number
    }
    expect(rows.rows.map((r) => r.text)).toEqual(['{', '"list"', '['])
    expect(rows.total).toBeGreaterThan(100_000)
    // The page's open joins that work rather than starting another thread.
    expect(await ok('responses.open', { requestId: 'big', json: true })).toEqual({ json: true, parseError: null, lines: rows.total })
    expect(spawned).toBe(1)
    expect(await app!.dispatch('responses.query', { requestId: 'big', query: { type: 'lines', from: 0, to: 100_000 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(await app!.dispatch('responses.open', { requestId: 'never-sent', json: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('copies a Python snippet with the real token only when asked, built in main', async () => {
    await start({ host: 'web' })
    const real = (await ok('snippets.copyWithToken', {
      draft: { method: 'GET', path: '/me' },
      shell: 'posix',
      multiline: false,
      language: 'python'
    })) as {
      copied: boolean
      text: string
    }
    expect(real.copied).toBe(false)
    expect(real.text).toMatch(/^secret = '[^']{8,}'$/m)
    expect(real.text).toContain("('Authorization', 'Bearer ' + secret)")
    expect(real.text).not.toContain('os.environ')
    expect(
      await app!.dispatch('snippets.copyWithToken', {
        draft: { method: 'GET', path: '/me' },
        shell: 'posix',
        multiline: false,
        language: 'ruby'
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
  })
})
