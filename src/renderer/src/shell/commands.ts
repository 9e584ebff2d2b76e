// The keyboard shortcut and command registry. Features register commands while they are mounted;
// the command palette lists them and one global key handler runs their shortcuts.
import { useEffect } from 'react'
import { createStore, useStore } from '../lib/store'

export interface Command {
  id: string
  title: string
  /** e.g. "Mod+K", "Mod+Enter", "Mod+Shift+P"; Mod is Cmd on macOS and Ctrl elsewhere. */
  shortcut?: string
  section?: string
  run: () => void
}

const commands = new Map<string, Command>()
/** The registered commands as a list, for the palette. */
const listed = createStore<Command[]>([])

function changed() {
  listed.set([...commands.values()])
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function shortcutLabel(shortcut: string): string {
  return shortcut.replace('Mod', isMac ? '⌘' : 'Ctrl').replace('Alt', isMac ? '⌥' : 'Alt')
}

/**
 * The key that switches to the n-th workspace (1–9). A browser keeps Ctrl/Cmd+1…9 for its own tabs
 * (a page cannot take them), so browser mode uses Alt+Shift+1…9, which browsers leave alone.
 */
export function workspaceShortcut(n: number, host: 'electron' | 'web' | undefined): string {
  return host === 'web' ? `Alt+Shift+${n}` : `Mod+${n}`
}

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+')
  const key = parts.pop()!.toLowerCase()
  const wants = new Set(parts.map((p) => p.toLowerCase()))
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (wants.has('mod') !== mod) return false
  if (wants.has('shift') !== event.shiftKey) return false
  if (wants.has('alt') !== event.altKey) return false
  // With Shift or Alt held a digit key types a symbol ("!", "¡"): digits are matched by the key itself.
  if (/^\d$/.test(key)) return event.code === `Digit${key}` || event.key === key
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
  return useStore(listed)
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
