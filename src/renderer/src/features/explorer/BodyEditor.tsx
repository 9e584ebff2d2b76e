// The JSON body editor (CodeMirror 6) with a plain-words syntax error under it; a plain textarea
// for bodies too large to highlight while typing.
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import CodeMirror, { EditorView, Prec, keymap } from '@uiw/react-codemirror'
import { json } from '@codemirror/lang-json'
import { jsonSyntaxError } from './json-syntax'

const darkQuery = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null

function useDarkMode(): boolean {
  return useSyncExternalStore(
    (notify) => {
      darkQuery?.addEventListener('change', notify)
      return () => darkQuery?.removeEventListener('change', notify)
    },
    () => darkQuery?.matches ?? false
  )
}

/**
 * Above this many characters highlighting, folding and live validation cannot keep typing fluid:
 * the body is edited as plain text instead (and validated when sent).
 */
export const PLAIN_BODY_CHARS = 512 * 1024

export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  if (value.length > PLAIN_BODY_CHARS) return <PlainBodyEditor value={value} onChange={onChange} />
  return <RichBodyEditor value={value} onChange={onChange} />
}

/**
 * A plain textarea that owns its text while the user types and hands it over after a pause, so a
 * keystroke costs the browser's own edit and nothing else.
 */
function PlainBodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSent = useRef(value)
  // A new value from outside (another tab's draft, a restore) replaces the text.
  useEffect(() => {
    if (area.current && value !== lastSent.current) {
      area.current.value = value
      lastSent.current = value
    }
  }, [value])
  const flush = () => {
    if (pending.current) clearTimeout(pending.current)
    pending.current = null
    const text = area.current?.value
    if (text !== undefined && text !== lastSent.current) {
      lastSent.current = text
      onChange(text)
    }
  }
  useEffect(() => () => flush(), []) // eslint-disable-line react-hooks/exhaustive-deps -- hand over on unmount
  return (
    <div className="body-editor">
      <p className="muted" role="note" aria-label="Large body">
        Large body ({(value.length / 1024 / 1024).toFixed(1)} MB): edited as plain text, without highlighting or live validation, so typing
        stays fluid. It is checked when you send.
      </p>
      <textarea
        ref={area}
        className="body-plain mono"
        aria-label="Request body (JSON)"
        defaultValue={value}
        spellCheck={false}
        autoComplete="off"
        wrap="off"
        onInput={() => {
          if (pending.current) clearTimeout(pending.current)
          pending.current = setTimeout(flush, 300)
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          // Hand the text over before Ctrl/Cmd+Enter sends or Ctrl/Cmd+S saves it.
          if (e.ctrlKey || e.metaKey) flush()
        }}
      />
    </div>
  )
}

function RichBodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const dark = useDarkMode()
  const extensions = useMemo(
    () => [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Request body (JSON)' }),
      // Mod-Enter sends (the shell's shortcut handler sees the event); keep CodeMirror from also inserting a line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }]))
    ],
    []
  )
  const error = value.trim() === '' ? null : jsonSyntaxError(value)
  return (
    <div className="body-editor">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme={dark ? 'dark' : 'light'}
        minHeight="160px"
        maxHeight="360px"
        basicSetup={{ foldGutter: true }}
      />
      {error ? (
        <p className="error" role="status">
          Invalid JSON at line {error.line}, column {error.column}: {error.message}
        </p>
      ) : null}
    </div>
  )
}
