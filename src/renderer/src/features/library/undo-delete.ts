// Every delete in the library is undone the same way: from its toast, until main forgets it.
import { api, errorMessage } from '../../api/client'
import { showToast } from '../../lib/Toast'
import { notifyLibraryChanged } from './events'

export function offerUndo(deleted: string, restored: string, undoToken: string): void {
  notifyLibraryChanged()
  showToast(deleted, {
    action: {
      label: 'Undo',
      run: () =>
        void api.library.undoRemove({ undoToken }).then(
          () => {
            notifyLibraryChanged()
            showToast(restored)
          },
          (e: unknown) => showToast(errorMessage(e), { tone: 'error' })
        )
    }
  })
}
