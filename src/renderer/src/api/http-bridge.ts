// The contract over HTTP, for browser mode. Same shape as the preload's IPC bridge: the rest of
// the renderer cannot tell which one it got.
import { createBridge, type Result, type TokenDeskBridge } from '../../../shared/contract'

export function createHttpBridge(): TokenDeskBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  const ensureEventStream = () => {
    if (source) return
    source = new EventSource('/api/events')
    source.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data as string) as { name: string; payload: unknown }
      for (const listener of listeners.get(name) ?? []) listener(payload)
    }
  }

  return createBridge(
    async (name, input) => {
      try {
        const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          // A Blob is encoded once, natively; a string body of megabytes costs the page a long task.
          body: new Blob([JSON.stringify({ input })], { type: 'application/json' })
        })
        if (response.status === 403) {
          return { ok: false, error: { code: 'forbidden_sender', message: await response.text() } }
        }
        return (await response.json()) as Result<unknown>
      } catch {
        return { ok: false, error: { code: 'network', message: 'Lost the connection to Token Desk. Is `npm run web` still running?' } }
      }
    },
    (event, listener) => {
      ensureEventStream()
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }
  )
}
