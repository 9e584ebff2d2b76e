// The contract over HTTP, for browser mode. Same shape as the preload's IPC bridge: the rest of
// the renderer cannot tell which one it got.
import { createBridge, type Result, type TokenDeskBridge } from '../../../shared/contract'
import { holdsLargeString, httpCall } from './http-call'

/** Calls with a large input go through a worker; the rest are made here (no hand-over cost). */
function largeCallWorker(): (name: string, input: unknown) => Promise<Result<unknown>> {
  let worker: Worker | null = null
  let next = 0
  const pending = new Map<number, (result: Result<unknown>) => void>()
  return (name, input) => {
    if (!worker) {
      worker = new Worker(new URL('./http-call.worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (event: MessageEvent<{ id: number; result: Result<unknown> }>) => {
        pending.get(event.data.id)?.(event.data.result)
        pending.delete(event.data.id)
      }
    }
    const id = next++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      worker!.postMessage({ id, name, input })
    })
  }
}

export function createHttpBridge(): TokenDeskBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null
  const callInWorker = largeCallWorker()

  const ensureEventStream = () => {
    if (source) return
    source = new EventSource('/api/events')
    source.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data as string) as { name: string; payload: unknown }
      for (const listener of listeners.get(name) ?? []) listener(payload)
    }
  }

  return createBridge(
    (name, input) => (holdsLargeString(input) ? callInWorker(name, input) : httpCall(name, input)),
    (event, listener) => {
      ensureEventStream()
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }
  )
}
