// The keyboard shortcut and command registry. Features register commands while they are mounted;
// the command palette lists them and one global key handler runs their shortcuts.
import { useEffect, useSyncExternalStore } from 'react'

export interface Command {
  id: string
  title: string
  /** e.g. "Mod+K", "Mod+Enter", "Mod+Shift+P"; Mod is Cmd on macOS and Ctrl elsewhere. */
  shortcut?: string
  section?: string
  run: () => void
}

const commands = new Map<string, Command>()
const subscribers = new Set<() => void>()
let snapshot: Command[] = []

function changed() {
  snapshot = [...commands.values()]
  for (const notify of subscribers) notify()
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function shortcutLabel(shortcut: string): string {
  return shortcut.replace('Mod', isMac ? '⌘' : 'Ctrl')
}

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+')
  const key = parts.pop()!.toLowerCase()
  const wants = new Set(parts.map((p) => p.toLowerCase()))
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (wants.has('mod') !== mod) return false
  if (wants.has('shift') !== event.shiftKey) return false
  if (wants.has('alt') !== event.altKey) return false
  // With Alt held, macOS types another character (Alt+T is "†"): fall back to the physical key.
  return event.key.toLowerCase() === key || (key.length === 1 && event.code.toLowerCase() === `key${key}`)
}

export function useCommands(list: Command[]): void {
  useEffect(() => {
    for (const command of list) commands.set(command.id, command)
    changed()
    return () => {
      for (const command of list) if (commands.get(command.id) === command) commands.delete(command.id)
      changed()
    }
  }, [list])
}

export function useCommandList(): Command[] {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify)
      return () => subscribers.delete(notify)
    },
    () => snapshot
  )
}

/** Installed once by the shell. */
export function installShortcutHandler(): () => void {
  const onKey = (event: KeyboardEvent) => {
    for (const command of commands.values()) {
      if (command.shortcut && matchesShortcut(event, command.shortcut)) {
        event.preventDefault()
        command.run()
        return
      }
    }
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}
