// The workspace keys per mode: the desktop takes Ctrl/Cmd+1…9; in a browser those switch the
// browser's own tabs (a page cannot take them), so browser mode uses Alt+Shift+1…9.
import { describe, expect, it } from 'vitest'
import { matchesShortcut, shortcutLabel, workspaceShortcut } from './commands'

/** The parts of a keydown event the matcher reads. */
const key = (init: Partial<KeyboardEvent>) =>
  ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init }) as KeyboardEvent

describe('workspace shortcuts per mode', () => {
  it('uses Ctrl/Cmd+n on the desktop and Alt+Shift+n in browser mode, and labels them so', () => {
    expect(workspaceShortcut(3, 'electron')).toBe('Mod+3')
    expect(workspaceShortcut(3, 'web')).toBe('Alt+Shift+3')
    expect(shortcutLabel(workspaceShortcut(3, 'web'))).toBe('Alt+Shift+3')
    expect(shortcutLabel(workspaceShortcut(3, 'electron'))).toBe('Ctrl+3') // the tests run off macOS
  })

  it('in browser mode, Ctrl+n is left alone and Alt+Shift+n matches whatever symbol the layout types', () => {
    const web = workspaceShortcut(2, 'web')
    expect(matchesShortcut(key({ key: '2', code: 'Digit2', ctrlKey: true }), web)).toBe(false)
    expect(matchesShortcut(key({ key: '@', code: 'Digit2', altKey: true, shiftKey: true }), web)).toBe(true)
    expect(matchesShortcut(key({ key: '"', code: 'Digit2', altKey: true, shiftKey: true }), web)).toBe(true)
    expect(matchesShortcut(key({ key: '2', code: 'Digit2', ctrlKey: true }), workspaceShortcut(2, 'electron'))).toBe(true)
  })
})
