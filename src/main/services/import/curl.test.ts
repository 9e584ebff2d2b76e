import { describe, expect, it } from 'vitest'
import { buildRequest } from '../../../shared/request/build'
import { RequestDraft } from '../../../shared/model'
import { CurlImportError, importCurl } from './curl'

describe('importCurl with commands in the style of Intercom docs', () => {
  it('imports a POST with a multi-line JSON body, version header and bearer token', () => {
    const result = importCurl(`curl -i -X POST \\
  https://api.intercom.io/contacts \\
  -H 'Authorization: Bearer dG9rOjEyMzQ1Njc4OTA=' \\
  -H 'Content-Type: application/json' \\
  -H 'Intercom-Version: 2.14' \\
  -d '{
    "role": "user",
    "name": "Joe O'\\''Bloggs"
  }'`)
    expect(result.region).toBe('US')
    expect(result.detectedCredential).toEqual({ kind: 'bearer', token: 'dG9rOjEyMzQ1Njc4OTA=' })
    expect(result.draft).toMatchObject({
      method: 'POST',
      path: '/contacts',
      intercomVersion: '2.14',
      authMode: 'bearer',
      headers: [],
      query: []
    })
    expect(result.draft.body).toBe(`{\n    "role": "user",\n    "name": "Joe O'Bloggs"\n  }`)
    expect(result.warnings).toEqual(['-i is not a supported option'])
    expect(JSON.stringify(result.draft)).not.toContain('dG9rOjEyMzQ1Njc4OTA=')
  })

  it('imports a GET on the EU host with a path id and a docs token placeholder', () => {
    const result = importCurl(`curl https://api.eu.intercom.io/contacts/63a07ddf05a32042dffac965/notes?per_page=5 \\
  -H 'Intercom-Version: 2.11' \\
  -H 'Authorization:Bearer <YOUR_TOKEN_HERE>'`)
    expect(result.region).toBe('EU')
    expect(result.detectedCredential).toBeNull()
    expect(result.draft).toMatchObject({
      method: 'GET',
      path: '/contacts/63a07ddf05a32042dffac965/notes',
      intercomVersion: '2.11',
      authMode: 'bearer',
      body: null
    })
    // A query that rows send as written fills the Params table (the composer's own rule).
    expect(result.draft.query).toEqual([{ name: 'per_page', value: '5', enabled: true }])
  })

  it('reads $-strings, --url, --data-raw, -u token: and keeps custom headers', () => {
    const result = importCurl(
      `curl --url 'https://api.au.intercom.io/conversations/{id}/reply' -X POST -u 'tok_abc:' -H $'X-Note: it\\'s' -H 'Accept: text/plain' --data-raw $'{"body":"it\\'s"}' --compressed`
    )
    expect(result.region).toBe('AU')
    expect(result.detectedCredential).toEqual({ kind: 'basic', token: 'tok_abc' })
    expect(result.draft).toMatchObject({
      method: 'POST',
      path: '/conversations/{id}/reply',
      pathParams: { id: '' },
      authMode: 'basic',
      body: `{"body":"it's"}`
    })
    expect(result.draft.headers).toEqual([
      { name: 'X-Note', value: "it's", enabled: true },
      { name: 'Accept', value: 'text/plain', enabled: true },
      // What curl itself sends with -d and no Content-Type.
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true }
    ])
    expect(result.warnings).toEqual([
      expect.stringMatching(/^The URL has \{…\}/),
      'curl sends this JSON body as application/x-www-form-urlencoded; Intercom expects Content-Type: application/json.'
    ])
  })

  it('keeps a non-Intercom URL whole and decodes its query', () => {
    const result = importCurl(
      `curl 'http://127.0.0.1:4010/admins?email=a%40b.com&flag' --data-binary '@/etc/passwd' -H 'Content-Type: text/plain'`
    )
    expect(result.region).toBeNull()
    // The query stays as written: "flag" without "=" keeps its meaning (issue 9, defect 8).
    expect(result.draft.path).toBe('http://127.0.0.1:4010/admins?email=a%40b.com&flag')
    expect(result.draft.query).toEqual([])
    // --data-binary '@file' reads a file: that must never turn into a literal body or a file read.
    expect(result.draft.body).toBeNull()
    expect(result.warnings.join(' ')).toContain('/etc/passwd')
  })

  it('keeps --data-raw @text as a literal body and a Basic header as a credential', () => {
    const basic = Buffer.from('tok_xyz:').toString('base64')
    const result = importCurl(`curl https://api.intercom.io/x --data-raw '@not-a-file' -H 'Authorization: Basic ${basic}'`)
    expect(result.draft.body).toBe('@not-a-file')
    expect(result.draft.method).toBe('POST')
    expect(result.detectedCredential).toEqual({ kind: 'basic', token: 'tok_xyz' })
  })

  it('leaves out credentials it cannot keep, with a warning', () => {
    const legacy = importCurl(`curl https://api.intercom.io/me -u 'app_id:api_key'`)
    expect(legacy.detectedCredential).toBeNull()
    expect(legacy.warnings.join(' ')).toMatch(/password/)
    const variable = importCurl(`curl https://api.intercom.io/me -H "Authorization: Bearer $INTERCOM_TOKEN"`)
    expect(variable.detectedCredential).toBeNull()
    expect(variable.draft.headers).toEqual([])
    expect(variable.warnings.join(' ')).toMatch(/shell variable/)
    // Issue 9, defect 8: another scheme is kept as typed and no workspace token replaces it.
    const other = importCurl(`curl https://api.intercom.io/me -H 'Authorization: Token abc'`)
    expect(other.detectedCredential).toBeNull()
    expect(other.draft.headers).toEqual([{ name: 'Authorization', value: 'Token abc', enabled: true }])
    expect(other.draft.authMode).toBe('none')
    expect(legacy.draft.authMode).toBe('legacy')
  })

  it('lifts user info out of the URL like -u', () => {
    const result = importCurl('curl https://tok_u@api.intercom.io/me')
    expect(result.detectedCredential).toEqual({ kind: 'basic', token: 'tok_u' })
    expect(result.draft.path).toBe('/me')
    expect(JSON.stringify(result.draft)).not.toContain('tok_u')
  })

  it('warns about a body on a GET and about http on an Intercom host', () => {
    const result = importCurl(`curl -X GET http://api.intercom.io/me -d 'x'`)
    expect(result.draft.path).toBe('/me')
    expect(result.warnings.join(' ')).toMatch(/GET request cannot have a body/)
    expect(result.warnings.join(' ')).toMatch(/https/)
  })

  it('produces a draft the request builder accepts', () => {
    const result = importCurl(`curl -X PATCH 'https://api.intercom.io/contacts/123?x=a+b' -H 'Content-Type: application/json' -d '{"a":1}'`)
    const req = buildRequest(RequestDraft.parse(result.draft), {
      baseUrl: 'https://api.intercom.io',
      defaultVersion: '2.14',
      credential: { kind: 'none' }
    })
    expect(req).toEqual({
      method: 'PATCH',
      // The query exactly as typed: "+" stays "+" (issue 9, defect 8).
      url: 'https://api.intercom.io/contacts/123?x=a+b',
      headers: [
        ['Accept', 'application/json'],
        ['Accept-Encoding', 'gzip, deflate'],
        ['User-Agent', 'TokenDesk/0.1'],
        ['Intercom-Version', '2.14'],
        ['Content-Type', 'application/json']
      ],
      body: '{"a":1}'
    })
  })

  it.each([
    ['not curl', 'ls -la /'],
    ['no URL', 'curl -H "X: 1"'],
    ['unterminated quote', `curl 'https://api.intercom.io`],
    ['unknown option', 'curl --no-such-flag https://api.intercom.io/me'],
    ['empty', '   '],
    ['other scheme', 'curl ftp://example.com/file']
  ])('throws a clear error for %s', (_name, command) => {
    expect(() => importCurl(command)).toThrow(CurlImportError)
  })
})
