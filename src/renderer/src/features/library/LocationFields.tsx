// "Where does it go": the scope (this workspace or shared by all) and a folder, existing or new.
import { useId } from 'react'
import type { SavedFolder, SavedRequest, SavedScope } from '../../../../shared/library'
import type { Workspace } from '../../../../shared/model'
import { SHARED, sameScope, workspaceScope } from './scope'

export interface Location {
  scope: SavedScope
  folder: string
}

/** Every folder path known in a scope: explicit folders and the ones requests live in. */
export function knownFolders(scope: SavedScope, folders: readonly SavedFolder[], requests: readonly SavedRequest[]): string[] {
  const paths = new Set<string>()
  for (const f of folders) if (f.folder && sameScope(f.scope, scope)) paths.add(f.folder)
  for (const r of requests) if (r.folder && sameScope(r.scope, scope)) paths.add(r.folder)
  return [...paths].sort((a, b) => a.localeCompare(b))
}

export function LocationFields({
  workspace,
  value,
  onChange,
  folders,
  requests
}: {
  workspace: Workspace
  value: Location
  onChange: (next: Location) => void
  folders: readonly SavedFolder[]
  requests: readonly SavedRequest[]
}) {
  const id = useId()
  const options = knownFolders(value.scope, folders, requests)
  return (
    <>
      <fieldset className="scope-choice">
        <legend>Available in</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={value.scope.kind === 'workspace'}
            onChange={() => onChange({ ...value, scope: workspaceScope(workspace.id) })}
          />
          This workspace ({workspace.name})
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={value.scope.kind === 'shared'}
            onChange={() => onChange({ ...value, scope: SHARED })}
          />
          Shared by all workspaces
        </label>
      </fieldset>
      <label htmlFor={`${id}-folder`}>Folder</label>
      <input
        id={`${id}-folder`}
        list={`${id}-folders`}
        value={value.folder}
        placeholder="Top level; type a name for a new folder, nest with /"
        onChange={(e) => onChange({ ...value, folder: e.target.value })}
      />
      <datalist id={`${id}-folders`}>
        {options.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </>
  )
}

/** Folder paths as the user typed them, tidied: no stray slashes or spaces around segments. */
export const tidyFolder = (folder: string): string =>
  folder
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('/')
