// The differential test: every door a request leaves by must put the same bytes on the wire.
// A seeded set of hostile drafts (DIFF_COUNT, default 300; DIFF_SEED) is sent by the executor,
// by the POSIX curl snippet under dash, bash, zsh, busybox sh and mksh, by the generated Python
// (requests) and Node.js code, and by a curl import of the POSIX snippet, each to a raw capture
// server on 127.0.0.1. Per draft, every door sends the same method, raw request target, headers
// and body bytes, or every door refuses it with the same message. Only `Connection` (hop-by-hop,
// about the socket rather than the request) is left out of the comparison.
//
// A third of the shell runs use the default snippet, which reads the token from INTERCOM_TOKEN.
//
// Each door runs its drafts in one process where it can (one shell script per shell, one Python
// process), so 300 drafts × 9 doors stay well inside the time limit on two cores.
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCurl } from '../../src/main/services/import/curl'
import { executeRequest } from '../../src/main/services/requests/executor'
import { RequestDraft } from '../../src/shared/model'
import { buildRequest, credentialSecret, type Credential, type PreparedRequest } from '../../src/shared/request/build'
import { curlSnippet } from '../../src/shared/snippets'
import { codeSnippet } from '../../src/shared/snippets/code'
import { posixQuote } from '../../src/shared/snippets/shells'
import { hostileDrafts, type HostileCase } from './hostile-drafts'

const run = promisify(execFile)
const SEED = Number(process.env['DIFF_SEED'] ?? 20261130)
const COUNT = Number(process.env['DIFF_COUNT'] ?? 300)
const PYTHON = '/usr/bin/python3'
const SHELLS: Record<string, string[]> = {
  dash: ['/usr/bin/dash'],
  bash: ['/usr/bin/bash'],
  zsh: ['/usr/bin/zsh', '-f'],
  busybox: ['/usr/bin/busybox', 'sh'],
  mksh: ['/usr/bin/mksh']
}
const needed = [PYTHON, '/usr/bin/curl', ...Object.values(SHELLS).map((c) => c[0]!)]
const missing = needed.filter((p) => !existsSync(p))
if (missing.length)
  console.warn(`differential test skipped: missing ${missing.join(', ')} (npm test installs them: scripts/test/ensure-system-deps.mjs)`)

type Outcome = { refused: string } | { sent: string } | { nothing: true }
type Door = 'executor' | 'import' | 'python' | 'node' | keyof typeof SHELLS

interface Wire {
  method: string
  target: string
  headers: Array<[string, string]>
  body: string
}

let server: Server
let origin: string
let work: string
/** door/index → what arrived. */
const captured = new Map<string, Wire>()
const cases = hostileDrafts(SEED, COUNT)

/** Every door gets its own prefix, so captures can be told apart while doors run in parallel. */
const baseFor = (door: Door, index: number) => `${origin}/${door}/${index}`
const TOKEN_VERSION = '2.14'

function build(c: HostileCase, door: Door, credential: Credential | { kind: 'none' }): PreparedRequest {
  return buildRequest(RequestDraft.parse(c.draft), { baseUrl: baseFor(door, c.index), defaultVersion: TOKEN_VERSION, credential })
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))
const kind = (c: HostileCase) => (c.credential.kind === 'legacy' ? 'legacy' : 'token')

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'differential-'))
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const [, door, index, ...rest] = (req.url ?? '').split('/')
      const headers: Array<[string, string]> = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!])
      captured.set(`${door}/${index}`, {
        method: req.method ?? '',
        target: `/${rest.join('/')}`,
        headers: headers.filter(([n]) => n !== 'connection').sort((a, b) => (a.join('\0') < b.join('\0') ? -1 : 1)),
        body: Buffer.concat(chunks).toString('base64')
      })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
  })
  server.keepAliveTimeout = 100
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  if (work) rmSync(work, { recursive: true, force: true })
})

/** Runs `task` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!)
    })
  )
}

const refusals = new Map<string, string>()

async function viaExecutor(door: 'executor' | 'import', c: HostileCase, draftFor: () => RequestDraft) {
  let prepared: PreparedRequest
  try {
    prepared = buildRequest(draftFor(), { baseUrl: baseFor(door, c.index), defaultVersion: TOKEN_VERSION, credential: c.credential })
  } catch (e) {
    refusals.set(`${door}/${c.index}`, message(e))
    return
  }
  const res = await executeRequest(prepared, { spoolDir: join(work, 'spool'), timeoutMs: 15_000 })
  expect(res.status, `${door} ${c.index}`).toBe(200)
}

/**
 * The POSIX snippet, or its refusal: with the real token written in (so the shells parse it), or
 * reading it from INTERCOM_TOKEN as the default snippet does. The env form cannot check a token
 * before curl runs, so it is used only for credentials Send accepts (the only kind the vault holds).
 */
function posixSnippet(
  c: HostileCase,
  door: Door,
  tokenStyle: 'real' | 'env' = 'real'
): { text: string; bodyFile: string | null } | { refused: string } {
  try {
    const prepared = build(c, door, { kind: 'none' })
    const s = curlSnippet(
      prepared,
      { mode: c.draft.authMode ?? 'bearer', kind: kind(c), secret: credentialSecret(c.credential) },
      { shell: 'posix', multiline: c.index % 2 === 1, tokenStyle }
    )
    return { text: s.text, bodyFile: s.bodyFile?.text ?? null }
  } catch (e) {
    return { refused: message(e) }
  }
}

/** True when Send accepts the draft with its credential. */
function sendable(c: HostileCase): boolean {
  try {
    build(c, 'executor', c.credential)
    return true
  } catch {
    return false
  }
}

async function viaShell(door: keyof typeof SHELLS) {
  const dir = join(work, door)
  mkdirSync(dir)
  const lines: string[] = []
  for (const c of cases) {
    const env = c.index % 3 === 0 && sendable(c)
    const s = posixSnippet(c, door, env ? 'env' : 'real')
    if ('refused' in s) {
      refusals.set(`${door}/${c.index}`, s.refused)
      continue
    }
    const caseDir = join(dir, String(c.index))
    mkdirSync(caseDir)
    if (s.bodyFile !== null) writeFileSync(join(caseDir, 'body.json'), s.bodyFile)
    // The env form runs in a subshell that exports the token, as `export INTERCOM_TOKEN=…` would.
    const setToken = env ? `export INTERCOM_TOKEN=${posixQuote(credentialSecret(c.credential))}; ` : ''
    lines.push(`(${setToken}cd ${posixQuote(caseDir)} && ${s.text} >/dev/null 2>&1)`)
  }
  writeFileSync(join(dir, 'run.sh'), lines.join('\n') + '\n')
  const [command, ...args] = SHELLS[door]!
  await run(command!, [...args, join(dir, 'run.sh')], { cwd: dir, timeout: 120_000, env: { PATH: process.env['PATH'] ?? '' } })
  // Nothing in a snippet may run as code: a `touch CANARY` would have left a file behind.
  const canaries = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('CANARY'))
  expect(canaries, `${door} ran injected code`).toEqual([])
}

/** One Python process runs every program: exec() each with its token in the environment. */
async function viaPython() {
  const dir = join(work, 'python')
  mkdirSync(dir)
  const jobs: Array<{ index: number; file: string; secret: string }> = []
  for (const c of cases) {
    try {
      const code = codeSnippet(
        'python',
        build(c, 'python', { kind: 'none' }),
        { mode: c.draft.authMode ?? 'bearer', kind: kind(c), secret: null },
        { tokenStyle: 'env' }
      )
      const file = join(dir, `${c.index}.py`)
      writeFileSync(file, code.text)
      jobs.push({ index: c.index, file, secret: credentialSecret(c.credential) })
    } catch (e) {
      refusals.set(`python/${c.index}`, message(e))
    }
  }
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs))
  const driver = `
import contextlib, io, json, os, sys
for job in json.load(open(sys.argv[1], encoding='utf-8')):
    os.environ['INTERCOM_TOKEN'] = job['secret']
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exec(compile(open(job['file'], encoding='utf-8').read(), job['file'], 'exec'), {'__name__': '__main__'})
    except SystemExit as stop:
        print(json.dumps({'index': job['index'], 'refused': str(stop.code)}))
`
  writeFileSync(join(dir, 'driver.py'), driver)
  const { stdout } = await run(PYTHON, [join(dir, 'driver.py'), join(dir, 'jobs.json')], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })
  for (const line of stdout.split('\n').filter(Boolean)) {
    const { index, refused } = JSON.parse(line) as { index: number; refused: string }
    refusals.set(`python/${index}`, refused)
  }
}

/** Node programs call process.exit on refusal, so each runs in its own process, two at a time. */
async function viaNode() {
  const dir = join(work, 'node')
  mkdirSync(dir)
  await pool(cases, 2, async (c) => {
    let text: string
    try {
      text = codeSnippet(
        'node',
        build(c, 'node', { kind: 'none' }),
        { mode: c.draft.authMode ?? 'bearer', kind: kind(c), secret: null },
        { tokenStyle: 'env' }
      ).text
    } catch (e) {
      refusals.set(`node/${c.index}`, message(e))
      return
    }
    const file = join(dir, `${c.index}.js`)
    writeFileSync(file, text)
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [file], {
        env: { INTERCOM_TOKEN: credentialSecret(c.credential) },
        stdio: ['ignore', 'ignore', 'pipe']
      })
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
      child.on('close', (status) => resolve({ code: status, stderr: err }))
    })
    if (code !== 0) refusals.set(`node/${c.index}`, stderr.trim())
  })
}

const DOORS: Door[] = ['executor', 'import', 'python', 'node', ...(Object.keys(SHELLS) as Array<keyof typeof SHELLS>)]

function outcome(door: Door, index: number): Outcome {
  const refused = refusals.get(`${door}/${index}`)
  if (refused !== undefined) return { refused }
  const wire = captured.get(`${door}/${index}`)
  return wire ? { sent: JSON.stringify(wire, null, 1) } : { nothing: true }
}

describe.skipIf(missing.length > 0)(`every door sends the same request (seed ${SEED}, ${COUNT} drafts)`, () => {
  it('executor, 5 shells, Python, Node and curl import agree on every draft', { timeout: 240_000 }, async () => {
    const timed = async (name: string, work: Promise<unknown>) => {
      const t0 = Date.now()
      await work
      if (process.env['DIFF_TIMING']) console.log(`${name}: ${Date.now() - t0} ms`)
    }
    await Promise.all([
      pool(cases, 4, (c) => viaExecutor('executor', c, () => RequestDraft.parse(c.draft))),
      pool(cases, 4, async (c) => {
        // The POSIX snippet for the import door's own address, pasted back in.
        const s = posixSnippet(c, 'import')
        if ('refused' in s) {
          refusals.set(`import/${c.index}`, s.refused)
          return
        }
        if (s.bodyFile !== null) {
          // Import cannot read body.json from the user's disk; it says so (checked below).
          const imported = importCurl(s.text)
          expect(imported.warnings.join(' ')).toContain('body.json')
          refusals.set(`import/${c.index}`, 'body in a file')
          return
        }
        await viaExecutor('import', c, () => RequestDraft.parse(importCurl(s.text).draft))
      }),
      ...(Object.keys(SHELLS) as Array<keyof typeof SHELLS>).map((door) => timed(door, viaShell(door))),
      timed('python', viaPython()),
      timed('node', viaNode())
    ])

    let sent = 0
    const problems: string[] = []
    for (const c of cases) {
      const want = outcome('executor', c.index)
      if ('sent' in want) sent++
      for (const door of DOORS.slice(1)) {
        const got = outcome(door, c.index)
        if ('refused' in got && got.refused === 'body in a file' && 'sent' in want) continue
        if (JSON.stringify(got) !== JSON.stringify(want))
          problems.push(
            `draft ${c.index} (seed ${SEED}) via ${door}:\n want ${JSON.stringify(want)}\n got  ${JSON.stringify(got)}\n draft ${JSON.stringify(c)}`
          )
      }
    }
    expect(problems.slice(0, 3).join('\n\n'), `${problems.length} disagreements`).toBe('')
    // The generator must exercise both sides: plenty sent, plenty refused.
    expect(sent).toBeGreaterThan(COUNT / 4)
    expect(COUNT - sent).toBeGreaterThan(COUNT / 10)
  })
})
