// Registers the library's palette commands and shortcuts (save, curl import, Postman import and
// export) and hosts their dialogs and the library's toasts. Mounted once by the shell.
import { useMemo, useState } from 'react'
import { useCommands, type Command } from '../../shell/commands'
import { useWorkspaces } from '../../state/workspaces'
import { CurlImportDialog } from '../import/CurlImportDialog'
import { PostmanDialog } from '../import/PostmanDialog'
import { SaveRequestDialog } from './SaveRequestDialog'
import { Toasts, showToast } from './toast'
import './library.css'

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
        run: () => (active ? setOpen('save') : showToast('Add a workspace before saving requests.', { tone: 'error' }))
      },
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
      <Toasts />
      {open === 'save' && active ? <SaveRequestDialog workspace={active} onClose={close} /> : null}
      {open === 'curl' ? <CurlImportDialog onClose={close} /> : null}
      {open === 'postman-import' || open === 'postman-export' ? (
        <PostmanDialog mode={open === 'postman-import' ? 'import' : 'export'} onClose={close} />
      ) : null}
    </>
  )
}
