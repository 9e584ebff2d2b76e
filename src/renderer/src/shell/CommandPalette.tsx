import { useEffect, useMemo, useRef, useState } from 'react'
import { shortcutLabel, useCommandList } from './commands'
import { Dialog } from '../lib/Dialog'
import { useListCursor } from '../lib/useListCursor'
import { useWorkspaces } from '../state/workspaces'
import { usePaletteRequests } from '../features/requests'

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const all = useCommandList()
  const { active } = useWorkspaces()
  const [query, setQuery] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    return all
      .filter((c) => c.id !== 'palette.open')
      .filter((c) => words.every((w) => `${c.section ?? ''} ${c.title}`.toLowerCase().includes(w)))
      .slice(0, 50)
  }, [all, query])
  const requests = usePaletteRequests(query, active?.id ?? null)
  const items = useMemo(() => [...matches, ...requests], [matches, requests])
  useEffect(() => input.current?.focus(), [])

  const runAt = (i: number) => {
    const command = items[i]
    if (!command) return
    onClose()
    command.run()
  }
  const { index, onKeyDown } = useListCursor(items.length, query, runAt)

  return (
    <Dialog title="Command palette" onClose={onClose} className="palette">
      <input
        ref={input}
        className="palette-input"
        aria-label="Type a command"
        placeholder="Type a command, a workspace, a saved request or a path from the history…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" aria-label="Commands" className="palette-list">
        {items.map((c, i) => (
          <li key={c.id} role="option" aria-selected={i === index} className={i === index ? 'selected' : ''} onMouseDown={() => runAt(i)}>
            <span>
              {c.section ? <span className="muted">{c.section}: </span> : null}
              {c.title}
            </span>
            {'shortcut' in c && c.shortcut ? <kbd>{shortcutLabel(c.shortcut)}</kbd> : null}
          </li>
        ))}
        {items.length === 0 ? <li className="muted">No matching command, saved request or history entry</li> : null}
      </ul>
    </Dialog>
  )
}
