// The rename step of the library's item dialogs (a saved request, a folder): one field, Back and Rename.
import { useState, type FormEvent } from 'react'

export function RenameForm({
  id,
  label,
  initial,
  busy,
  onRename,
  onBack
}: {
  /** The field's id, unique on the page. */
  id: string
  label: string
  initial: string
  busy: boolean
  onRename: (name: string) => void
  onBack: () => void
}) {
  const [name, setName] = useState(initial)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onRename(name)
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      <div className="dialog-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Rename
        </button>
      </div>
    </form>
  )
}
