import { describe, expect, it } from 'vitest'
import { RequestDraft } from '../model'
import { tokendeskSnippet } from './tokendesk'

const draft = (input: Partial<RequestDraft>) => RequestDraft.parse({ method: 'GET', path: '/me', ...input })

describe('tokendeskSnippet', () => {
  it('writes the request as a tokendesk api command that holds no token', () => {
    const snippet = tokendeskSnippet(
      draft({ path: '/contacts/{id}', pathParams: { id: 'a b' }, query: [{ name: 'per_page', value: '5', enabled: true }] }),
      { workspace: "Acme's", defaultVersion: '2.16' }
    )
    expect(snippet.text).toBe(`tokendesk api -w 'Acme'\\''s' '/contacts/a%20b?per_page=5'`)
    expect(snippet).toMatchObject({ setup: null, containsSecret: false })
  })

  it('pipes a body in with --input - and names the method, headers, version and auth when they differ', () => {
    const snippet = tokendeskSnippet(
      draft({
        method: 'PUT',
        path: '/contacts/1',
        body: '{"name":"O\'Neil"}',
        headers: [{ name: 'X-Trace', value: '1', enabled: true }],
        intercomVersion: '2.11',
        authMode: 'basic'
      }),
      { defaultVersion: '2.16' }
    )
    expect(snippet.text).toBe(
      `printf '%s' '{"name":"O'\\''Neil"}' | tokendesk api -X PUT -H 'X-Trace: 1' --version '2.11' --auth basic --input - '/contacts/1'`
    )
  })
})
