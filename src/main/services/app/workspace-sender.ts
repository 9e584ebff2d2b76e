// Sends a draft as a workspace: the one place where a decrypted credential meets a request. The
// explorer, "fetch all pages" and the scope prober all go through it.
import { AppError } from '../../../shared/errors'
import type { RequestDraft } from '../../../shared/model'
import { buildRequest, isSameOrigin, type Credential, type PreparedRequest } from '../../../shared/request/build'
import { executeRequest, type ExecuteOptions, type ExecutedResponse } from '../http/executor'
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
    const secrets =
      credential.auth.kind === 'bearer'
        ? [credential.auth.token]
        : [credential.auth.apiKey, `${credential.auth.appId}:${credential.auth.apiKey}`]
    return { prepared, credential, secrets }
  }

  async send(workspaceId: string | undefined, draft: RequestDraft, options: Omit<ExecuteOptions, 'spoolDir'> = {}) {
    const ready = await this.prepare(workspaceId, draft)
    const response = await this.execute(ready.prepared, { ...options, spoolDir: this.spoolDir })
    return { ...ready, response }
  }
}
