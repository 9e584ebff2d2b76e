// Window layout preferences: whether the side panels are shown and where the request/response split
// sits. A preference of this window, not data: kept in the page's localStorage.
import { createStore, useStore } from '../lib/store'

export interface Layout {
  /** Sidebar and library pane hidden (Ctrl/Cmd+B). */
  panelsHidden: boolean
  /** Share of the explorer's height given to the request, 0.2–0.8. */
  split: number
}

const KEY = 'token-desk.layout'
const DEFAULT: Layout = { panelsHidden: false, split: 0.5 }

function read(): Layout {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Layout> | null
    return { ...DEFAULT, ...stored }
  } catch {
    return DEFAULT
  }
}

const store = createStore<Layout>(typeof localStorage === 'undefined' ? DEFAULT : read())

export const clampSplit = (value: number) => Math.min(0.8, Math.max(0.2, value))

export const layout = {
  get: store.get,
  set(change: Partial<Layout>) {
    const state = store.get()
    const next = { ...state, ...change, split: clampSplit(change.split ?? state.split) }
    try {
      localStorage.setItem(KEY, JSON.stringify(next))
    } catch {
      // Private windows may refuse storage: the layout still applies for this session.
    }
    store.set(next)
  },
  togglePanels: () => layout.set({ panelsHidden: !store.get().panelsHidden }),
  subscribe: store.subscribe
}

export const useLayout = () => useStore(store)
