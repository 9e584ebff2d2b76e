import { randomUUID } from 'node:crypto'
import type { Handlers } from '../../core/dispatch'
import { AppError } from '../../../../shared/errors'
import { RequestDraft } from '../../../../shared/model'
import { isSameOrigin, maskSecret } from '../../../../shared/request/build'
import { importCurl } from '../../import/curl'
import { importPostmanIntoLibrary } from '../../import/postman-into-library'
import { vaultToken } from '../../workspaces/vault-token'
import type { AppContext } from '../context'

type ImportHandlers = Pick<Handlers, 'import.curl' | 'import.vaultCredential' | 'import.postman'>

export function importHandlers(ctx: AppContext): ImportHandlers {
  const { pendingCredentials } = ctx
  return {
    'import.curl': ({ command }) => {
      const imported = importCurl(command)
      const importId = randomUUID()
      const credential = imported.detectedCredential
      // A command aimed at the embedded sandbox carries a sandbox token.
      const sandbox = !!ctx.sandbox && isSameOrigin(imported.draft.path, ctx.sandbox.url)
      if (credential) pendingCredentials.hold(importId, { token: credential.token, sandbox })
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
      const result = await vaultToken(ctx.registry, pending.token, region, pending.sandbox)
      if (!result.id) throw new AppError('conflict', result.error ?? 'The token could not be added.')
      pendingCredentials.release(importId)
      return { workspaceId: result.id }
    },
    'import.postman': ({ json, sharing, folder }) => importPostmanIntoLibrary(ctx.saved, json, sharing, folder)
  }
}
