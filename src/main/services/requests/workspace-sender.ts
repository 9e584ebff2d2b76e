// Sends a draft as a workspace: the one place where a decrypted credential meets a request. The
// explorer, "fetch all pages" and the scope prober all go through it.
import { AppError, isAppError } from '../../../shared/errors'
import type { RequestDraft } from '../../../shared/model'
import { buildRequest, isSameOrigin, type Credential, type PreparedRequest } from '../../../shared/request/build'
import { credentialSecrets } from '../../../shared/request/secret-forms'
import { addSecretsInPlay } from '../core/redact'
import { executeRequest, type ExecuteOptions, type ExecutedResponse } from './executor'
import type { WorkspaceCredential, WorkspaceRegistry } from '../workspaces'

export interface PreparedForWorkspace {
  prepared: PreparedRequest
  credential: WorkspaceCredential
  /** The secret values in this request, for redaction downstream. */
  secrets: string[]
}

export function credentialForBuild(auth: WorkspaceCredential['auth']): Credential {
  return auth.kind === 'bearer' ? { kind: 'token', token: auth.token } : { kind: 'legacy', appId: auth.appId, apiKey: auth.apiKey }
}

/**
 * A sandbox workspace shows its region's official host (https://api.eu.intercom.io) in the composer,
 * so a full URL on that host means the sandbox: it becomes a path on the sandbox, never a foreign host.
 */
export function onWorkspaceHost(draft: RequestDraft, endpoint: Pick<WorkspaceCredential, 'officialBase'>): RequestDraft {
  if (!endpoint.officialBase || !/^https?:\/\//i.test(draft.path) || !isSameOrigin(draft.path, endpoint.officialBase)) return draft
  // Keep the path as typed (placeholders like {id} included): only the scheme and host are dropped.
  const path = draft.path.replace(/^https?:\/\/[^/?#]*/i, '')
  return { ...draft, path: path.startsWith('/') ? path : `/${path}` }
}

export class WorkspaceSender {
  constructor(
    private readonly registry: WorkspaceRegistry,
    private readonly spoolDir: string,
    private readonly execute: (req: PreparedRequest, opts: ExecuteOptions) => Promise<ExecutedResponse> = executeRequest
  ) {}

  /** Resolves the workspace (the active one by default) and builds the exact request. */
  async prepare(workspaceId: string | undefined, draft: RequestDraft): Promise<PreparedForWorkspace> {
    const id = workspaceId ?? this.registry.active()?.id
    if (!id) throw new AppError('invalid_input', 'Add or select a workspace first.')
    const credential = await this.registry.credentialFor(id)
    draft = onWorkspaceHost(draft, credential)
    const target = /^https?:\/\//i.test(draft.path) ? draft.path : credential.apiBase
    // A full URL to another host never gets the workspace's token.
    if (draft.authMode !== 'none' && !isSameOrigin(target, credential.apiBase)) {
      throw new AppError(
        'invalid_input',
        `Token Desk sends this workspace's credential only to ${new URL(credential.apiBase).host}. To call another host, switch the auth mode to None.`
      )
    }
    const prepared = buildRequest(draft, {
      baseUrl: credential.apiBase,
      defaultVersion: credential.intercomVersion,
      credential: credentialForBuild(credential.auth)
    })
    // Every secret in play; the redactor also cuts out their base64, Basic and URL-encoded forms.
    const secrets = credentialSecrets(credential.auth)
    addSecretsInPlay(secrets)
    return { prepared, credential, secrets }
  }

  /** Auth mode None: the workspace's host only, so a workspace whose secret is gone can still send. */
  #prepareWithoutCredential(workspaceId: string | undefined, draft: RequestDraft): Omit<PreparedForWorkspace, 'credential'> {
    const endpoint = this.registry.endpointFor(workspaceId ?? this.registry.active()?.id ?? '')
    const prepared = buildRequest(onWorkspaceHost(draft, endpoint), {
      baseUrl: endpoint.apiBase,
      defaultVersion: endpoint.intercomVersion,
      credential: { kind: 'none' }
    })
    return { prepared, secrets: [] }
  }

  async send(workspaceId: string | undefined, draft: RequestDraft, options: Omit<ExecuteOptions, 'spoolDir'> = {}) {
    const ready = await this.prepare(workspaceId, draft).catch((error: unknown) => {
      if (draft.authMode === 'none' && isAppError(error) && error.code === 'vault_unavailable')
        return this.#prepareWithoutCredential(workspaceId, draft)
      throw error
    })
    const response = await this.execute(ready.prepared, { ...options, spoolDir: this.spoolDir })
    return { ...ready, response }
  }
}
