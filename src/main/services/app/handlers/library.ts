import type { Handlers } from '../../core/dispatch'
import type { ScopeFilter } from '../../../../shared/library'
import { detectSecrets } from '../../library/secrets'
import { saveWithSecrets } from '../../library/save-with-secrets'
import { exportToPostman } from '../../library/postman-export'
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
  | 'library.search'
  | 'library.exportPostman'
>

export function libraryHandlers(ctx: AppContext): LibraryHandlers {
  const { saved, registry } = ctx
  const visible = (workspaceId?: string): ScopeFilter => ({ kind: 'visible', workspaceId: ctx.workspaceId(workspaceId) })
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
    'library.move': ({ id, folder, scope }) => saved.move(id, { folder, scope }),
    'library.reorder': async ({ folder, scope, orderedIds }) => ({ count: (await saved.reorder(folder, scope, orderedIds)).length }),
    'library.remove': ({ id }) => saved.remove(id),
    'library.undoRemove': async ({ undoToken }) => ({ restored: (await saved.undoRemove(undoToken)).length }),
    'library.createFolder': ({ scope, folder }) => saved.createFolder(scope, folder),
    'library.search': async ({ workspaceId, query, limit }) => ({ hits: await saved.search(query, limit, visible(workspaceId)) }),
    'library.exportPostman': ({ workspaceId, scope }) =>
      exportToPostman(saved, registry.get(ctx.workspaceId(workspaceId)), scope, ctx.sandbox?.url ?? null)
  }
}
