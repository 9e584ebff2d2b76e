// The Electron layer with `electron` mocked: each checklist item it applies is asserted here, so
// removing one fails the suite.
import { describe, expect, it, vi, beforeEach, onTestFinished } from 'vitest'
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const handlers = new Map<string, (...args: unknown[]) => unknown>()
const shell = { openExternal: vi.fn(async () => undefined) }
let protocolHandler: ((request: Request) => Promise<Response>) | null = null
const registeredSchemes: unknown[] = []

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  shell,
  BrowserWindow: vi.fn(),
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registeredSchemes.push(...schemes),
    handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (protocolHandler = fn)
  },
  net: { fetch: async (url: string) => new Response(await import('node:fs').then((fs) => fs.readFileSync(new URL(url)))) }
}))

const { windowOptions } = await import('./window')
const { hardenSession, hardenWebContents } = await import('./security')
const { registerContract } = await import('./ipc')
const { createGuardedOpener } = await import('./opener')
const { registerAppScheme, handleAppProtocol } = await import('./protocol')
const { calls, callChannel } = await import('../../shared/contract')

describe('window options', () => {
  it('keep every renderer isolated and sandboxed', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('web contents hardening', () => {
  type Listener = (event: { preventDefault: () => void }, url: string) => void
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn)
  }
  const opener = { openExternal: vi.fn(async () => undefined) }
  hardenWebContents(contents as never, { devServerUrl: null, opener, loopbackOrigins: () => ['http://127.0.0.1:4010'] })

  const navigate = (event: string, url: string) => {
    const preventDefault = vi.fn()
    listeners.get(event)!({ preventDefault }, url)
    return preventDefault.mock.calls.length > 0
  }

  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (event) => {
    expect(navigate(event, 'https://evil.example/')).toBe(true)
    expect(navigate(event, 'javascript:alert(1)')).toBe(true)
    expect(navigate(event, 'file:///etc/passwd')).toBe(true)
    expect(navigate(event, 'app://token-desk.evil/')).toBe(true)
    expect(navigate(event, 'app://token-desk/index.html')).toBe(false)
  })

  it('always prevents webviews', () => {
    expect(navigate('will-attach-webview', 'app://token-desk/')).toBe(true)
  })

  it('denies every new window and sends only allowed URLs to the system browser', () => {
    expect(openHandler!({ url: 'https://developers.intercom.com/' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'http://127.0.0.1:4010/oauth' })).toEqual({ action: 'deny' })
    expect(opener.openExternal.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual([
      'https://developers.intercom.com/',
      'http://127.0.0.1:4010/oauth'
    ])
  })
})

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null
    let check: (() => boolean) | null = null
    let device: (() => boolean) | null = null
    hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => (device = fn)
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!(null, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(check!()).toBe(false)
    expect(device!()).toBe(false)
  })
})

describe('IPC registration', () => {
  beforeEach(() => handlers.clear())

  it('registers one handler per contract call and checks the sender first', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'fine' }))
    registerContract(dispatch, null)
    expect([...handlers.keys()].sort()).toEqual(Object.keys(calls).map(callChannel).sort())
    const handler = handlers.get(callChannel('app.info'))!
    const frame = (url: string, top = true) => ({ senderFrame: { url, parent: top ? null : {} } })
    await expect(handler(frame('https://evil.example/'), undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' }
    })
    await expect(handler(frame('app://token-desk/index.html', false), undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' }
    })
    await expect(handler({ senderFrame: null }, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    expect(dispatch).not.toHaveBeenCalled()
    await expect(handler(frame('app://token-desk/index.html'), undefined)).resolves.toEqual({ ok: true, value: 'fine' })
    expect(dispatch).toHaveBeenCalledWith('app.info', undefined)
  })
})

describe('guarded opener', () => {
  it('opens https and sandbox URLs and refuses everything else', async () => {
    const opener = createGuardedOpener(() => ['http://127.0.0.1:4010'])
    await opener.openExternal('https://app.intercom.com/oauth?client_id=1')
    await opener.openExternal('http://127.0.0.1:4010/oauth')
    await expect(opener.openExternal('file:///etc/passwd')).rejects.toThrow(/https/)
    await expect(opener.openExternal('smb://server/share')).rejects.toThrow()
    await expect(opener.openExternal('http://127.0.0.1:9/x')).rejects.toThrow()
    expect(shell.openExternal).toHaveBeenCalledTimes(2)
  })
})

describe('app:// protocol', () => {
  it('is privileged as a secure standard scheme and serves only the bundle, with the CSP header', async () => {
    registerAppScheme()
    expect(registeredSchemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
    const root = mkdtempSync(path.join(os.tmpdir(), 'td-proto-'))
    onTestFinished(() => rmSync(root, { recursive: true, force: true }))
    mkdirSync(path.join(root, 'bundle'))
    writeFileSync(path.join(root, 'bundle', 'index.html'), '<h1>hi</h1>')
    writeFileSync(path.join(root, 'secret.txt'), 'secret')
    handleAppProtocol(path.join(root, 'bundle'))
    const ok = await protocolHandler!(new Request('app://token-desk/index.html'))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('<h1>hi</h1>')
    expect(ok.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    for (const bad of ['app://token-desk/../secret.txt', 'app://token-desk/%2e%2e/secret.txt', 'app://other-host/index.html']) {
      expect((await protocolHandler!(new Request(bad))).status).toBe(404)
    }
  })
})
