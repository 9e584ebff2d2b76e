// One tiny external store for the renderer: a value, a way to change it, and a hook that
// re-renders on change. Every module-level store (composer, scope reports, library signals,
// toasts, commands) is one of these instead of its own listener set.
import { useSyncExternalStore } from 'react'

export interface Store<T> {
  get(): T
  /** Replaces the value (or derives it from the current one) and notifies subscribers. */
  set(next: T | ((current: T) => T)): void
  subscribe(listener: () => void): () => void
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next
      if (Object.is(resolved, value)) return
      value = resolved
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** The store's current value (or a slice of it); re-renders when it changes. */
export function useStore<T>(store: Store<T>): T
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S
export function useStore<T, S>(store: Store<T>, select?: (value: T) => S): T | S {
  const read = () => (select ? select(store.get()) : store.get())
  return useSyncExternalStore(store.subscribe, read, read)
}
