// Short-lived messages after an action ("Deleted X. Undo"), announced to screen readers.
import { useEffect } from 'react'
import { createStore, useStore } from './store'
import './Toast.css'

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: { label: string; run: () => void }
}

const TOAST_MS = 10_000
const toasts = createStore<Toast[]>([])
let nextId = 1

export function showToast(message: string, opts: { tone?: Toast['tone']; action?: Toast['action'] } = {}): void {
  toasts.set((list) => [...list, { id: nextId++, message, tone: opts.tone ?? 'info', action: opts.action }].slice(-4))
}

export function dismissToast(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id))
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

/** Rendered once, by the shell (App). */
export function Toasts() {
  const list = useStore(toasts)
  return (
    <div className="toasts">
      {list.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  )
}
