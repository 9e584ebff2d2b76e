import { useState, type FormEvent } from 'react'
import type { Workspace } from '../../../../shared/model'
import { api } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { notifyLibraryChanged } from './events'
import { LocationFields, tidyFolder, type Location } from './LocationFields'
import { workspaceSharing } from './sharing'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

export function NewFolderDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const [location, setLocation] = useState<Location>({ sharing: workspaceSharing(workspace.id), folder: '' })
  const { busy, error, setError, run } = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const folder = tidyFolder(location.folder)
    if (!folder) return setError('Type a folder name.')
    void run(async () => {
      await api.library.createFolder({ sharing: location.sharing, folder })
      notifyLibraryChanged()
      onClose()
    })
  }
  return (
    <Dialog title="New folder" onClose={onClose}>
      <h2>New folder</h2>
      <form className="form" onSubmit={submit}>
        <LocationFields workspace={workspace} value={location} onChange={setLocation} folders={[]} requests={[]} />
        <ErrorText error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Create folder
          </button>
        </div>
      </form>
    </Dialog>
  )
}
