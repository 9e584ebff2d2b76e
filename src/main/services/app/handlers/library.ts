import { randomUUID } from 'node:crypto'
import type { Handlers } from '../../core/dispatch'
import { AppError, isAppError } from '../../../../shared/errors'
import type { ScopeFilter } from '../../../../shared/library'
import { buildRequest, credentialSecret, isSameOrigin, maskSecret } from '../../../../shared/request/build'
import { curlSnippet, SnippetError } from '../../../../shared/snippets'
import { codeSnippet } from '../../../../shared/snippets/code'
import { workspaceBaseUrl } from '../../../../shared/request/host'
import { credentialForBuild } from '../../requests/workspace-sender'
import { detectSecrets, findSecretValues } from '../../library/secrets'
import { exportPostmanCollection, importPostmanCollection } from '../../import/postman'
import { importCurl } from '../../import/curl'
import { convertCurl } from '../../snippets/convert'
import { REGION_HOSTS, RequestDraft, type Region } from '../../../../shared/model'
import { CLIPBOARD_CLEAR_MS, type AppContext } from '../context'

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
  | 'import.postman'
  | 'library.exportPostman'
  | 'history.list'
  | 'history.clear'
  | 'history.body'
  | 'snippets.copyWithToken'
  | 'snippets.convert'
  | 'import.curl'
  | 'import.vaultCredential'
>

/** How long a credential found in a pasted curl command waits in memory for the user's decision. */
const PENDING_CREDENTIAL_TTL_MS = 10 * 60_000

export function libraryHandlers(ctx: AppContext): LibraryHandlers {
  const { saved, history, registry } = ctx
  const pendingCredentials = new Map<string, { token: string; sandbox: boolean; expiresAt: number }>()
  const visible = (workspaceId?: string): ScopeFilter => ({ kind: 'visible', workspaceId: ctx.workspaceId(workspaceId) })

  /** Puts a token into the vault as a verified workspace; a duplicate means it is already there. */
  const vaultToken = async (token: string, region: Region, sandbox: boolean): Promise<{ id: string | null; error: string | null }> => {
    try {
      return { id: (await registry.addByToken({ token, region, sandbox })).id, error: null }
    } catch (error) {
      if (isAppError(error) && error.code === 'conflict')
        return { id: null, error: 'That token belongs to a workspace that is already in the vault.' }
      return { id: null, error: isAppError(error) ? error.message : 'The token could not be verified.' }
    }
  }

  return {
    'library.list': async ({ workspaceId }) => {
      const filter = visible(workspaceId)
      const [list, folders] = await Promise.all([saved.list(filter), saved.listFolders(filter)])
      return { ...list, folders }
    },

    'library.save': async ({ id, name, folder, scope, draft, secrets, region }) => {
      const found = findSecretValues(draft)
      if (found.length > 0 && secrets === 'refuse') {
        throw new AppError(
          'invalid_input',
          'This request holds a credential; saved requests never keep secrets. Move it into the vault or remove it.',
          {
            findings: found.map(({ location, name: n, preview }) => ({ location, name: n, preview }))
          }
        )
      }
      let vaulted: { id: string | null; error: string | null } = { id: null, error: null }
      if (found.length > 0 && secrets === 'vault') {
        const token = found.find((f) => f.location === 'header' && /^authorization$/i.test(f.name))?.value ?? found[0]!.value
        // A token typed into a request is for the host the request goes to: the active workspace's.
        const active = registry.active()
        vaulted = await vaultToken(token, active?.sandbox ? active.region : region, active?.sandbox ?? false)
      }
      const result = await saved.save({ id, name, folder, scope, draft }, found.length > 0 ? { secretsHandled: 'strip' } : {})
      return { saved: result, vaultedWorkspaceId: vaulted.id, vaultError: vaulted.error }
    },

    'library.detectSecrets': ({ draft }) => ({ findings: detectSecrets(draft) }),
    'library.rename': ({ id, name }) => saved.rename(id, name),
    'library.duplicate': ({ id }) => saved.duplicate(id),
    'library.move': ({ id, folder, scope }) => saved.move(id, { folder, scope }),
    'library.reorder': async ({ folder, scope, orderedIds }) => ({ count: (await saved.reorder(folder, scope, orderedIds)).length }),
    'library.remove': ({ id }) => saved.remove(id),
    'library.undoRemove': async ({ undoToken }) => ({ restored: (await saved.undoRemove(undoToken)).length }),
    'library.createFolder': ({ scope, folder }) => saved.createFolder(scope, folder),
    'library.search': async ({ workspaceId, query, limit }) => ({ hits: await saved.search(query, limit, visible(workspaceId)) }),

    'import.postman': async ({ json, scope, folder }) => {
      const imported = importPostmanCollection(json)
      // Literal credentials found in the collection stay out of every draft and are not kept.
      imported.credentialValues.clear()
      let count = 0
      for (const request of imported.requests) {
        const target = [folder, request.folder].filter(Boolean).join('/')
        await saved.save({ name: request.name, folder: target, scope, draft: request.draft }, { secretsHandled: 'strip' })
        count++
      }
      return { ...imported.report, saved: count }
    },

    'library.exportPostman': async ({ workspaceId, scope }) => {
      const id = ctx.workspaceId(workspaceId)
      const filter: ScopeFilter =
        scope === 'shared'
          ? { kind: 'shared' }
          : scope === 'workspace'
            ? { kind: 'workspace', workspaceId: id }
            : { kind: 'visible', workspaceId: id }
      const { requests } = await saved.list(filter)
      const workspace = registry.get(id)
      const name = scope === 'shared' ? 'Token Desk (shared)' : `Token Desk — ${workspace.name}`
      // Each workspace's own host: the EU workspace exports the EU host, the sandbox its address.
      const baseUrl = workspaceBaseUrl(workspace, ctx.sandbox?.url ?? null) ?? REGION_HOSTS[workspace.region]
      const collection = exportPostmanCollection(name, requests, { baseUrl })
      return {
        filename: `${name.replace(/[^A-Za-z0-9 ()_-]+/g, '').trim() || 'collection'}.postman_collection.json`,
        text: JSON.stringify(collection, null, 2)
      }
    },

    'history.list': async ({ workspaceId, query }) => {
      const id = ctx.workspaceId(workspaceId)
      if (!query.trim()) return history.list(id)
      return { entries: await history.search(id, query, 200), problems: [] }
    },
    'history.clear': async ({ workspaceId }) => {
      const id = ctx.workspaceId(workspaceId)
      const { entries } = await history.list(id)
      await history.clear(id)
      ctx.events.emit('historyChanged', { workspaceId: id })
      return { removed: entries.length }
    },
    'history.body': async ({ workspaceId, entryId }) => {
      const id = ctx.workspaceId(workspaceId)
      const entry = await history.get(id, entryId)
      return { text: entry.bodyStored ? (await history.readBody(id, entryId)).toString('utf8') : null }
    },

    'snippets.copyWithToken': async ({ workspaceId, draft, shell, multiline, language }) => {
      // Building with the real credential first refuses, with Send's own message, what Send refuses.
      const { credential } = await ctx.sender.prepare(workspaceId, draft)
      const build = credentialForBuild(credential.auth)
      const auth = { mode: draft.authMode, kind: build.kind, secret: credentialSecret(build) }
      let text: string
      try {
        const prepared = buildRequest(draft, {
          baseUrl: credential.apiBase,
          defaultVersion: credential.intercomVersion,
          credential: { kind: 'none' }
        })
        text = language
          ? codeSnippet(language, prepared, auth, { tokenStyle: 'real' }).text
          : curlSnippet(prepared, auth, { shell, multiline, tokenStyle: 'real' }).text
      } catch (error) {
        if (error instanceof SnippetError) throw new AppError('invalid_input', error.message)
        throw error
      }
      if (!ctx.deps.clipboard) return { copied: false, text, clearAfterMs: CLIPBOARD_CLEAR_MS }
      await ctx.deps.clipboard.copySecret(text, CLIPBOARD_CLEAR_MS)
      return { copied: true, text: null, clearAfterMs: CLIPBOARD_CLEAR_MS }
    },

    'snippets.convert': ({ curl, language }) => convertCurl(curl, language),

    'import.curl': ({ command }) => {
      const imported = importCurl(command)
      const importId = randomUUID()
      const now = ctx.deps.clock.now()
      for (const [key, pending] of pendingCredentials) if (pending.expiresAt < now) pendingCredentials.delete(key)
      const credential = imported.detectedCredential
      // A command aimed at the embedded sandbox carries a sandbox token.
      const sandbox = !!ctx.sandbox && isSameOrigin(imported.draft.path, ctx.sandbox.url)
      if (credential) pendingCredentials.set(importId, { token: credential.token, sandbox, expiresAt: now + PENDING_CREDENTIAL_TTL_MS })
      return {
        importId,
        draft: RequestDraft.parse(imported.draft),
        region: imported.region,
        detectedCredential: credential ? { kind: credential.kind, preview: maskSecret(credential.token) } : null,
        warnings: imported.warnings
      }
    },

    'import.vaultCredential': async ({ importId, region }) => {
      const pending = pendingCredentials.get(importId)
      if (!pending) throw new AppError('not_found', 'That pasted credential is no longer held; paste the curl command again.')
      const result = await vaultToken(pending.token, region, pending.sandbox)
      if (!result.id) throw new AppError('conflict', result.error ?? 'The token could not be added.')
      pendingCredentials.delete(importId)
      return { workspaceId: result.id }
    }
  }
}
