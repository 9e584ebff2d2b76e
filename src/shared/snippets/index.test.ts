import { describe, expect, it } from 'vitest'
import { RequestDraft, type AuthMode, type RequestDraftInput } from '../model'
import { buildRequest, maskSecret, RequestBuildError, type PreparedRequest } from '../request/build'
import { curlSnippet, SnippetError, type Shell, type SnippetOptions, type TokenStyle } from './index'
import { posixQuote, powershellQuote } from './shells'

const TOKEN = 'dG9rOjEyMzQ1Njc4OTBhYmNkZWY='
const prepared = (input: Partial<RequestDraftInput>): PreparedRequest =>
  buildRequest(RequestDraft.parse({ method: 'GET', path: '/me', ...input }), {
    baseUrl: 'https://api.intercom.io',
    defaultVersion: '2.14',
    credential: { kind: 'none' }
  })
const raw = (over: Partial<PreparedRequest>): PreparedRequest => ({
  method: 'GET',
  url: 'https://api.intercom.io/me',
  headers: [],
  body: null,
  ...over
})
const opts = (over: Partial<SnippetOptions> = {}): SnippetOptions => ({ shell: 'posix', multiline: false, tokenStyle: 'env', ...over })
const snip = (req: PreparedRequest, over: Partial<SnippetOptions> = {}, mode: AuthMode = 'bearer', secret: string | null = TOKEN) =>
  curlSnippet(req, { mode, secret }, opts(over))
const row = (name: string, value: string) => ({ name, value, enabled: true })

describe('POSIX snippets', () => {
  it.each<[string, PreparedRequest, string]>([
    ['GET', raw({}), "curl --url 'https://api.intercom.io/me'"],
    ['POST with a body', raw({ method: 'POST', body: 'x' }), "curl --url 'https://api.intercom.io/me' --data-raw 'x'"],
    ['POST without a body', raw({ method: 'POST' }), "curl -X POST --url 'https://api.intercom.io/me' -H 'Content-Length: 0'"],
    ['PUT with a body', raw({ method: 'PUT', body: 'x' }), "curl -X PUT --url 'https://api.intercom.io/me' --data-raw 'x'"],
    ['HEAD', raw({ method: 'HEAD' }), "curl --head --url 'https://api.intercom.io/me'"],
    ['IPv6 host needs -g', raw({ url: 'http://[::1]:4010/me' }), "curl -g --url 'http://[::1]:4010/me'"],
    ['braces need -g', raw({ url: 'http://h/{x}' }), "curl -g --url 'http://h/{x}'"]
  ])('%s', (_name, req, text) => {
    expect(snip(req, {}, 'none').text).toBe(text)
  })

  it('writes headers in order, an empty value with ";", and the env-var Bearer header', () => {
    const s = snip(prepared({ method: 'POST', body: `{"a":"it's"}`, headers: [row('X-Empty', '')] }))
    expect(s.text).toBe(
      "curl --compressed --url 'https://api.intercom.io/me' -H 'Accept: application/json' -H 'Accept-Encoding: gzip, deflate' -H 'User-Agent: TokenDesk/0.1' " +
        "-H 'Intercom-Version: 2.14' -H 'Content-Type: application/json' -H 'X-Empty;' " +
        `-H 'Authorization: Bearer '"$INTERCOM_TOKEN" --data-raw '{"a":"it'\\''s"}'`
    )
    expect(s.setup).toBe("export INTERCOM_TOKEN='your-access-token'")
  })

  it('writes basic and legacy auth with -u', () => {
    expect(snip(raw({}), {}, 'basic').text).toBe(`curl --url 'https://api.intercom.io/me' -u "$INTERCOM_TOKEN"':'`)
    expect(snip(raw({}), { envVar: 'MY_KEY' }, 'legacy').text).toBe(`curl --url 'https://api.intercom.io/me' -u "$MY_KEY"`)
    expect(snip(raw({}), { envVar: 'MY_KEY' }, 'legacy').setup).toBe("export MY_KEY='app_id:api_key'")
    expect(snip(raw({}), { tokenStyle: 'real' }, 'basic').text).toContain(`-u '${TOKEN}:'`)
  })

  it('breaks lines with a backslash continuation', () => {
    expect(snip(raw({ method: 'POST', body: 'a\nb' }), { multiline: true }, 'none').text).toBe(
      "curl --url 'https://api.intercom.io/me' \\\n  --data-raw 'a\nb'"
    )
  })

  it.each([
    ['CR', 'a\rb'],
    ['LF', 'a\nX-Injected: 1']
  ])('refuses a header value with %s', (_name, value) => {
    expect(() => snip(raw({ headers: [['X-Bad', value]] }))).toThrow(RequestBuildError)
    expect(() => snip(raw({ headers: [['X-Bad', value]] }))).toThrow(/X-Bad/)
  })

  it('refuses a bad env var name and a bad method', () => {
    expect(() => snip(raw({}), { envVar: 'A;rm' })).toThrow(SnippetError)
    expect(() => snip(raw({ method: 'GET;rm' }))).toThrow(SnippetError)
  })

  it('sends a body with NUL through a file, with a warning', () => {
    const s = snip(raw({ method: 'POST', body: 'a\0b' }))
    expect(s.text).toContain("--data-binary '@body.json'")
    expect(s.warnings.join(' ')).toContain('body.json')
  })

  it('quotes with the POSIX close-escape-reopen rule', () => {
    expect(posixQuote("a'b")).toBe(`'a'\\''b'`)
    expect(posixQuote('')).toBe("''")
  })
})

/** Splits a PowerShell command into its single-quoted spans (decoded) and the text outside them. */
function powershellSpans(text: string): { spans: string[]; outside: string } {
  const quote = /['\u2018\u2019\u201A\u201B]/
  const spans: string[] = []
  let outside = ''
  for (let i = 0; i < text.length; i++) {
    if (!quote.test(text[i] ?? '')) {
      outside += text[i]
      continue
    }
    let span = ''
    for (i++; i < text.length; i++) {
      const c = text[i] ?? ''
      if (!quote.test(c)) span += c
      else if (quote.test(text[i + 1] ?? '')) span += text[++i]
      else break
    }
    spans.push(span)
  }
  return { spans, outside }
}

describe('PowerShell snippets', () => {
  const hostile = `it's ‘curly’ ‚low‛ "dq" $(Get-Date) \`n @{a=1} $env:PATH`
  const req = prepared({
    method: 'POST',
    path: '/contacts/{id}',
    pathParams: { id: hostile },
    query: [row('q', hostile)],
    headers: [row('X-Hostile', hostile.replace(/[‘’‚‛]/g, "'"))],
    // ASCII, so it stays inline (non-ASCII bodies go through body.json for curl.exe).
    body: `${hostile.replace(/[‘’‚‛]/g, "'")}\nline 2 '@\n`
  })

  it.each<TokenStyle>(['env', 'masked', 'real'])('keeps every value inside literal quotes (%s)', (tokenStyle) => {
    for (const multiline of [false, true]) {
      const s = snip(req, { shell: 'powershell', tokenStyle, multiline })
      const { spans, outside } = powershellSpans(s.text)
      expect(spans).toContain(req.url)
      expect(spans).toContain(req.body)
      for (const [name, value] of req.headers) expect(spans).toContain(`${name}: ${value}`)
      // Outside the quotes only the program, flags and the auth expression remain: no user text, no "…" strings.
      const auth = tokenStyle === 'env' ? '( + $env:INTERCOM_TOKEN)' : ''
      const words = ['curl.exe', '--compressed', '--url', '', ...req.headers.flatMap(() => ['-H', '']), '-H', auth, '--data-raw', '']
      expect(outside.replaceAll(' `\n  ', ' ')).toBe(words.join(' '))
      expect(s.text.startsWith('curl.exe ')).toBe(true)
    }
  })

  it('doubles every PowerShell single-quote character', () => {
    expect(powershellQuote(`a'b‘c’d‚e‛f`)).toBe(`'a''b‘‘c’’d‚‚e‛‛f'`)
  })

  it('reads the token from $env and warns about old PowerShell when a value has "', () => {
    const s = snip(req, { shell: 'powershell' })
    expect(s.text).toContain("-H ('Authorization: Bearer ' + $env:INTERCOM_TOKEN)")
    expect(s.setup).toBe("$env:INTERCOM_TOKEN = 'your-access-token'")
    expect(s.warnings.join(' ')).toMatch(/PowerShell 7\.3/)
    expect(snip(raw({}), { shell: 'powershell' }, 'basic').text).toContain("-u ($env:INTERCOM_TOKEN + ':')")
    expect(snip(raw({}), { shell: 'powershell' }, 'none').warnings).toEqual([])
  })
})

describe('cmd snippets', () => {
  it('writes an allowlisted request with double quotes and %VAR%', () => {
    const s = snip(prepared({ query: [row('per_page', '5'), row('page', '2')], headers: [row('X-Id', "abc-1_2.3,it's")] }), {
      shell: 'cmd',
      multiline: true
    })
    expect(s.text).toBe(
      'cmd /V:ON /C curl --compressed --url "https://api.intercom.io/me?per_page=5&page=2" ^\n  -H "Accept: application/json" ^\n  -H "Accept-Encoding: gzip, deflate" ^\n  -H "User-Agent: TokenDesk/0.1" ^\n  -H "Intercom-Version: 2.14" ^\n  -H "X-Id: abc-1_2.3,it\'s" ^\n  -H "Authorization: Bearer !INTERCOM_TOKEN!"'
    )
    expect(s.setup).toBe('set "INTERCOM_TOKEN=your-access-token"')
    expect(s.warnings).toEqual([expect.stringMatching(/without EnableDelayedExpansion/)])
  })

  it.each([
    ['double quote', { headers: [row('X-A', 'a"b')] }],
    ['percent', { headers: [row('X-A', '%PATH%')] }],
    ['percent-encoded URL', { query: [row('q', 'a b')] }],
    ['bang', { headers: [row('X-A', '!x!')] }],
    ['caret', { headers: [row('X-A', 'a^b')] }],
    ['pipe', { headers: [row('X-A', 'a|b')] }],
    ['angle bracket', { headers: [row('X-A', 'a>b')] }],
    ['parenthesis', { headers: [row('X-A', '(a)')] }],
    ['backslash', { headers: [row('X-A', 'a\\')] }]
  ])('falls back to a harmless REM line for a %s', (_name, input) => {
    const s = snip(prepared(input), { shell: 'cmd' })
    expect(s.text).toMatch(/^REM [^\n]*$/)
    expect(s.text).not.toContain('curl')
    expect(s.warnings.join(' ')).toMatch(/PowerShell or POSIX tab/)
    expect(s.setup).toBeNull()
  })

  it('sends a body it cannot quote through body.json, with a note', () => {
    const s = snip(prepared({ method: 'POST', body: '{"a":"b & c"}' }), { shell: 'cmd', tokenStyle: 'masked' })
    expect(s.text).toContain('--data-binary "@body.json"')
    expect(s.text).not.toContain('b & c')
    expect(s.warnings.join(' ')).toContain('body.json')
    expect(snip(prepared({ method: 'POST', body: 'a=1' }), { shell: 'cmd' }).text).toContain('--data-raw "a=1"')
  })
})

describe('secrets in snippets', () => {
  const shells: Shell[] = ['posix', 'powershell', 'cmd']
  const req = prepared({ method: 'POST', body: 'a=1' })

  it.each(shells)('%s: env never holds the token, masked only its masked form, real the token', (shell) => {
    for (const mode of ['bearer', 'basic'] as const) {
      const env = snip(req, { shell }, mode)
      expect(env.text + (env.setup ?? '')).not.toContain(TOKEN)
      expect(env.text).not.toContain(TOKEN.slice(4, -4))
      expect(env.containsSecret).toBe(false)

      const masked = snip(req, { shell, tokenStyle: 'masked' }, mode)
      expect(masked.text).toContain(maskSecret(TOKEN))
      expect(masked.text).not.toContain(TOKEN.slice(4, -4))
      expect(masked.setup).toBeNull()
      expect(masked.containsSecret).toBe(false)

      const real = snip(req, { shell, tokenStyle: 'real' }, mode)
      expect(real.text).toContain(TOKEN)
      expect(real.containsSecret).toBe(true)
    }
  })

  it('falls back to the env var when no token is available', () => {
    const s = snip(req, { tokenStyle: 'real' }, 'bearer', null)
    expect(s.text).toContain('$INTERCOM_TOKEN')
    expect(s.containsSecret).toBe(false)
    expect(s.warnings).toHaveLength(1)
  })

  it('copies a hand-typed Authorization header as typed and flags it', () => {
    const s = snip(prepared({ headers: [row('Authorization', 'Bearer typed')] }))
    expect(s.text).toContain("-H 'Authorization: Bearer typed'")
    expect(s.text).not.toContain('INTERCOM_TOKEN')
    expect(s.containsSecret).toBe(true)
    expect(s.warnings.join(' ')).toMatch(/Authorization/)
  })

  it('adds nothing for the none mode', () => {
    const s = snip(req, { tokenStyle: 'real' }, 'none')
    expect(s.text).not.toContain('Authorization')
    expect(s.text).not.toContain(' -u ')
    expect(s.setup).toBeNull()
    expect(s.containsSecret).toBe(false)
  })
})
