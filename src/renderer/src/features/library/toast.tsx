// Short-lived messages after an action ("Deleted X. Undo"), announced to screen readers.
import { useEffect, useSyncExternalStore } from 'react'

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: { label: string; run: () => void }
}

const TOAST_MS = 10_000
let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()

function publish(next: Toast[]) {
  toasts = next
  for (const listener of listeners) listener()
}

export function showToast(message: string, opts: { tone?: Toast['tone']; action?: Toast['action'] } = {}): void {
  publish([...toasts, { id: nextId++, message, tone: opts.tone ?? 'info', action: opts.action }].slice(-4))
}

export function dismissToast(id: number): void {
  publish(toasts.filter((t) => t.id !== id))
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast.id])
  return (
    <div className={`toast ${toast.tone === 'error' ? 'error' : ''}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span>{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            dismissToast(toast.id)
            toast.action?.run()
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="link" aria-label="Dismiss message" onClick={() => dismissToast(toast.id)}>
        ✕
      </button>
    </div>
  )
}

/** Rendered once (by LibraryCommands). */
export function Toasts() {
  const list = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => toasts
  )
  return (
    <div className="toasts">
      {list.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  )
}
