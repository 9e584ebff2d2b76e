// The JSON body editor (CodeMirror 6) with a plain-words syntax error under it.
import { useMemo, useSyncExternalStore } from 'react'
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

export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
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
