import type { Handlers } from '../../core/dispatch'
import type { SharingFilter } from '../../../../shared/library'
import { detectSecrets } from '../../library/secrets'
import { saveWithSecrets } from '../../library/save-with-secrets'
import { exportToPostman } from '../../library/postman-export'
import { credentialSecrets } from '../../../../shared/request/secret-forms'
import type { AppContext } from '../context'

type LibraryHandlers = Pick<
  Handlers,
  | 'library.list'
  | 'library.save'
  | 'library.detectSecrets'
  | 'library.rename'
  | 'library.duplicate'
  | 'library.move'
  | 'library.reorder'
  | 'library.remove'
  | 'library.undoRemove'
  | 'library.createFolder'
  | 'library.renameFolder'
  | 'library.removeFolder'
  | 'library.search'
  | 'library.exportPostman'
>

/** The path of a folder's sibling called `name` (a rename keeps the folder where it is). */
const siblingPath = (folder: string, name: string) => [...folder.split('/').slice(0, -1), name].join('/')

export function libraryHandlers(ctx: AppContext): LibraryHandlers {
  const { saved, registry } = ctx
  const visible = (workspaceId?: string): SharingFilter => ({ kind: 'visible', workspaceId: ctx.workspaceId(workspaceId) })
  return {
    'library.list': async ({ workspaceId }) => {
      const filter = visible(workspaceId)
      const [list, folders] = await Promise.all([saved.list(filter), saved.listFolders(filter)])
      return { ...list, folders }
    },
    'library.save': ({ secrets, region, ...input }) => saveWithSecrets(saved, registry, input, secrets, region),
    'library.detectSecrets': ({ draft }) => ({ findings: detectSecrets(draft) }),
    'library.rename': ({ id, name }) => saved.rename(id, name),
    'library.duplicate': ({ id }) => saved.duplicate(id),
    'library.move': ({ id, folder, sharing }) => saved.move(id, { folder, sharing }),
    'library.reorder': async ({ folder, sharing, orderedIds }) => ({ count: (await saved.reorder(folder, sharing, orderedIds)).length }),
    'library.remove': ({ id }) => saved.remove(id),
    'library.undoRemove': async ({ undoToken }) => ({ restored: (await saved.undoRemove(undoToken)).length }),
    'library.createFolder': ({ sharing, folder }) => saved.createFolder(sharing, folder),
    'library.renameFolder': ({ sharing, folder, name }) => saved.renameFolder(sharing, folder, siblingPath(folder, name)),
    'library.removeFolder': ({ sharing, folder }) => saved.removeFolder(sharing, folder, { recursive: true }),
    'library.search': async ({ workspaceId, query, limit }) => ({ hits: await saved.search(query, limit, visible(workspaceId)) }),
    'library.exportPostman': async ({ workspaceId, sharing }) => {
      const id = ctx.workspaceId(workspaceId)
      // The workspace's secret is cut out of the export in every form, when the vault can read it now.
      const known = await registry.credentialFor(id).then(
        (c) => credentialSecrets(c.auth),
        () => []
      )
      return exportToPostman(saved, registry.get(id), sharing, ctx.sandbox?.url ?? null, known)
    }
  }
}
