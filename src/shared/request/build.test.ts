/// <reference types="node" />
import { describe, expect, it } from 'vitest'
import { RequestDraft, type RequestDraftInput } from '../model'
import { authorizationHeader, buildRequest, isSameOrigin, maskSecret, RequestBuildError, type BuildContext, type Credential } from './build'

const token: Credential = { kind: 'token', token: 'tok_123' }
const ctx: BuildContext = { baseUrl: 'https://api.intercom.io', defaultVersion: '2.14', credential: token }
const draft = (input: Partial<RequestDraftInput>): RequestDraft => RequestDraft.parse({ method: 'GET', path: '/me', ...input })
const build = (input: Partial<RequestDraftInput>, over: Partial<BuildContext> = {}) => buildRequest(draft(input), { ...ctx, ...over })
const row = (name: string, value: string, enabled = true) => ({ name, value, enabled })

function buildError(input: Partial<RequestDraftInput>, over: Partial<BuildContext> = {}): RequestBuildError {
  try {
    build(input, over)
  } catch (e) {
    expect(e).toBeInstanceOf(RequestBuildError)
    return e as RequestBuildError
  }
  throw new Error('expected buildRequest to throw')
}

describe('buildRequest: URL', () => {
  it.each([
    ['relative path', { path: '/contacts' }, {}, 'https://api.intercom.io/contacts'],
    ['relative path without slash', { path: 'contacts' }, {}, 'https://api.intercom.io/contacts'],
    [
      'base with trailing slash and prefix',
      { path: '/contacts' },
      { baseUrl: 'http://127.0.0.1:4010/sandbox/' },
      'http://127.0.0.1:4010/sandbox/contacts'
    ],
    ['full URL to another origin', { path: 'https://example.com/x?a=1' }, {}, 'https://example.com/x?a=1'],
    [
      'existing query kept, rows appended',
      { path: '/contacts?per_page=5', query: [row('starting_after', 'abc')] },
      {},
      'https://api.intercom.io/contacts?per_page=5&starting_after=abc'
    ],
    [
      'query rows RFC 3986 encoded',
      { query: [row('q', "a b&c=d/é!'()*~"), row('empty', '')] },
      {},
      'https://api.intercom.io/me?q=a%20b%26c%3Dd%2F%C3%A9%21%27%28%29%2A~&empty='
    ],
    [
      'disabled and nameless query rows ignored',
      { query: [row('off', '1', false), row('', 'x'), row('on', '2')] },
      {},
      'https://api.intercom.io/me?on=2'
    ],
    [
      'path param substituted and encoded',
      { path: '/contacts/{contact_id}/notes', pathParams: { contact_id: 'a/b c?#' } },
      {},
      'https://api.intercom.io/contacts/a%2Fb%20c%3F%23/notes'
    ],
    [
      'raw brackets, braces and spaces canonicalised',
      { path: '/x y/[z]?a=[1]{2}|`' },
      {},
      'https://api.intercom.io/x%20y/%5Bz%5D?a=%5B1%5D%7B2%7D%7C%60'
    ],
    ['stray percent encoded, valid escape kept', { path: '/a%zz/b%2F' }, {}, 'https://api.intercom.io/a%25zz/b%2F'],
    ['fragment dropped', { path: '/me#frag' }, {}, 'https://api.intercom.io/me'],
    ['protocol-relative path stays on the host', { path: '//evil.example/x' }, {}, 'https://api.intercom.io//evil.example/x'],
    ['unicode path', { path: '/ünï' }, {}, 'https://api.intercom.io/%C3%BCn%C3%AF']
  ])('%s', (_name, input, over, url) => {
    expect(build(input, over).url).toBe(url)
  })

  it.each([
    ['missing param', { path: '/contacts/{contact_id}' }, 'pathParams', 'contact_id'],
    ['empty param', { path: '/contacts/{contact_id}', pathParams: { contact_id: '' } }, 'pathParams', 'contact_id'],
    ['dot-dot param', { path: '/contacts/{id}', pathParams: { id: '..' } }, 'pathParams', 'id'],
    ['bad full URL', { path: 'https://exa mple.com:99999/' }, 'path', undefined],
    ['credentials in URL', { path: 'https://user:pw@example.com/' }, 'path', undefined]
  ])('refuses %s', (_name, input, field, name) => {
    const e = buildError(input)
    expect(e.field).toBe(field)
    expect(e.fieldName).toBe(name)
    if (name) expect(e.message).toContain(name)
  })

  it('refuses a bad base URL', () => {
    expect(buildError({}, { baseUrl: 'not a url' }).field).toBe('baseUrl')
    expect(buildError({}, { baseUrl: 'ftp://x' }).field).toBe('baseUrl')
  })

  it('isSameOrigin compares scheme, host and port', () => {
    expect(isSameOrigin('https://api.intercom.io/x', 'https://api.intercom.io')).toBe(true)
    expect(isSameOrigin('https://api.eu.intercom.io/x', 'https://api.intercom.io')).toBe(false)
    expect(isSameOrigin('http://api.intercom.io/x', 'https://api.intercom.io')).toBe(false)
    expect(isSameOrigin('not a url', 'https://api.intercom.io')).toBe(false)
  })
})

describe('buildRequest: headers', () => {
  it('orders defaults then user headers, with Content-Type only for a body', () => {
    expect(build({ headers: [row('X-A', '1')] }).headers).toEqual([
      ['Accept', 'application/json'],
      ['Accept-Encoding', 'gzip, deflate'],
      ['User-Agent', 'TokenDesk/0.1'],
      ['Intercom-Version', '2.14'],
      ['Authorization', 'Bearer tok_123'],
      ['X-A', '1']
    ])
    expect(build({ method: 'POST', body: '{}', intercomVersion: '2.11' }).headers).toEqual([
      ['Accept', 'application/json'],
      ['Accept-Encoding', 'gzip, deflate'],
      ['User-Agent', 'TokenDesk/0.1'],
      ['Intercom-Version', '2.11'],
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer tok_123']
    ])
  })

  it('lets a user header override a default case-insensitively, in the default position', () => {
    const { headers } = build({
      method: 'POST',
      body: 'x',
      headers: [row('accept', 'text/plain'), row('CONTENT-TYPE', 'text/csv'), row('intercom-version', 'Unstable')]
    })
    expect(headers).toEqual([
      ['Accept-Encoding', 'gzip, deflate'],
      ['User-Agent', 'TokenDesk/0.1'],
      ['Authorization', 'Bearer tok_123'],
      ['accept', 'text/plain'],
      ['CONTENT-TYPE', 'text/csv'],
      ['intercom-version', 'Unstable']
    ])
  })

  it('ignores disabled and nameless rows and trims surrounding whitespace', () => {
    const { headers } = build({ headers: [row('X-Off', '1', false), row('', 'v'), row('X-Pad', ' \t v a \t'), row('X-Empty', '')] })
    expect(headers.slice(5)).toEqual([
      ['X-Pad', 'v a'],
      ['X-Empty', '']
    ])
  })

  it.each([
    ['CR', 'a\rb', 'carriage return'],
    ['LF', 'a\nInjected: 1', 'line feed'],
    ['NUL', 'a\0b', 'NUL'],
    ['non-ASCII', 'café', '"é"'],
    ['control character', 'a\x07', '"\\u0007"']
  ])('refuses a header value with %s, naming the header', (_name, value, what) => {
    const e = buildError({ headers: [row('X-Bad', value)] })
    expect(e.field).toBe('headers')
    expect(e.fieldName).toBe('X-Bad')
    expect(e.message).toContain('X-Bad')
    expect(e.message).toContain(what)
  })

  it.each(['X Bad', 'X:Bad', 'Ünï', '@file', 'X\r\nY'])('refuses header name %j', (name) => {
    const e = buildError({ headers: [row(name, 'v')] })
    expect(e.field).toBe('headers')
    expect(e.message).toContain(name)
  })

  it.each(['Content-Length', 'transfer-encoding', 'Host', 'Connection'])('refuses client-owned header %s', (name) => {
    expect(buildError({ headers: [row(name, '1')] }).message).toContain(name)
  })

  it('refuses a version with a line break', () => {
    expect(buildError({ intercomVersion: '2.14\r\nX: 1' }).fieldName).toBe('Intercom-Version')
  })
})

describe('buildRequest: auth', () => {
  it.each<[RequestDraft['authMode'], Credential, string | null]>([
    ['bearer', token, 'Bearer tok_123'],
    ['basic', token, `Basic ${Buffer.from('tok_123:').toString('base64')}`],
    ['basic', { kind: 'legacy', appId: 'app', apiKey: 'kéy' }, `Basic ${Buffer.from('app:kéy').toString('base64')}`],
    ['legacy', { kind: 'legacy', appId: 'app', apiKey: 'key' }, `Basic ${Buffer.from('app:key').toString('base64')}`],
    ['none', token, null],
    ['bearer', { kind: 'none' }, null]
  ])('%s with %j', (mode, credential, expected) => {
    expect(authorizationHeader(mode, credential)).toBe(expected)
    const names = build({ authMode: mode }, { credential }).headers.map(([n]) => n)
    expect(names.includes('Authorization')).toBe(expected !== null)
  })

  it('refuses legacy mode without a legacy credential, and a legacy credential as Bearer', () => {
    expect(buildError({ authMode: 'legacy' }).field).toBe('authMode')
    expect(buildError({ authMode: 'bearer' }, { credential: { kind: 'legacy', appId: 'a', apiKey: 'b' } }).field).toBe('authMode')
  })

  it('refuses a token with a line break', () => {
    expect(buildError({}, { credential: { kind: 'token', token: 'a\nb' } }).field).toBe('credential')
  })
})

describe('buildRequest: body', () => {
  it.each(['GET', 'HEAD'] as const)('refuses a %s with a body', (method) => {
    expect(buildError({ method, body: '{}' }).message).toContain(method)
  })

  it('keeps the body byte for byte and treats an empty body as none', () => {
    expect(build({ method: 'POST', body: ' {"a":\n"é"} ' }).body).toBe(' {"a":\n"é"} ')
    const empty = build({ method: 'POST', body: '' })
    expect(empty.body).toBeNull()
    expect(empty.headers.some(([n]) => n === 'Content-Type')).toBe(false)
    expect(build({ method: 'DELETE', body: '{}' }).method).toBe('DELETE')
  })
})

describe('maskSecret', () => {
  it('shows the first and last four characters of a long secret', () => {
    expect(maskSecret('dG9rOjEyMzQ1Njc4OTA=')).toBe('dG9r…OTA=')
  })
  it.each(['', 'abc', '123456789012345'])('masks short secret %j entirely', (s) => {
    expect(maskSecret(s)).toBe('••••••••')
  })
})
