// Registers the library's palette commands and shortcuts (save, curl import, Postman import and
// export) and hosts their dialogs. Mounted once by the shell.
import { useMemo, useState } from 'react'
import { useCommands, type Command } from '../../shell/commands'
import { useWorkspaces } from '../../state/workspaces'
import { CurlImportDialog, PostmanDialog } from '../import'
import { SaveRequestDialog } from './SaveRequestDialog'
import { showToast } from '../../lib/Toast'
import { saveIntoSource } from './saveIntoSource'
import { composer } from '../../state/composer'
import { errorMessage } from '../../api/client'

type Open = 'save' | 'curl' | 'postman-import' | 'postman-export' | null

export function LibraryCommands() {
  const { active } = useWorkspaces()
  const [open, setOpen] = useState<Open>(null)
  const commands = useMemo<Command[]>(
    () => [
      {
        id: 'library.save',
        title: 'Save request',
        section: 'Library',
        shortcut: 'Mod+S',
        run: () => {
          if (!active) return showToast('Add a workspace before saving requests.', { tone: 'error' })
          // A tab opened from a saved request saves back into it; anything else asks where to save.
          if (!composer.get().saved) return setOpen('save')
          void saveIntoSource(active.id).then(
            (done) => (done ? showToast(`Saved “${composer.get().saved?.name ?? 'request'}”.`) : setOpen('save')),
            (e: unknown) => showToast(errorMessage(e), { tone: 'error' })
          )
        }
      },
      { id: 'library.saveAs', title: 'Save request as…', section: 'Library', run: () => active && setOpen('save') },
      { id: 'import.curl', title: 'Import curl command', section: 'Import', run: () => setOpen('curl') },
      { id: 'import.postman', title: 'Import Postman collection', section: 'Import', run: () => setOpen('postman-import') },
      { id: 'export.postman', title: 'Export Postman collection', section: 'Export', run: () => setOpen('postman-export') }
    ],
    [active]
  )
  useCommands(commands)
  const close = () => setOpen(null)
  return (
    <>
      {open === 'save' && active ? <SaveRequestDialog workspace={active} onClose={close} /> : null}
      {open === 'curl' ? <CurlImportDialog onClose={close} /> : null}
      {open === 'postman-import' || open === 'postman-export' ? (
        <PostmanDialog mode={open === 'postman-import' ? 'import' : 'export'} onClose={close} />
      ) : null}
    </>
  )
}
