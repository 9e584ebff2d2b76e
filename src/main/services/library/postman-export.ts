// "Export to Postman": the saved requests a workspace sees (or only its own, or only the shared
// ones) as a v2.1 collection aimed at that workspace's host.
import type { SharingFilter } from '../../../shared/library'
import { REGION_HOSTS, type Workspace } from '../../../shared/model'
import { workspaceBaseUrl } from '../../../shared/request/host'
import { exportPostmanCollection } from '../import/postman'
import type { SavedRequestStore } from './saved-requests'

export type ExportChoice = 'shared' | 'workspace' | 'visible'

export async function exportToPostman(
  saved: SavedRequestStore,
  workspace: Workspace,
  which: ExportChoice,
  sandboxUrl: string | null,
  /** The workspace's own secrets (besides those in play), cut out of every request in every form. */
  knownSecrets: readonly string[] = []
): Promise<{ filename: string; text: string }> {
  const filter: SharingFilter =
    which === 'shared'
      ? { kind: 'shared' }
      : which === 'workspace'
        ? { kind: 'workspace', workspaceId: workspace.id }
        : { kind: 'visible', workspaceId: workspace.id }
  const { requests } = await saved.list(filter)
  const name = which === 'shared' ? 'Token Desk (shared)' : `Token Desk — ${workspace.name}`
  // Each workspace's own host: the EU workspace exports the EU host, the sandbox its address.
  const baseUrl = workspaceBaseUrl(workspace, sandboxUrl) ?? REGION_HOSTS[workspace.region]
  const collection = exportPostmanCollection(name, requests, { baseUrl, knownSecrets })
  return {
    filename: `${name.replace(/[^A-Za-z0-9 ()_-]+/g, '').trim() || 'collection'}.postman_collection.json`,
    text: JSON.stringify(collection, null, 2)
  }
}
