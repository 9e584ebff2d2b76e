// What can be done to a folder of saved requests: rename it, or delete it with everything in it
// (undone from the toast, as deleting one request is).
import { useState } from 'react'
import { inFolderTree, type SavedRequest, type Sharing } from '../../../../shared/library'
import { api } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'
import { composer } from '../../state/composer'
import { notifyLibraryChanged } from './events'
import { sameSharing, sharingLabel } from './sharing'
import { RenameForm } from './RenameForm'
import { offerUndo } from './undo-delete'

export interface FolderRef {
  sharing: Sharing
  /** The folder's path, "a/b". */
  path: string
}

const inFolder = (request: SavedRequest, folder: FolderRef) =>
  sameSharing(request.sharing, folder.sharing) && inFolderTree(request.folder, folder.path)

const requestCount = (n: number) => (n === 1 ? '1 request' : `${n} requests`)

async function deleteFolder(folder: FolderRef, inside: readonly SavedRequest[]): Promise<void> {
  const { undoToken } = await api.library.removeFolder({ sharing: folder.sharing, folder: folder.path })
  for (const request of inside) composer.renameSaved(request.id, null)
  offerUndo(`Deleted folder “${folder.path}” and ${requestCount(inside.length)}.`, `Restored folder “${folder.path}”.`, undoToken)
}

export function FolderDialog({ folder, requests, onClose }: { folder: FolderRef; requests: readonly SavedRequest[]; onClose: () => void }) {
  const [renaming, setRenaming] = useState(false)
  const leaf = folder.path.slice(folder.path.lastIndexOf('/') + 1)
  const { busy, error, run } = useAction()
  const inside = requests.filter((r) => inFolder(r, folder))

  const rename = (name: string) =>
    void run(async () => {
      await api.library.renameFolder({ sharing: folder.sharing, folder: folder.path, name: name.trim() })
      notifyLibraryChanged()
      onClose()
    })
  const remove = () =>
    void run(async () => {
      await deleteFolder(folder, inside)
      onClose()
    })

  return (
    <Dialog title={`Folder ${folder.path}`} onClose={onClose}>
      <h2>{leaf}</h2>
      <p className="muted">
        {sharingLabel(folder.sharing)} / {folder.path} · {requestCount(inside.length)}
      </p>
      {renaming ? (
        <RenameForm
          id="folder-rename"
          label="New folder name"
          initial={leaf}
          busy={busy}
          onRename={rename}
          onBack={() => setRenaming(false)}
        />
      ) : (
        <div className="item-actions" role="group" aria-label="Actions">
          <button type="button" onClick={() => setRenaming(true)}>
            Rename…
          </button>
          <button type="button" className="danger" disabled={busy} onClick={remove}>
            {inside.length > 0 ? `Delete folder and ${requestCount(inside.length)}` : 'Delete folder'}
          </button>
        </div>
      )}
      <ErrorText error={error} />
      {renaming ? null : (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  )
}
