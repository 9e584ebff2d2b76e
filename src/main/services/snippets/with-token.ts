// A snippet with the workspace's real token, made in main for "Copy with token": built with the
// real credential first, so it refuses, with Send's own message, what Send refuses.
import { AppError } from '../../../shared/errors'
import type { RequestDraft } from '../../../shared/model'
import { buildRequest, credentialSecret } from '../../../shared/request/build'
import { curlSnippet, SnippetError, type CodeLanguage, type Shell } from '../../../shared/snippets'
import { codeSnippet } from '../../../shared/snippets/code'
import { credentialForBuild, type WorkspaceSender } from '../requests/workspace-sender'

export interface SnippetChoice {
  shell: Shell
  multiline: boolean
  language?: CodeLanguage
}

export async function snippetWithToken(
  sender: WorkspaceSender,
  workspaceId: string | undefined,
  draft: RequestDraft,
  { shell, multiline, language }: SnippetChoice
): Promise<string> {
  const { credential } = await sender.prepare(workspaceId, draft)
  const build = credentialForBuild(credential.auth)
  const auth = { mode: draft.authMode, kind: build.kind, secret: credentialSecret(build) }
  try {
    const prepared = buildRequest(draft, {
      baseUrl: credential.apiBase,
      defaultVersion: credential.intercomVersion,
      credential: { kind: 'none' }
    })
    return language
      ? codeSnippet(language, prepared, auth, { tokenStyle: 'real' }).text
      : curlSnippet(prepared, auth, { shell, multiline, tokenStyle: 'real' }).text
  } catch (error) {
    if (error instanceof SnippetError) throw new AppError('invalid_input', error.message)
    throw error
  }
}
