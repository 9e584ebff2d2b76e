// One named regression test per numbered defect of issue 9 ("Exact requests"). Each failed on
// the code before the fix; the differential test (test/differential) covers them all at scale.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCurl } from '../../src/main/services/import/curl'
import { executeRequest } from '../../src/main/services/requests/executor'
import { redactText } from '../../src/main/services/library/secrets'
import { exportPostmanCollection, importPostmanCollection } from '../../src/main/services/import/postman'
import { REGION_HOSTS, RequestDraft, type RequestDraftInput } from '../../src/shared/model'
import { addedHeaders } from '../../src/shared/request/added-headers'
import { AUTH_MESSAGES } from '../../src/shared/request/auth'
import { buildRequest, DEFAULT_HEADERS, type Credential } from '../../src/shared/request/build'
import { workspaceBaseUrl } from '../../src/shared/request/host'
import { editPathField, pathWithParams } from '../../src/shared/request/query-sync'
import { curlSnippet, INLINE_BODY_LIMIT } from '../../src/shared/snippets'
import { codeSnippet } from '../../src/shared/snippets/code'
import { snippetView } from '../../src/renderer/src/features/snippets/snippet-view'
import { createApp } from '../../src/main/services/app'
import { createLogger } from '../../src/main/services/core/logger'
import { WorkspaceSender } from '../../src/main/services/requests/workspace-sender'
import type { WorkspaceRegistry } from '../../src/main/services/workspaces'
import { dispatchOk, testAppDeps } from '../support/app'

const run = promisify(execFile)
const PYTHON = '/usr/bin/python3'
const hasPython = existsSync(PYTHON)
if (!hasPython) console.warn('issue 9 regressions: Python checks skipped: /usr/bin/python3 missing (apt-get install python3-requests)')

interface Wire {
  method: string
  target: string
  headers: Record<string, string>
  body: Buffer
}
let server: Server
let base: string
let work: string
const wires: Wire[] = []

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'issue9-'))
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: Record<string, string> = {}
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!
      wires.push({ method: req.method ?? '', target: req.url ?? '', headers, body: Buffer.concat(chunks) })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  rmSync(work, { recursive: true, force: true })
})

const draft = (input: Partial<RequestDraftInput>) => RequestDraft.parse({ method: 'GET', path: '/me', ...input })
const TOKEN: Credential = { kind: 'token', token: 'tok_abc123' }
const LEGACY: Credential = { kind: 'legacy', appId: 'app1', apiKey: 'key2' }
const built = (d: RequestDraft, credential: Credential | { kind: 'none' } = { kind: 'none' }) =>
  buildRequest(d, { baseUrl: base, defaultVersion: '2.14', credential })

async function wireOf(send: () => Promise<unknown>): Promise<Wire> {
  wires.length = 0
  await send()
  expect(wires).toHaveLength(1)
  return wires[0]!
}
const bash = (script: string, env: Record<string, string> = {}) =>
  run('/usr/bin/bash', ['-c', script], { cwd: work, env: { PATH: process.env['PATH'] ?? '', ...env } })
const python = (code: string, env: Record<string, string> = {}) => {
  const file = join(work, 'snippet.py')
  writeFileSync(file, code)
  return run(PYTHON, [file], { env: { PATH: process.env['PATH'] ?? '', ...env } })
}
const nodeCode = (code: string, env: Record<string, string> = {}) => {
  const file = join(work, 'snippet.js')
  writeFileSync(file, code)
  return run(process.execPath, [file], { env })
}

describe('issue 9 regressions', () => {
  it('defect 1: legacy app_id:api_key is Basic base64(app:key) in Send, every snippet and the code (no trailing colon)', async () => {
    const d = draft({ authMode: 'legacy' })
    const sent = await wireOf(() => executeRequest(built(d, LEGACY), { spoolDir: work }))
    const expected = `Basic ${Buffer.from('app1:key2').toString('base64')}`
    expect(sent.headers['authorization']).toBe(expected)
    // The basic mode on a legacy workspace is the same rule, not base64("app:key:").
    const basic = draft({ authMode: 'basic' })
    const auth = { mode: 'basic' as const, kind: 'legacy' as const, secret: null }
    const curl = curlSnippet(built(basic), auth, { shell: 'posix', multiline: false, tokenStyle: 'env' }).text
    expect((await wireOf(() => bash(curl, { INTERCOM_TOKEN: 'app1:key2' }))).headers['authorization']).toBe(expected)
    expect(
      (await wireOf(() => nodeCode(codeSnippet('node', built(basic), auth, { tokenStyle: 'env' }).text, { INTERCOM_TOKEN: 'app1:key2' })))
        .headers['authorization']
    ).toBe(expected)
    if (hasPython)
      expect(
        (await wireOf(() => python(codeSnippet('python', built(basic), auth, { tokenStyle: 'env' }).text, { INTERCOM_TOKEN: 'app1:key2' })))
          .headers['authorization']
      ).toBe(expected)
  })

  it('defect 2: a snippet refuses what Send refuses, with the same message', () => {
    const sendError = (d: RequestDraft, c: Credential) => {
      try {
        built(d, c)
        return null
      } catch (e) {
        return (e as Error).message
      }
    }
    const bearerOnLegacy = draft({ authMode: 'bearer' })
    expect(sendError(bearerOnLegacy, LEGACY)).toBe(AUTH_MESSAGES.legacyAsBearer)
    expect(() =>
      curlSnippet(
        built(bearerOnLegacy),
        { mode: 'bearer', kind: 'legacy', secret: null },
        { shell: 'posix', multiline: false, tokenStyle: 'env' }
      )
    ).toThrow(AUTH_MESSAGES.legacyAsBearer)
    const view = snippetView(
      bearerOnLegacy,
      { sandbox: false, region: 'US', intercomVersion: '2.14', tokenPreview: 'app1…', authKind: 'legacy_api_key' },
      null,
      { shell: 'posix', multiline: false, tokenStyle: 'env' }
    )
    expect(view).toEqual({ ok: false, error: AUTH_MESSAGES.legacyAsBearer })
    const broken: Credential = { kind: 'token', token: 'tok\nX-Injected: 1' }
    expect(sendError(draft({}), broken)).toBe(AUTH_MESSAGES.lineBreak)
    expect(() =>
      curlSnippet(built(draft({})), { mode: 'bearer', secret: broken.token }, { shell: 'posix', multiline: false, tokenStyle: 'real' })
    ).toThrow(AUTH_MESSAGES.lineBreak)
    expect(() => codeSnippet('python', built(draft({})), { mode: 'bearer', secret: broken.token }, { tokenStyle: 'real' })).toThrow(
      AUTH_MESSAGES.lineBreak
    )
  })

  it('defect 2: the env-var code refuses a token with a line break at run time, with the same message', async () => {
    const code = codeSnippet('node', built(draft({})), { mode: 'bearer', secret: null }, { tokenStyle: 'env' }).text
    wires.length = 0
    await expect(nodeCode(code, { INTERCOM_TOKEN: 'tok\nX: 1' })).rejects.toMatchObject({ stderr: `${AUTH_MESSAGES.lineBreak}\n` })
    expect(wires).toHaveLength(0)
  })

  it('defect 3: repeated header rows are refused everywhere with one clear message, never half-sent', () => {
    const d = draft({
      headers: [
        { name: 'X-A', value: '1', enabled: true },
        { name: 'x-a', value: '2', enabled: true }
      ]
    })
    expect(() => built(d, TOKEN)).toThrow(/Header x-a is set in more than one row/)
    const view = snippetView(
      d,
      { sandbox: false, region: 'US', intercomVersion: '2.14', tokenPreview: 'x', authKind: 'access_token' },
      null,
      { shell: 'posix', multiline: false, tokenStyle: 'env', language: 'python' }
    )
    expect(view.ok === false && view.error).toMatch(/Header x-a is set in more than one row/)
    // A disabled duplicate is fine: only what is sent counts.
    expect(() =>
      built(
        draft({
          headers: [
            { name: 'X-A', value: '1', enabled: true },
            { name: 'X-A', value: '2', enabled: false }
          ]
        }),
        TOKEN
      )
    ).not.toThrow()
  })

  it('defect 4: a body-less POST carries only the listed headers: no form Content-Type, Content-Length 0, the same in curl', async () => {
    const d = draft({ method: 'POST', path: '/x' })
    const sent = await wireOf(() => executeRequest(built(d, TOKEN), { spoolDir: work }))
    expect(sent.headers['content-type']).toBeUndefined()
    expect(sent.headers['content-length']).toBe('0')
    const listed = Object.fromEntries(DEFAULT_HEADERS.map(([n, v]) => [n.toLowerCase(), v]))
    for (const [name, value] of Object.entries(listed)) expect(sent.headers[name]).toBe(value)
    expect(Object.keys(sent.headers).sort()).toEqual([
      'accept',
      'accept-encoding',
      'authorization',
      'connection',
      'content-length',
      'host',
      'intercom-version',
      'user-agent'
    ])
    // The composer's preview lists exactly what went out, but Authorization (its own preview), Host and Connection.
    const preview = Object.fromEntries(addedHeaders(d, '2.14')!.map(([n, v]) => [n.toLowerCase(), v]))
    const { authorization, host, connection, ...rest } = sent.headers
    expect([authorization, host, connection].every(Boolean)).toBe(true)
    expect(preview).toEqual(rest)
    const curl = curlSnippet(built(d), { mode: 'bearer', secret: null }, { shell: 'posix', multiline: false, tokenStyle: 'env' }).text
    const viaCurl = await wireOf(() => bash(curl, { INTERCOM_TOKEN: 'tok_abc123' }))
    expect({ ...viaCurl.headers, connection: sent.headers['connection'] }).toEqual(sent.headers)
  })

  it('defect 5: Python and Node send the query, the JSON text and the headers exactly as built', async () => {
    const body = '{"id":12345678901234567890,"n":1e5,"dup":1,"dup":2,"s":"ünï \ud800"}'
    const d = draft({
      method: 'POST',
      path: '/contacts/search',
      query: [{ name: 'q', value: 'a b', enabled: true }],
      headers: [{ name: 'Accept-Encoding', value: 'identity', enabled: true }],
      body,
      authMode: 'basic'
    })
    const direct = await wireOf(() => executeRequest(built(d, { kind: 'token', token: 'tök' }), { spoolDir: work }))
    expect(direct.target).toBe('/contacts/search?q=a%20b')
    expect(direct.body.toString('utf8')).toBe(body.replace('\ud800', '\ufffd'))
    const auth = { mode: 'basic' as const, secret: null }
    const viaNode = await wireOf(() => nodeCode(codeSnippet('node', built(d), auth, { tokenStyle: 'env' }).text, { INTERCOM_TOKEN: 'tök' }))
    expect(viaNode).toEqual(direct)
    expect(codeSnippet('node', built(d), auth, { tokenStyle: 'env' }).text).not.toContain('node-fetch')
    if (hasPython) {
      const viaPython = await wireOf(() =>
        python(codeSnippet('python', built(d), auth, { tokenStyle: 'env' }).text, { INTERCOM_TOKEN: 'tök' })
      )
      expect({ ...viaPython, headers: { ...viaPython.headers, connection: direct.headers['connection']! } }).toEqual(direct)
    }
  })

  it('defect 6: a body past the argument limit goes through body.json, offered with the snippet, and runs', async () => {
    const body = JSON.stringify({ note: 'x'.repeat(200 * 1024) })
    const d = draft({ method: 'POST', path: '/notes', body })
    const s = curlSnippet(built(d), { mode: 'none', secret: null }, { shell: 'posix', multiline: false, tokenStyle: 'env' })
    expect(s.text).toContain("--data-binary '@body.json'")
    expect(s.text.length).toBeLessThan(INLINE_BODY_LIMIT)
    expect(s.bodyFile).toEqual({ name: 'body.json', text: body })
    writeFileSync(join(work, 'body.json'), s.bodyFile!.text)
    expect((await wireOf(() => bash(s.text))).body.toString('utf8')).toBe(body)
  })

  it('defect 6: cmd (8,191 characters) and PowerShell (32,767) send a body through body.json long before 64 KiB', () => {
    const body = JSON.stringify({ note: 'x'.repeat(10_000) })
    const d = built(draft({ method: 'POST', path: '/notes', body }))
    const auth = { mode: 'bearer' as const, secret: null }
    const cmd = curlSnippet(d, auth, { shell: 'cmd', multiline: false, tokenStyle: 'env' })
    expect(cmd.bodyFile).toEqual({ name: 'body.json', text: body })
    expect(cmd.text.length).toBeLessThan(8191 - 1024)
    const ps = curlSnippet(built(draft({ method: 'POST', path: '/notes', body: `"${'y'.repeat(40_000)}"` })), auth, {
      shell: 'powershell',
      multiline: false,
      tokenStyle: 'env'
    })
    expect(ps.bodyFile?.name).toBe('body.json')
    expect(ps.text.length).toBeLessThan(32_767 - 1024)
    // Non-ASCII text goes through the file too: curl.exe may get its arguments in the Windows code page.
    const accented = curlSnippet(built(draft({ method: 'POST', path: '/n', body: '{"name":"Zoë"}' })), auth, {
      shell: 'powershell',
      multiline: false,
      tokenStyle: 'env'
    })
    expect(accented.bodyFile).toEqual({ name: 'body.json', text: '{"name":"Zoë"}' })
    expect(accented.warnings.join(' ')).toMatch(/code page/)
    // A short ASCII body stays inline in PowerShell.
    expect(
      curlSnippet(built(draft({ method: 'POST', path: '/n', body: '{"a":1}' })), auth, {
        shell: 'powershell',
        multiline: false,
        tokenStyle: 'env'
      }).bodyFile
    ).toBeNull()
  })

  it('defect 6: a header or URL no command line can hold is refused with the reason, never written', () => {
    const row = (name: string) => ({ name, value: 'v'.repeat(60_000), enabled: true })
    const huge = built(draft({ query: [row('a'), row('b'), row('c')] }))
    const auth = { mode: 'none' as const, secret: null }
    expect(() => curlSnippet(huge, auth, { shell: 'posix', multiline: false, tokenStyle: 'env' })).toThrow(
      /too long for a shell command line: one argument may hold at most 131,071 bytes/
    )
    const longQuery = built(draft({ query: [{ name: 'q', value: 'a'.repeat(9000), enabled: true }] }))
    expect(() => curlSnippet(longQuery, auth, { shell: 'cmd', multiline: false, tokenStyle: 'env' })).toThrow(
      /too long for a cmd\.exe command line: one command may hold at most 8,191 characters/
    )
    expect(() => curlSnippet(longQuery, auth, { shell: 'powershell', multiline: false, tokenStyle: 'env' })).not.toThrow()
    expect(() => curlSnippet(longQuery, auth, { shell: 'posix', multiline: false, tokenStyle: 'env' })).not.toThrow()
  })

  it('defect 6: curl import reads a command far past 33 KB, body byte for byte', () => {
    const body = `{"note":"${'ü'.repeat(300 * 1024)}","id":12345678901234567890}`
    const imported = importCurl(`curl 'https://api.intercom.io/notes?a+b=c&flag' -H 'Content-Type: application/json' --data-raw '${body}'`)
    expect(imported.draft.body).toBe(body)
    expect(imported.draft.method).toBe('POST')
    // And the snippet of a 100 KB draft (body.json) imports with a warning naming the file.
    const s = curlSnippet(
      built(draft({ method: 'POST', path: '/notes', body })),
      { mode: 'none', secret: null },
      {
        shell: 'posix',
        multiline: true,
        tokenStyle: 'env'
      }
    )
    expect(importCurl(s.text).warnings.join(' ')).toContain('body.json')
  })

  it('defect 7: cmd reads the token with delayed expansion, so " and & in it stay data', () => {
    const s = curlSnippet(built(draft({})), { mode: 'bearer', secret: null }, { shell: 'cmd', multiline: false, tokenStyle: 'env' })
    expect(s.text.startsWith('cmd /V:ON /C curl ')).toBe(true)
    expect(s.text).toContain('"Authorization: Bearer !INTERCOM_TOKEN!"')
    expect(s.text).not.toContain('%INTERCOM_TOKEN%')
    // cmd's documented order: %VAR% is expanded in phase 1, before quotes and & | < > are read
    // (phase 2); !VAR! in phase 5, after. Model both on a hostile value.
    const value = 'x" & echo PWNED & "'
    const separatorsOutsideQuotes = (line: string) => {
      let quoted = false
      let found = 0
      for (const ch of line) {
        if (ch === '"') quoted = !quoted
        else if (!quoted && '&|<>'.includes(ch)) found++
      }
      return found
    }
    const phase1 = (line: string) => line.replaceAll('%INTERCOM_TOKEN%', value)
    expect(separatorsOutsideQuotes(phase1('curl -H "Authorization: Bearer %INTERCOM_TOKEN%"'))).toBeGreaterThan(0)
    expect(separatorsOutsideQuotes(phase1(s.text))).toBe(0)
  })

  it('defect 7: PowerShell snippets say which PowerShell they are written for', () => {
    const s = curlSnippet(
      built(draft({ method: 'POST', body: '{"a":"b"}' })),
      { mode: 'bearer', secret: null },
      { shell: 'powershell', multiline: false, tokenStyle: 'env' }
    )
    expect(s.warnings.join(' ')).toMatch(/PowerShell 7\.3 or later/)
  })

  it('defect 8: curl import keeps auth None, the query as typed, an empty Intercom-Version and another Authorization scheme', () => {
    const none = importCurl(`curl 'https://api.intercom.io/contacts?a+b=c&flag'`)
    expect(none.draft.authMode).toBe('none')
    expect(buildRequest(RequestDraft.parse(none.draft), { baseUrl: REGION_HOSTS.US, defaultVersion: '2.14', credential: TOKEN }).url).toBe(
      'https://api.intercom.io/contacts?a+b=c&flag'
    )
    const empty = importCurl(`curl https://api.intercom.io/me -H 'Intercom-Version;'`)
    expect(empty.draft.intercomVersion).toBeNull()
    const sent = buildRequest(RequestDraft.parse(empty.draft), {
      baseUrl: REGION_HOSTS.US,
      defaultVersion: '2.14',
      credential: { kind: 'none' }
    })
    expect(sent.headers).toContainEqual(['Intercom-Version', ''])
    const other = importCurl(`curl https://api.intercom.io/me -H 'Authorization: Token abc'`)
    const otherSent = buildRequest(RequestDraft.parse(other.draft), { baseUrl: REGION_HOSTS.US, defaultVersion: '2.14', credential: TOKEN })
    expect(otherSent.headers.filter(([n]) => n.toLowerCase() === 'authorization')).toEqual([['Authorization', 'Token abc']])
  })

  it('defect 9: a query typed into the path fills Params, Params fill the path, and export keeps each in its place', () => {
    const typed = editPathField('/contacts?per_page=2&name=a%20b', { path: '/contacts', query: [] })
    expect(typed).toEqual({
      path: '/contacts',
      query: [
        { name: 'per_page', value: '2', enabled: true },
        { name: 'name', value: 'a b', enabled: true }
      ]
    })
    expect(pathWithParams(typed.path, typed.query)).toBe('/contacts?per_page=2&name=a%20b')
    // A query rows could not send as typed (defect 8's `a+b` and `flag`) stays in the path, byte for byte.
    const kept = editPathField('/contacts?a+b=c&flag', { path: '/contacts', query: [] })
    expect(kept).toEqual({ path: '/contacts?a+b=c&flag', query: [] })
    expect(built(draft(kept)).url).toBe(`${base}/contacts?a+b=c&flag`)
    // curl import follows the same rule: the query fills Params when rows send it as written.
    expect(importCurl(`curl 'https://api.intercom.io/contacts?per_page=2'`).draft).toMatchObject({
      path: '/contacts',
      query: [{ name: 'per_page', value: '2', enabled: true }]
    })
    // Export of a draft whose path still holds a query: the query goes to Postman's list, once.
    const saved = { id: '1', name: 'x', folder: '', scope: { kind: 'shared' as const }, draft: draft({ path: '/contacts?per_page=2' }) }
    const collection = exportPostmanCollection('c', [saved] as never, {
      baseUrl: workspaceBaseUrl({ sandbox: false, region: 'EU' }, null)!
    }) as {
      item: Array<{ request: { url: { raw: string; path: string[]; query: unknown[] } } }>
      variable: Array<{ key: string; value: string }>
    }
    const url = collection.item[0]!.request.url
    expect(url.path).toEqual(['contacts'])
    expect(url.raw).toBe('{{baseUrl}}/contacts?per_page=2')
    expect(url.query).toEqual([{ key: 'per_page', value: '2' }])
    expect(collection.variable.find((v) => v.key === 'baseUrl')?.value).toBe('https://api.eu.intercom.io')
    // Export then import sends the same request: once per pair, with the same bytes.
    const urlOf = (d: RequestDraft) => built(d).url
    for (const input of [
      { path: '/contacts?per_page=2' },
      { path: '/contacts?a+b=c&flag' },
      { path: '/contacts?x=1', query: [{ name: 'lit+eral', value: 'a&b=c %41 {{cursor}}', enabled: true }] },
      { path: '/contacts', query: [{ name: 'q', value: 'ü', enabled: false }] }
    ]) {
      const original = draft(input)
      const exported = exportPostmanCollection('c', [{ id: '1', name: 'x', folder: '', draft: original }] as never)
      const back = RequestDraft.parse(importPostmanCollection(JSON.stringify(exported)).requests[0]!.draft)
      expect(urlOf(back), input.path).toBe(urlOf(original))
      expect(back.query.filter((q) => !q.enabled)).toEqual(original.query.filter((q) => !q.enabled))
    }
  })

  it('defect 10: history redaction cuts a secret in raw, base64, Basic and URL-encoded form', () => {
    const token = 'tok_a+b/c=d é'
    const forms = [
      token,
      Buffer.from(`${token}:`).toString('base64'),
      `Basic ${Buffer.from(`${token}:`).toString('base64')}`,
      Buffer.from(token).toString('base64'),
      encodeURIComponent(token),
      JSON.stringify(token).slice(1, -1)
    ]
    const echoed = JSON.stringify({ echo: forms })
    const stored = redactText(echoed, [token])
    for (const form of forms) expect(stored).not.toContain(form)
    const legacy = redactText(`{"auth":"${Buffer.from('app1:key2').toString('base64')}"}`, ['key2', 'app1:key2'])
    expect(legacy).not.toContain(Buffer.from('app1:key2').toString('base64'))
  })

  it('defect 10: a large response spooled to disk is owner-only and deleted at exit and at the next start', async () => {
    const userData = join(work, 'spool-app')
    const responses = join(userData, 'responses')
    // A body left behind by a run that crashed: the next start removes it.
    mkdirSync(responses, { recursive: true })
    writeFileSync(join(responses, 'response-left-behind.body'), 'old run')
    const app = await createApp(testAppDeps(userData, { sandbox: { contacts: 5, faults: { oversizedBytes: 11 * 1024 * 1024 } } }))
    try {
      expect(readdirSync(responses)).toEqual([])
      await dispatchOk(app, 'requests.send', { requestId: 'big', draft: { method: 'GET', path: '/sandbox/oversized' } })
      const files = readdirSync(responses)
      expect(files).toHaveLength(1)
      if (process.platform !== 'win32') {
        expect(statSync(responses).mode & 0o777).toBe(0o700)
        expect(statSync(join(responses, files[0]!)).mode & 0o777).toBe(0o600)
      }
    } finally {
      await app.dispose()
    }
    expect(existsSync(responses)).toBe(false)
  })

  it('defect 10: logs cut a secret put on a request in every form, though the log line was written without it', async () => {
    const token = 'tok_in_play_9f8e7d6c'
    const registry = {
      active: () => ({ id: 'w' }),
      credentialFor: async () => ({ workspaceId: 'w', apiBase: base, intercomVersion: '2.14', auth: { kind: 'bearer', token } })
    } as unknown as WorkspaceRegistry
    await new WorkspaceSender(registry, work).prepare('w', draft({}))
    const lines: string[] = []
    const logger = createLogger((_, line) => lines.push(line))
    const forms = [Buffer.from(`${token}:`).toString('base64'), Buffer.from(token).toString('base64url'), encodeURIComponent(token), token]
    logger.warn(`the server echoed ${forms.join(' and ')}`)
    logger.error('failed', { detail: `body ${forms[0]}` })
    for (const form of forms) expect(lines.join('\n')).not.toContain(form)
    expect(lines.join('\n')).toContain('the server echoed')
  })

  it("defect 10: a Postman export cuts the workspace's own secret in every form, even one never sent this run", async () => {
    const userData = join(work, 'export-app')
    const app = await createApp(testAppDeps(userData, { sandbox: { contacts: 5 } }))
    try {
      const { workspaces } = await dispatchOk<{ workspaces: Array<{ id: string; name: string }> }>(app, 'workspaces.list')
      const eu = workspaces.find((w) => w.name === 'Sandbox EU')!
      const { token } = await dispatchOk<{ token: string }>(app, 'workspaces.reveal', { id: eu.id })
      const basic = Buffer.from(`${token}:`).toString('base64')
      const { saved } = await dispatchOk<{ saved: { id: string } }>(app, 'library.save', {
        name: 'echo',
        sharing: { kind: 'workspace', workspaceId: eu.id },
        // Not credential-shaped, so saving keeps it (as a file edited by hand or pulled from git would).
        draft: { method: 'POST', path: '/notes', body: JSON.stringify({ note: basic, short: basic.replace(/=+$/, '') }) }
      })
      expect(saved.id).toBeTruthy()
      const { text } = await dispatchOk<{ text: string }>(app, 'library.exportPostman', { workspaceId: eu.id, sharing: 'workspace' })
      expect(text).toContain('/notes')
      expect(text).not.toContain(basic)
      expect(text).not.toContain(basic.replace(/=+$/, ''))
    } finally {
      await app.dispose()
    }
  })
})
