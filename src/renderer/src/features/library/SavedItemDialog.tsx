// What can be done to one saved request: rename, duplicate, move, reorder, delete (with undo).
import { useState, type FormEvent } from 'react'
import type { SavedFolder, SavedRequest } from '../../../../shared/library'
import type { Workspace } from '../../../../shared/model'
import { api } from '../../api/client'
import { Dialog } from '../../lib/Dialog'
import { composer } from '../../state/composer'
import { notifyLibraryChanged } from './events'
import { LocationFields, tidyFolder, type Location } from './LocationFields'
import { sameSharing, sharingLabel } from './sharing'
import { showToast } from '../../lib/Toast'
import { reorderedIds } from './tree'
import { RenameForm } from './RenameForm'
import { offerUndo } from './undo-delete'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

type Mode = 'menu' | 'rename' | 'move'

export async function deleteSaved(request: SavedRequest): Promise<void> {
  const { undoToken } = await api.library.remove({ id: request.id })
  composer.renameSaved(request.id, null)
  offerUndo(`Deleted “${request.name}”.`, `Restored “${request.name}”.`, undoToken)
}

export async function moveSavedBy(requests: readonly SavedRequest[], request: SavedRequest, delta: -1 | 1): Promise<boolean> {
  const orderedIds = reorderedIds(requests, request, delta)
  if (!orderedIds) return false
  await api.library.reorder({ folder: request.folder, sharing: request.sharing, orderedIds })
  notifyLibraryChanged()
  return true
}

export function SavedItemDialog({
  request,
  workspace,
  requests,
  folders,
  onClose
}: {
  request: SavedRequest
  workspace: Workspace
  requests: readonly SavedRequest[]
  folders: readonly SavedFolder[]
  onClose: () => void
}) {
  const [mode, setMode] = useState<Mode>('menu')
  const [location, setLocation] = useState<Location>({ sharing: request.sharing, folder: request.folder })
  const action = useAction()
  const { busy, error } = action
  const run = async (work: () => Promise<unknown>, close = true) => {
    if ((await action.run(work)) && close) onClose()
  }

  const siblings = requests.filter((r) => r.folder === request.folder && sameSharing(r.sharing, request.sharing))
  const position = siblings.findIndex((r) => r.id === request.id)

  const rename = (name: string) =>
    void run(async () => {
      const renamed = await api.library.rename({ id: request.id, name })
      notifyLibraryChanged()
      composer.renameSaved(request.id, { id: renamed.id, name: renamed.name })
    })
  const submitMove = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await api.library.move({ id: request.id, folder: tidyFolder(location.folder), sharing: location.sharing })
      notifyLibraryChanged()
    })
  }

  return (
    <Dialog title={`Saved request ${request.name}`} onClose={onClose}>
      <h2>{request.name}</h2>
      <p className="muted">
        <span className="method">{request.draft.method}</span> {request.draft.path} · {sharingLabel(request.sharing)}
        {request.folder ? ` / ${request.folder}` : ''}
      </p>
      {mode === 'menu' ? (
        <div className="item-actions" role="group" aria-label="Actions">
          <button type="button" onClick={() => setMode('rename')}>
            Rename…
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const copy = await api.library.duplicate({ id: request.id })
                notifyLibraryChanged()
                showToast(`Duplicated as “${copy.name}”.`)
              })
            }
          >
            Duplicate
          </button>
          <button type="button" onClick={() => setMode('move')}>
            Move…
          </button>
          <button type="button" disabled={busy || position <= 0} onClick={() => void run(() => moveSavedBy(requests, request, -1), false)}>
            Move up
          </button>
          <button
            type="button"
            disabled={busy || position < 0 || position >= siblings.length - 1}
            onClick={() => void run(() => moveSavedBy(requests, request, 1), false)}
          >
            Move down
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void run(() => deleteSaved(request))}>
            Delete
          </button>
        </div>
      ) : null}
      {mode === 'rename' ? (
        <RenameForm
          id="saved-rename"
          label="New name"
          initial={request.name}
          busy={busy}
          onRename={rename}
          onBack={() => setMode('menu')}
        />
      ) : null}
      {mode === 'move' ? (
        <form className="form" onSubmit={submitMove}>
          <LocationFields workspace={workspace} value={location} onChange={setLocation} folders={folders} requests={requests} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setMode('menu')}>
              Back
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Move
            </button>
          </div>
        </form>
      ) : null}
      <ErrorText error={error} />
      {mode === 'menu' ? (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      ) : null}
    </Dialog>
  )
}
