// Signals between the library's views: the tree refetches when a dialog saved or imported
// something. (History follows main's historyChanged event.)
import { createStore, useStore } from '../../lib/store'

const version = createStore(0)

/** Call after anything that changes saved requests or folders. */
export function notifyLibraryChanged(): void {
  version.set((v) => v + 1)
}

/** A number that changes whenever the saved library does; use it as an effect dependency. */
export function useLibraryVersion(): number {
  return useStore(version)
}
