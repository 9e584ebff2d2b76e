// The JSON body editor (CodeMirror 6) with a plain-words syntax error under it; a read-only view
// for bodies too large to edit without freezing the window.
import { useMemo, useRef, useSyncExternalStore } from 'react'
import CodeMirror, { EditorView, Prec, keymap } from '@uiw/react-codemirror'
import { json } from '@codemirror/lang-json'
import { jsonSyntaxError } from './json-syntax'
import { formatBytes } from '../../../../shared/format-bytes'

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
 * Above this many characters no editor in the page keeps typing fluid (CodeMirror's highlighting
 * and validation, or the browser's own textarea layout, cost seconds per key at 6 MB): the body is
 * shown read-only instead, and can be replaced by pasting or removed.
 */
export const LARGE_BODY_CHARS = 512 * 1024
const PREVIEW_CHARS = 64 * 1024

export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  if (value.length > LARGE_BODY_CHARS) return <LargeBody value={value} onChange={onChange} />
  return <RichBodyEditor value={value} onChange={onChange} />
}

function LargeBody({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <div className="body-editor">
      <p className="warn-text" role="note" aria-label="Large body">
        Large body ({formatBytes(value.length)}): too large to edit here without freezing the window, so it is shown read-only
        {value.length > PREVIEW_CHARS ? ` (the first ${formatBytes(PREVIEW_CHARS)})` : ''}. It is sent as it is. Paste into it to replace
        it, or remove it.
      </p>
      <pre
        className="body-plain mono"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label="Request body (JSON)"
        tabIndex={0}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text/plain')
          e.preventDefault()
          if (text) onChange(text)
        }}
      >
        {value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}\n…` : value}
      </pre>
    </div>
  )
}

function RichBodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const dark = useDarkMode()
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const extensions = useMemo(
    () => [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Request body (JSON)' }),
      // Mod-Enter sends (the shell's shortcut handler sees the event); keep CodeMirror from also inserting a line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
      // A paste that makes the body large skips the editor: it goes straight to the draft, and the
      // read-only view takes over, so no highlighting pass ever runs over megabytes.
      EditorView.domEventHandlers({
        paste(event, view) {
          const text = event.clipboardData?.getData('text/plain') ?? ''
          const { from, to } = view.state.selection.main
          if (view.state.doc.length - (to - from) + text.length <= LARGE_BODY_CHARS) return false
          event.preventDefault()
          onChangeRef.current(view.state.doc.sliceString(0, from) + text + view.state.doc.sliceString(to))
          return true
        }
      })
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
