// The preload exposes exactly the contract's calls and events as `window.tokenDesk`, and nothing
// else: no ipcRenderer, no process.env, no generic invoke(channel). Listeners are wrapped so the
// page never receives an IpcRendererEvent.
import { contextBridge, ipcRenderer } from 'electron'
import { callChannel, createBridge, eventChannel, type Result } from '../shared/contract'

const bridge = createBridge(
  (name, input) => ipcRenderer.invoke(callChannel(name), input) as Promise<Result<unknown>>,
  (event, listener) => {
    const channel = eventChannel(event)
    const forward = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  }
)

contextBridge.exposeInMainWorld('tokenDesk', bridge)
