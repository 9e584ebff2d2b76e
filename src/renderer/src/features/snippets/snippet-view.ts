// What the Code tab shows for a draft. The renderer never holds the token: 'env' needs none, and
// 'masked' and the on-screen preview of 'real' use the workspace's masked token preview. The real
// snippet is only ever built and copied by main.
import type { RequestDraft, Workspace } from '../../../../shared/model'
import { workspaceBaseUrl } from '../../../../shared/request/host'
import { buildRequest } from '../../../../shared/request/build'
import { curlSnippet, type CodeLanguage, type Shell, type Snippet, type TokenStyle } from '../../../../shared/snippets'
import { codeSnippet } from '../../../../shared/snippets/code'

export type SnippetView = { ok: true; snippet: Snippet } | { ok: false; error: string }

export interface SnippetViewOptions {
  shell: Shell
  multiline: boolean
  tokenStyle: TokenStyle
  /** Python or Node.js code instead of a curl command. */
  language?: CodeLanguage | null
}

export const snippetBaseUrl = workspaceBaseUrl

export function snippetView(
  draft: RequestDraft,
  workspace: Pick<Workspace, 'sandbox' | 'region' | 'intercomVersion' | 'tokenPreview' | 'authKind'>,
  sandboxUrl: string | null,
  opts: SnippetViewOptions
): SnippetView {
  const baseUrl = snippetBaseUrl(workspace, sandboxUrl)
  if (!baseUrl) return { ok: false, error: 'The sandbox is not running, so there is no address to put in the snippet.' }
  try {
    // No credential here: the generator writes the auth part itself in the chosen style.
    const prepared = buildRequest(draft, { baseUrl, defaultVersion: workspace.intercomVersion, credential: { kind: 'none' } })
    const kind = workspace.authKind === 'legacy_api_key' ? 'legacy' : 'token'
    // The preview is already masked (`masked: true`): written verbatim, it keeps its first and
    // last four characters, where masking it again would hide it entirely.
    const auth = { mode: draft.authMode, kind, secret: opts.tokenStyle === 'env' ? null : workspace.tokenPreview, masked: true } as const
    const tokenStyle: TokenStyle = opts.tokenStyle === 'env' ? 'env' : 'masked'
    const snippet = opts.language
      ? codeSnippet(opts.language, prepared, auth, { tokenStyle })
      : curlSnippet(prepared, auth, { ...opts, tokenStyle })
    if (opts.tokenStyle === 'env') return { ok: true, snippet }
    const typedAuth = prepared.headers.some(([name]) => name.toLowerCase() === 'authorization')
    return { ok: true, snippet: { ...snippet, containsSecret: typedAuth } }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
