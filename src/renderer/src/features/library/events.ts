// Signals between the library's views: the tree refetches when a dialog saved or imported
// something. (History follows main's historyChanged event.)
import { useSyncExternalStore } from 'react'

let version = 0
const listeners = new Set<() => void>()

/** Call after anything that changes saved requests or folders. */
export function notifyLibraryChanged(): void {
  version += 1
  for (const listener of listeners) listener()
}

/** A number that changes whenever the saved library does; use it as an effect dependency. */
export function useLibraryVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version
  )
}
