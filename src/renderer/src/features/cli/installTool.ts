// "Install command line tool" (the palette command and the button in Workspace settings): main
// writes the `tokendesk` launcher; a toast says where, and how to put its folder on the PATH.
import { api, errorMessage } from '../../api/client'
import { copyText } from '../../lib/clipboard'
import { showToast } from '../../lib/Toast'

export const INSTALL_TITLE = 'Install command line tool'

export async function installCommandLineTool(): Promise<void> {
  try {
    const { path, pathHint } = await api.cli.install()
    if (!pathHint) return showToast(`Installed tokendesk at ${path}.`)
    showToast(`Installed tokendesk at ${path}. Its folder is not on your PATH; add it with: ${pathHint}`, {
      action: { label: 'Copy PATH line', run: () => void copyText(pathHint) }
    })
  } catch (e) {
    showToast(`Could not install the command line tool. ${errorMessage(e)}`, { tone: 'error' })
  }
}
