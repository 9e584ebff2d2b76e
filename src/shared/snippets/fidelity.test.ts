/// <reference types="node" />
// Fidelity: for hostile requests, the POSIX snippet run by the real curl under sh, bash and dash
// must put exactly the same request on the wire as a direct Node sender of the same
// PreparedRequest (the stand-in for the app's executor). No shell code may ever run.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestDraft, type RequestDraftInput } from '../model'
import { buildRequest, type BuildContext, type Credential, type PreparedRequest } from '../request/build'
import { curlSnippet, type TokenStyle } from './index'
import { posixQuote } from './shells'

const run = promisify(execFile)
const CURL = '/usr/bin/curl'
const SHELLS = ['sh', 'bash', 'dash'].map((name) => ({
  name,
  path: ['/bin', '/usr/bin'].map((d) => join(d, name)).find((p) => existsSync(p))
}))
const available = SHELLS.filter((s): s is { name: string; path: string } => s.path !== undefined)
for (const s of SHELLS) if (!s.path) console.warn(`fidelity: skipping ${s.name}: not installed (apt-get install ${s.name})`)

interface Capture {
  method: string
  target: string
  headers: Array<[string, string]>
  body: Buffer
}

/** Headers that belong to the client or the transport, not to the request we built. */
const TRANSPORT_HEADERS = new Set(['host', 'user-agent', 'content-length', 'transfer-encoding', 'connection', 'expect'])

function requestHeaders(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (let i = 0; i < raw.length; i += 2) pairs.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? ''])
  return pairs.filter(([n]) => !TRANSPORT_HEADERS.has(n)).sort((a, b) => (a[0] + '\0' + a[1] < b[0] + '\0' + b[1] ? -1 : 1))
}

/** Sends a PreparedRequest exactly as built: the stand-in for the main-process executor. */
function sendLikeExecutor(req: PreparedRequest): Promise<void> {
  const body = req.body === null ? null : Buffer.from(req.body, 'utf8')
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of req.headers) {
    const seen = headers[name]
    headers[name] = seen === undefined ? value : [seen, value].flat()
  }
  if (body) headers['Content-Length'] = String(body.length)
  return new Promise((resolve, reject) => {
    const r = request(req.url, { method: req.method, headers }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    r.on('error', reject)
    r.end(body ?? undefined)
  })
}

let server: Server
let baseUrl: string
const captures: Capture[] = []
let work: string
let canary: string

beforeAll(async () => {
  if (!existsSync(CURL)) throw new Error('The fidelity test needs the real curl: run `apt-get install -y curl`.')
  work = mkdtempSync(join(tmpdir(), 'snippet-fidelity-'))
  canary = join(work, 'CANARY')
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      captures.push({
        method: req.method ?? '',
        target: req.url ?? '',
        headers: requestHeaders(req.rawHeaders),
        body: Buffer.concat(chunks)
      })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  if (work) rmSync(work, { recursive: true, force: true })
})

async function capture(send: () => Promise<unknown>): Promise<Capture> {
  captures.length = 0
  await send()
  expect(captures).toHaveLength(1)
  return captures[0] as Capture
}

const TOKEN = `tok'en"$(touch CANARY)\`id\`!!;x`
const row = (name: string, value: string) => ({ name, value, enabled: true })
const cmd = () => `touch ${canary}`

type Case = { name: string; draft: () => RequestDraftInput; credential?: Credential; secret?: string }
const corpus: Case[] = [
  { name: 'plain GET', draft: () => ({ method: 'GET', path: '/me' }) },
  {
    name: 'quotes everywhere',
    draft: () => ({
      method: 'POST',
      path: '/a\'b"c',
      query: [row(`q'"`, `it's "x"`)],
      headers: [row('X-Quote', `it's "quoted" ''`)],
      body: `{"name":"O'Brien \\"the\\" ''quoted''"}`
    })
  },
  {
    name: 'command substitution and backticks',
    draft: () => ({
      method: 'PUT',
      path: '/contacts/{id}',
      pathParams: { id: `$(${cmd()})` },
      query: [row('q', `\`${cmd()}\``)],
      headers: [row('X-Cmd', `$(${cmd()})`), row('X-Tick', `\`${cmd()}\``)],
      body: `$(${cmd()}) \`${cmd()}\` \${HOME} $HOME`
    })
  },
  {
    name: 'history bangs',
    draft: () => ({
      method: 'POST',
      path: '/x!!',
      query: [row('b', '!$')],
      headers: [row('X-Bang', 'wow!! !-1 !#')],
      body: 'hello!! !$ ^a^b'
    })
  },
  {
    name: 'brackets and braces',
    draft: () => ({
      method: 'GET',
      path: '/contacts/{id}',
      pathParams: { id: '[1]{2}' },
      query: [row('filter[name]', '{a,b}'), row('x[]', '[0-9]')]
    })
  },
  {
    name: 'newlines and CR in body',
    draft: () => ({ method: 'POST', path: '/notes', body: 'line1\nline2\r\nline3\n\n\ttab \\n literal\\' })
  },
  {
    name: 'unicode',
    draft: () => ({
      method: 'PATCH',
      path: '/ünï/{id}',
      pathParams: { id: 'é’‘' },
      query: [row('名前', '値 😀')],
      body: '{"emoji":"😀 ünïcödé ’‘‚‛ \u2028"}'
    })
  },
  {
    name: 'empty values',
    draft: () => ({
      method: 'DELETE',
      path: '/contacts/1',
      query: [row('empty', '')],
      headers: [row('X-Empty', ''), row('X-Blank', '   ')]
    })
  },
  {
    name: 'leading dashes',
    draft: () => ({
      method: 'POST',
      path: '/contacts/{id}',
      pathParams: { id: '-rf' },
      query: [row('--data', '@/etc/passwd')],
      headers: [row('X-Dash', '-X DELETE --url http://evil.invalid')],
      body: '--data-binary @/etc/passwd'
    })
  },
  { name: 'file-read body', draft: () => ({ method: 'POST', path: '/x', body: '@/etc/passwd' }) },
  {
    name: 'shell separators in header values',
    draft: () => ({
      method: 'POST',
      path: '/x',
      headers: [
        row('X-Semi', `; ${cmd()}`),
        row('X-Amp', `&& ${cmd()} | cat > ${canary} &`),
        row('X-Redir', `> ${canary}`),
        row('X-Bs', 'a\\b\\')
      ],
      body: `'; ${cmd()}; echo '`
    })
  },
  { name: 'POST without body', draft: () => ({ method: 'POST', path: '/x' }) },
  { name: 'HEAD', draft: () => ({ method: 'HEAD', path: '/x' }) },
  {
    name: 'full URL with existing query',
    draft: () => ({ method: 'GET', path: `${baseUrl}/full?a=1&b=%20&c=[x]`, query: [row('d', '2')] })
  },
  {
    name: 'user headers override defaults',
    draft: () => ({
      method: 'POST',
      path: '/x',
      body: 'a=1',
      headers: [row('content-type', 'application/x-www-form-urlencoded'), row('Accept', '*/*'), row('User-Agent', 'mine')]
    })
  },
  { name: 'basic auth', draft: () => ({ method: 'GET', path: '/me', authMode: 'basic' }) },
  {
    name: 'legacy auth',
    draft: () => ({ method: 'GET', path: '/me', authMode: 'legacy' }),
    credential: { kind: 'legacy', appId: 'app-1', apiKey: "k'ey$(x)" },
    secret: "app-1:k'ey$(x)"
  },
  { name: 'no auth', draft: () => ({ method: 'GET', path: '/me', authMode: 'none' }) }
]

describe.skipIf(available.length === 0)('POSIX snippet fidelity against the real curl', () => {
  for (const c of corpus) {
    for (const style of ['env', 'real'] as TokenStyle[]) {
      for (const multiline of [true, false]) {
        it(`${c.name} (${style}, ${multiline ? 'multi-line' : 'one line'})`, async () => {
          const draft = RequestDraft.parse(c.draft())
          const credential = c.credential ?? { kind: 'token', token: TOKEN }
          const ctx: BuildContext = { baseUrl, defaultVersion: '2.14', credential }
          const secret = c.secret ?? TOKEN
          const expected = await capture(() => sendLikeExecutor(buildRequest(draft, ctx)))
          const built = buildRequest(draft, ctx)
          expect(expected.headers).toEqual(requestHeaders(built.headers.flat()))

          const snippet = curlSnippet(
            buildRequest(draft, { ...ctx, credential: { kind: 'none' } }),
            { mode: draft.authMode, secret },
            { shell: 'posix', multiline, tokenStyle: style }
          )
          expect(snippet.warnings).toEqual([])
          for (const shell of available) {
            const got = await capture(() =>
              run(shell.path, ['-c', snippet.text], { cwd: work, env: { PATH: '/usr/bin:/bin', HOME: work, INTERCOM_TOKEN: secret } })
            )
            expect({ shell: shell.name, ...got }).toEqual({ shell: shell.name, ...expected })
            expect(got.body.equals(Buffer.from(built.body ?? '', 'utf8'))).toBe(true)
          }
          expect(existsSync(canary)).toBe(false)
        })
      }
    }
  }

  it('the POSIX quoter round-trips any unicode strings as exact argv through sh, bash and dash', async () => {
    const wellFormed = (s: string) => !s.includes('\0') && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))
    // One shell per batch keeps this fast; each argument is echoed back followed by a NUL.
    // Random code points almost never hit the characters that matter, so half of them are picked from those.
    const hostileOrAnyChar = fc.oneof(
      fc.constantFrom(...`'"\\$\`!\n\r\t *?[]{}~#-@;&|<>()%’‘`),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
    )
    const script = (args: string[]) => `for a in ${args.map(posixQuote).join(' ')}; do printf '%s\\000' "$a"; done`
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: hostileOrAnyChar, maxLength: 40 }).filter(wellFormed), { minLength: 1, maxLength: 25 }),
        async (args) => {
          for (const shell of available) {
            const { stdout } = await run(shell.path, ['-c', script(args)], { cwd: work, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' })
            expect(stdout.split('\0').slice(0, -1)).toEqual(args)
          }
        }
      ),
      { numRuns: 40 }
    )
    expect(existsSync(canary)).toBe(false)
  }, 120_000)
})
