// Fidelity of the Python and Node.js snippets: each is run for real (Debian's python3 with
// requests, and this Node) with the token only in the environment, against a capture
// server, and must send what Token Desk's own request would: method, path, query, the request's
// headers and the body (JSON compared as JSON: these languages re-serialise it).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { buildRequest } from '../../../shared/request/build'
import { curlSnippet, type CodeLanguage } from '../../../shared/snippets'
import { convertCurl } from './convert'

const run = promisify(execFile)
const PYTHON = '/usr/bin/python3'

/** How each language's code is run; null when the runtime is missing (with the reason printed). */
const RUNNERS: Record<CodeLanguage, { command: (code: string) => [string, string[]]; missing: string | null }> = {
  python: {
    command: (code) => [PYTHON, ['-c', code]],
    missing:
      existsSync(PYTHON) && existsSync('/usr/lib/python3/dist-packages/requests/__init__.py')
        ? null
        : 'Python requests is not installed (apt-get install python3-requests)'
  },
  node: { command: (code) => [process.execPath, ['--input-type=module', '-e', code]], missing: null }
}
for (const [language, runner] of Object.entries(RUNNERS))
  if (runner.missing) console.warn(`snippet fidelity: skipping ${language}: ${runner.missing}`)

interface Capture {
  method: string
  path: string
  query: Array<[string, string]>
  headers: Map<string, string>
  body: string
}

let server: Server
let baseUrl: string
const captures: Capture[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://capture')
      const headers = new Map<string, string>()
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.set(req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!)
      captures.push({
        method: req.method ?? '',
        path: url.pathname,
        query: [...url.searchParams],
        headers,
        body: Buffer.concat(chunks).toString('utf8')
      })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server?.close(resolve)))

const TOKEN = `tok'en"$(touch /tmp/CANARY)\`id\`!x`
const row = (name: string, value: string) => ({ name, value, enabled: true })

const corpus: Array<{ name: string; draft: RequestDraftInput }> = [
  {
    name: 'GET with a query',
    draft: { method: 'GET', path: '/contacts', query: [row('per_page', '5'), row('starting_after', 'WzE2NzE=')] }
  },
  {
    name: 'search with a hostile JSON body',
    draft: {
      method: 'POST',
      path: '/contacts/search',
      body: JSON.stringify({
        query: { field: 'name', operator: '~', value: `O'Brien "the" $(id) \`id\` ünï 😀` },
        pagination: { per_page: 2 }
      })
    }
  },
  {
    name: 'quotes and unicode in the query and headers',
    draft: {
      method: 'GET',
      path: '/companies',
      query: [row('name', `it's "x" & y=1`), row('名前', '値')],
      headers: [row('X-Note', `it's "quoted" $(id)`)]
    }
  },
  {
    name: 'PUT with nested JSON',
    draft: { method: 'PUT', path: '/contacts/abc', body: '{"custom_attributes":{"plan":"pro","seats":3,"vip":true,"x":null}}' }
  },
  { name: 'DELETE', draft: { method: 'DELETE', path: '/tags/17' } },
  { name: 'basic auth', draft: { method: 'GET', path: '/me', authMode: 'basic' } }
]

/** Headers the client adds on its own; the comparison is about the request's own headers. */
const CLIENT_HEADERS = new Set(['host', 'user-agent', 'accept-encoding', 'connection', 'content-length', 'transfer-encoding'])

for (const language of Object.keys(RUNNERS) as CodeLanguage[]) {
  const runner = RUNNERS[language]
  describe.skipIf(runner.missing !== null)(`${language} snippet fidelity`, () => {
    for (const c of corpus) {
      it(c.name, async () => {
        const draft = RequestDraft.parse(c.draft)
        const expected = buildRequest(draft, { baseUrl, defaultVersion: '2.14', credential: { kind: 'token', token: TOKEN } })
        const curl = curlSnippet(
          buildRequest(draft, { baseUrl, defaultVersion: '2.14', credential: { kind: 'none' } }),
          { mode: draft.authMode, secret: null },
          { shell: 'posix', multiline: false, tokenStyle: 'env' }
        ).text
        const { code } = convertCurl(curl, language)
        expect(code).not.toContain(TOKEN)

        captures.length = 0
        const [command, args] = runner.command(code)
        await run(command, args, { env: { PATH: process.env['PATH'], INTERCOM_TOKEN: TOKEN, HOME: process.env['HOME'] }, timeout: 20_000 })
        expect(captures).toHaveLength(1)
        const got = captures[0]!
        const want = new URL(expected.url)
        expect(got.method).toBe(expected.method)
        expect(decodeURIComponent(got.path)).toBe(decodeURIComponent(want.pathname))
        expect(got.query).toEqual([...want.searchParams])
        for (const [name, value] of expected.headers) {
          if (CLIENT_HEADERS.has(name.toLowerCase())) continue
          expect(got.headers.get(name.toLowerCase()), name).toBe(value)
        }
        if (expected.body === null) expect(got.body).toBe('')
        else expect(JSON.parse(got.body)).toEqual(JSON.parse(expected.body))
      })
    }
  })
}
