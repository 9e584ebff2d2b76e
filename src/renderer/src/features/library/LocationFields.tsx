// "Where does it go": the sharing (this workspace or shared by all) and a folder, existing or new.
import { useId } from 'react'
import type { SavedFolder, SavedRequest, Sharing } from '../../../../shared/library'
import type { Workspace } from '../../../../shared/model'
import { SHARED, sameSharing, workspaceSharing } from './sharing'

export interface Location {
  sharing: Sharing
  folder: string
}

/** Every folder path known in a sharing: explicit folders and the ones requests live in. */
export function knownFolders(sharing: Sharing, folders: readonly SavedFolder[], requests: readonly SavedRequest[]): string[] {
  const paths = new Set<string>()
  for (const f of folders) if (f.folder && sameSharing(f.sharing, sharing)) paths.add(f.folder)
  for (const r of requests) if (r.folder && sameSharing(r.sharing, sharing)) paths.add(r.folder)
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
  const options = knownFolders(value.sharing, folders, requests)
  return (
    <>
      <fieldset className="sharing-choice">
        <legend>Available in</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-sharing`}
            checked={value.sharing.kind === 'workspace'}
            onChange={() => onChange({ ...value, sharing: workspaceSharing(workspace.id) })}
          />
          This workspace ({workspace.name})
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-sharing`}
            checked={value.sharing.kind === 'shared'}
            onChange={() => onChange({ ...value, sharing: SHARED })}
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
