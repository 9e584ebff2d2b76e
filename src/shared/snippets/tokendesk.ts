// The `tokendesk` snippet language: the request as a `tokendesk api …` command. It needs no token
// at all: the command line borrows the workspace's credential from Token Desk when it runs.
import type { RequestDraft } from '../model'
import { buildRequest } from '../request/build'
import { posixQuote } from './shells'
import type { Snippet } from './index'

/** Stands in for the workspace's host: only the path and query of the built URL are used. */
const PLACEHOLDER_BASE = 'https://workspace.invalid'

export interface TokendeskSnippetOptions {
  /** The workspace's name, written as -w so the command does not depend on the active one. */
  workspace?: string
  /** The workspace's default version: --version is written only when the draft differs. */
  defaultVersion: string
}

export function tokendeskSnippet(draft: RequestDraft, opts: TokendeskSnippetOptions): Snippet {
  // The same builder as Send: path parameters, query encoding and header checks agree.
  const prepared = buildRequest(draft, { baseUrl: PLACEHOLDER_BASE, defaultVersion: opts.defaultVersion, credential: { kind: 'none' } })
  const url = new URL(prepared.url)
  const target = url.origin === PLACEHOLDER_BASE ? url.pathname + url.search : prepared.url
  const words: string[] = ['tokendesk', 'api']
  if (opts.workspace) words.push('-w', posixQuote(opts.workspace))
  const hasBody = prepared.body !== null
  if (draft.method !== (hasBody ? 'POST' : 'GET')) words.push('-X', draft.method)
  for (const header of draft.headers) {
    if (!header.enabled || header.name === '') continue
    words.push('-H', posixQuote(`${header.name}: ${header.value}`))
  }
  if (draft.intercomVersion && draft.intercomVersion !== opts.defaultVersion) words.push('--version', posixQuote(draft.intercomVersion))
  if (draft.authMode === 'none' || draft.authMode === 'basic') words.push('--auth', draft.authMode)
  const warnings: string[] = []
  const typedAuth = draft.headers.some((h) => h.enabled && h.name.toLowerCase() === 'authorization')
  if (typedAuth) warnings.push('The request has its own Authorization header; it is copied as typed.')
  let command = [...words, posixQuote(target)].join(' ')
  if (hasBody) command = `printf '%s' ${posixQuote(prepared.body ?? '')} | ${[...words, '--input', '-', posixQuote(target)].join(' ')}`
  return { text: command, setup: null, containsSecret: typedAuth, warnings, bodyFile: null }
}
