// Registers one ipcMain handler per contract call, each behind the sender check, and forwards
// main's events to the window. No other file may call ipcMain.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { callChannel, calls, eventChannel, type Result } from '../../shared/contract'
import type { Dispatch } from '../services/core/dispatch'
import type { EventHub } from '../services/core/events'
import { isTrustedSender } from '../services/security/policy'

export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame
  if (!frame) return null
  return { url: frame.url, isTopFrame: frame.parent === null }
}

export function registerContract(dispatch: Dispatch, devServerUrl: string | null): void {
  for (const name of Object.keys(calls)) {
    ipcMain.handle(callChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(senderFrameOf(event), devServerUrl)) {
        return { ok: false, error: { code: 'forbidden_sender', message: "Calls are only accepted from Token Desk's own window." } }
      }
      return dispatch(name, input)
    })
  }
}

export function forwardEvents(events: EventHub, window: BrowserWindow): () => void {
  return events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload)
  })
}
