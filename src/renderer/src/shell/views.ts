// The app's views (the tabs above the main area) and which one is shown. Features that link to a
// view ("Migrate to an Access Token" opens Workspace settings) call showView instead of looking up
// a command by its id.
import { createStore, useStore } from '../lib/store'

export const VIEWS = [
  { id: 'explorer', label: 'Explorer', shortcut: 'Mod+Shift+E' },
  { id: 'scopes', label: 'Scopes', shortcut: 'Mod+Shift+S' },
  { id: 'workspace', label: 'Workspace settings', shortcut: 'Mod+,' }
] as const
export type View = (typeof VIEWS)[number]['id']

const current = createStore<View>('explorer')

export function showView(view: View): void {
  current.set(view)
}

export function useView(): View {
  return useStore(current)
}
