import { useEffect, useMemo, useRef, useState } from 'react'
import { shortcutLabel, useCommandList } from './commands'
import { Dialog } from '../lib/Dialog'

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const all = useCommandList()
  const [query, setQuery] = useState('')
  const [index, setIndex] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    return all
      .filter((c) => c.id !== 'palette.open')
      .filter((c) => words.every((w) => `${c.section ?? ''} ${c.title}`.toLowerCase().includes(w)))
      .slice(0, 50)
  }, [all, query])
  useEffect(() => input.current?.focus(), [])
  useEffect(() => setIndex(0), [query])

  const runAt = (i: number) => {
    const command = matches[i]
    if (!command) return
    onClose()
    command.run()
  }

  return (
    <Dialog title="Command palette" onClose={onClose} className="palette">
      <input
        ref={input}
        className="palette-input"
        aria-label="Type a command"
        placeholder="Type a command or a workspace name…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, matches.length - 1))
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0))
          else if (e.key === 'Enter') runAt(index)
          else return
          e.preventDefault()
        }}
      />
      <ul role="listbox" aria-label="Commands" className="palette-list">
        {matches.map((c, i) => (
          <li key={c.id} role="option" aria-selected={i === index} className={i === index ? 'selected' : ''} onMouseDown={() => runAt(i)}>
            <span>
              {c.section ? <span className="muted">{c.section}: </span> : null}
              {c.title}
            </span>
            {c.shortcut ? <kbd>{shortcutLabel(c.shortcut)}</kbd> : null}
          </li>
        ))}
        {matches.length === 0 ? <li className="muted">No matching command</li> : null}
      </ul>
    </Dialog>
  )
}
