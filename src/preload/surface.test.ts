// The preload exposes exactly the contract: this snapshot makes any change to the surface a
// deliberate one, and the checks below make sure nothing raw from Electron leaks to the page.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const exposed: Record<string, unknown> = {}
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn()
}

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer
}))

type Fn = (...args: unknown[]) => unknown

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules()
    for (const key of Object.keys(exposed)) delete exposed[key]
    await import('./index')
  })

  it('exposes only window.tokenDesk, with one function per contract call and event', async () => {
    expect(Object.keys(exposed)).toEqual(['tokenDesk'])
    const bridge = exposed['tokenDesk'] as Record<string, Record<string, unknown>>
    const surface = Object.fromEntries(Object.entries(bridge).map(([ns, methods]) => [ns, Object.keys(methods).sort()]))
    expect(surface).toMatchSnapshot()
    for (const methods of Object.values(bridge)) {
      for (const fn of Object.values(methods)) {
        expect(typeof fn).toBe('function')
        expect(Object.values(ipcRenderer)).not.toContain(fn)
      }
    }
  })

  it('routes a call to its derived channel and never exposes ipcRenderer or process', async () => {
    const bridge = exposed['tokenDesk'] as { app: { info: Fn } }
    await expect(bridge.app.info()).resolves.toEqual({ ok: true, value: 'pong' })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('token-desk:call:app.info', undefined)
    const json = JSON.stringify(Object.keys(exposed['tokenDesk'] as object))
    expect(json).not.toMatch(/ipcRenderer|process|env|invoke|send/)
  })

  it('wraps listeners so the page never receives the IpcRendererEvent', async () => {
    const bridge = exposed['tokenDesk'] as { on: { workspacesChanged: Fn } }
    const listener = vi.fn()
    const unsubscribe = bridge.on.workspacesChanged(listener) as () => void
    const [channel, forward] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, Fn]
    expect(channel).toBe('token-desk:event:workspacesChanged')
    forward({ sender: 'the raw event' }, { workspaces: [], activeId: null })
    expect(listener).toHaveBeenCalledWith({ workspaces: [], activeId: null })
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward)
    expect(() => bridge.on.workspacesChanged('not a function')).toThrow(/listener/)
  })
})
