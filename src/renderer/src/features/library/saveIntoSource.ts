// Ctrl/Cmd+S on a tab opened from a saved request saves straight back into that request, keeping
// its name, folder and sharing. Returns false when the dialog is needed instead (not found, or the
// draft holds a credential the user must decide about).
import { api, ApiError } from '../../api/client'
import { composer } from '../../state/composer'
import { notifyLibraryChanged } from './events'

export async function saveIntoSource(workspaceId: string): Promise<boolean> {
  const tab = composer.active()
  if (!tab.saved) return false
  const { requests } = await api.library.list({ workspaceId })
  const source = requests.find((r) => r.id === tab.saved!.id)
  if (!source) return false
  const draft = tab.draft
  try {
    const { saved } = await api.library.save({ id: source.id, name: source.name, folder: source.folder, sharing: source.sharing, draft })
    const now = composer.get().tabs.find((t) => t.id === tab.id)
    // Mark clean only if nothing was typed while saving.
    if (now && now.draft === draft) composer.markSaved({ id: saved.id, name: saved.name }, tab.id)
    notifyLibraryChanged()
    return true
  } catch (e) {
    if (e instanceof ApiError && e.code === 'invalid_input') return false
    throw e
  }
}
