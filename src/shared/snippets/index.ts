// curl snippets for POSIX sh, PowerShell and cmd.
//
// Contract: build the PreparedRequest with `buildRequest(draft, { ...ctx, credential: { kind: 'none' } })`
// so it carries no Authorization header, and pass the draft's auth mode here. The generator writes
// the auth part itself (a Bearer header, or `-u` for basic and legacy) in the chosen token style.
// If the request still has an Authorization header, the user typed it: it is copied as typed,
// no auth part is added, and the snippet is flagged as holding a secret.
import type { AuthMode } from '../model'
import { authPlan, checkSecret, type AuthPlan, type CredentialKind } from '../request/auth'
import { assertHeader, contentLength, maskSecret, type PreparedRequest } from '../request/build'
import { DIALECTS, type Dialect, type Segment } from './shells'

export type Shell = 'posix' | 'powershell' | 'cmd'
/** Languages the request is also written in as code (`./code.ts`). */
export const CODE_LANGUAGES = ['python', 'node'] as const
export type CodeLanguage = (typeof CODE_LANGUAGES)[number]
export type TokenStyle = 'env' | 'masked' | 'real'

export interface SnippetOptions {
  shell: Shell
  multiline: boolean
  tokenStyle: TokenStyle
  /** Default INTERCOM_TOKEN. For the legacy mode it holds `app_id:api_key`. */
  envVar?: string
}

export interface Snippet {
  text: string
  /** The line that sets the env var (placeholder value), or null when the snippet uses none. */
  setup: string | null
  /** True when the text holds a real credential: copy it with care and clear the clipboard. */
  containsSecret: boolean
  warnings: string[]
  /** The body, when the command reads it from a file (`--data-binary @body.json`) that must sit next to it. */
  bodyFile: { name: string; text: string } | null
}

export interface SnippetAuth {
  mode: AuthMode
  /** The workspace's credential; by default a token, or a legacy pair for the legacy mode. */
  kind?: CredentialKind
  /** The token, or `app_id:api_key` for legacy; only read for the masked and real styles. */
  secret: string | null
  /** The secret is already a masked preview: write it as it is. */
  masked?: boolean
}

/** The shared auth rule for a snippet: refuses, with Send's message, what Send refuses. */
export function snippetAuthPlan(auth: SnippetAuth): AuthPlan {
  return authPlan(auth.mode, auth.kind ?? (auth.mode === 'legacy' ? 'legacy' : 'token'))
}

/** Bodies larger than this go through a file: one argument may not exceed 128 KiB on Linux. */
export const INLINE_BODY_LIMIT = 64 * 1024

export class SnippetError extends Error {
  override name = 'SnippetError'
}

/** Where the body goes when the shell cannot carry it inline. */
export const BODY_FILE = 'body.json'

export function curlSnippet(req: PreparedRequest, auth: SnippetAuth, opts: SnippetOptions): Snippet {
  const dialect = DIALECTS[opts.shell]
  const envVar = opts.envVar ?? 'INTERCOM_TOKEN'
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envVar)) throw new SnippetError(`"${envVar}" is not a valid environment variable name.`)
  for (const [name, value] of req.headers) assertHeader(name, value)

  const plan = snippetAuthPlan(auth)
  const warnings: string[] = []
  const lit = (text: string): Segment[] => [{ text }]
  // Each entry is one line of the multi-line form: a flag and its argument.
  const lines: Array<Array<string | Segment[]>> = [
    [dialect.program, ...methodArgs(req), ...(/[[\]{}]/.test(req.url) ? ['-g'] : []), '--url', lit(req.url)]
  ]

  for (const [name, value] of req.headers) lines.push(['-H', lit(value === '' ? `${name};` : `${name}: ${value}`)])
  // curl counts a body itself, but sends no Content-Length for a body-less POST, PUT, PATCH or DELETE.
  if (req.body === null && contentLength(req) !== null) lines.push(['-H', lit(`Content-Length: ${contentLength(req)}`)])
  // The request asks for gzip like every other door; --compressed makes curl decode it too.
  if (req.headers.some(([name]) => name.toLowerCase() === 'accept-encoding')) lines[0]!.splice(1, 0, '--compressed')

  const typedAuth = req.headers.some(([name]) => name.toLowerCase() === 'authorization')
  let style = opts.tokenStyle
  let setup: string | null = null
  if (typedAuth) {
    warnings.push('The request has its own Authorization header; it is copied as typed.')
  } else if (plan.scheme !== 'none') {
    if (style !== 'env' && !auth.secret) {
      warnings.push('No token is available, so the snippet reads it from an environment variable.')
      style = 'env'
    }
    if (style === 'real') checkSecret(plan, auth.secret ?? '')
    const secret: Segment =
      style === 'env' ? { env: envVar } : { text: style === 'masked' && !auth.masked ? maskSecret(auth.secret ?? '') : (auth.secret ?? '') }
    lines.push(authArgs(plan, secret))
    if (style === 'env')
      setup = dialect.setup(envVar, plan.scheme === 'basic' && plan.suffix === '' ? 'app_id:api_key' : 'your-access-token')
  }

  const renderLine = (line: Array<string | Segment[]>) => line.map((w) => (typeof w === 'string' ? w : dialect.word(mergeText(w))))
  const head = lines.map(renderLine)
  if (head.some((line) => line.includes(null))) return cmdRefusal()
  // cmd expands %VAR% before it reads quotes, so a token holding " and & could run a command.
  // !VAR! under delayed expansion (cmd /V:ON) is replaced after the line is parsed: its value stays data.
  const prefix = opts.shell === 'cmd' && setup !== null ? 'cmd /V:ON /C ' : ''
  // Past the shell's command limit the command cannot even start: the body goes through a file
  // first, and what still does not fit is refused.
  const size = (parts: Array<Array<string | Segment[]>>) => measure(dialect, prefix) + commandSize(dialect, parts)
  const room = dialect.maxCommand - size([...lines, ['--data-raw']])
  const body = req.body === null ? null : bodyArgs(req.body, dialect, warnings, room)
  if (body) lines.push(body.args)
  const tooLong = tooLongFor(opts.shell, dialect, size(lines), lines)
  if (tooLong) throw new SnippetError(tooLong)

  const rendered = lines.map(renderLine)
  if (rendered.some((line) => line.includes(null))) return cmdRefusal()
  if (opts.shell === 'powershell' && rendered.flat().some((w) => w?.includes('"'))) {
    warnings.push(
      'Windows PowerShell 5.1 and PowerShell 7.2 or older strip double quotes from arguments to curl.exe; run this in PowerShell 7.3 or later.'
    )
  }
  const joined = rendered.map((line) => line.join(' '))
  if (prefix)
    warnings.push(
      'Run it at a cmd prompt or in a batch file without EnableDelayedExpansion (the token is read as !INTERCOM_TOKEN!).'.replace(
        'INTERCOM_TOKEN',
        envVar
      )
    )
  return {
    text: prefix + (opts.multiline ? joined.join(`${dialect.continuation}\n  `) : joined.join(' ')),
    setup,
    containsSecret: typedAuth || (style === 'real' && plan.scheme !== 'none'),
    warnings,
    bodyFile: body?.file ? { name: BODY_FILE, text: req.body ?? '' } : null
  }
}

function cmdRefusal(): Snippet {
  return {
    text: 'REM This request cannot be written safely for cmd.exe; use the PowerShell or POSIX tab.',
    setup: null,
    containsSecret: false,
    warnings: [
      'cmd.exe cannot quote this request safely (it has characters such as " % ! ^ < > | \\ or non-ASCII text). Use the PowerShell or POSIX tab.'
    ],
    bodyFile: null
  }
}

/** Room kept for a token read from the environment, whose length the snippet cannot know. */
const ENV_TOKEN_ROOM = 1024
const SHELL_NAMES: Record<Shell, string> = { posix: 'shell', powershell: 'PowerShell (curl.exe)', cmd: 'cmd.exe' }

function measure(dialect: Dialect, text: string): number {
  return dialect.unit === 'bytes' ? new TextEncoder().encode(text).length : text.length
}

/** One argument as the program receives it (quotes removed, a variable counted at ENV_TOKEN_ROOM). */
function argumentText(word: string | Segment[]): string {
  return typeof word === 'string' ? word : word.map((s) => ('env' in s ? 'x'.repeat(ENV_TOKEN_ROOM) : s.text)).join('')
}

/**
 * How much of the shell's command limit `parts` take: for sh, the arguments' bytes with their NULs;
 * for PowerShell and cmd, the line as written (Windows programs get one quoted command line).
 */
function commandSize(dialect: Dialect, parts: Array<Array<string | Segment[]>>): number {
  let total = 0
  for (const line of parts)
    for (const word of line) {
      if (dialect.unit === 'bytes') total += measure(dialect, argumentText(word)) + 1
      else {
        const written = typeof word === 'string' ? word : (dialect.word(mergeText(word)) ?? '')
        const envs = typeof word === 'string' ? 0 : word.filter((s) => 'env' in s).length
        total += written.length + 1 + envs * ENV_TOKEN_ROOM
      }
    }
  return total
}

/** Why this command cannot run in the shell, or null when it can. */
function tooLongFor(shell: Shell, dialect: Dialect, size: number, lines: Array<Array<string | Segment[]>>): string | null {
  const longest = Math.max(...lines.flat().map((w) => measure(dialect, argumentText(w))))
  if (size <= dialect.maxCommand && longest <= dialect.maxArgument) return null
  const limit = size > dialect.maxCommand ? dialect.maxCommand : dialect.maxArgument
  const what = size > dialect.maxCommand ? 'command' : 'argument'
  return `This request is too long for a ${SHELL_NAMES[shell]} command line: one ${what} may hold at most ${limit.toLocaleString('en-US')} ${dialect.unit === 'bytes' ? 'bytes' : 'characters'}. Shorten its URL or headers, or send it from Token Desk.`
}

/** Joins neighbouring literal segments so a masked or real token is quoted as one piece. */
function mergeText(segments: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const s of segments) {
    const last = out[out.length - 1]
    if (last && 'text' in last && 'text' in s) out[out.length - 1] = { text: last.text + s.text }
    else out.push(s)
  }
  return out
}

/** `-X` only where curl would not pick the method itself: GET by default, POST with a body. */
function methodArgs(req: PreparedRequest): string[] {
  if (!/^[A-Z]+$/.test(req.method)) throw new SnippetError(`"${req.method}" is not a valid HTTP method.`)
  if (req.method === 'HEAD') return ['--head']
  if (req.method === 'GET' || (req.method === 'POST' && req.body !== null)) return []
  return ['-X', req.method]
}

function authArgs(plan: Exclude<AuthPlan, { scheme: 'none' }>, secret: Segment): Array<string | Segment[]> {
  if (plan.scheme === 'bearer') return ['-H', [{ text: 'Authorization: Bearer ' }, secret]]
  // curl -u sends Basic base64(<argument>): the secret plus the rule's suffix, exactly as Send does.
  return ['-u', plan.suffix === '' ? [secret] : [secret, { text: plan.suffix }]]
}

/**
 * `--data-raw` never reads a file for a leading `@`; bodies a shell cannot carry, or that would take
 * the command past `room` (what is left of the shell's limit), go through a file.
 */
function bodyArgs(body: string, dialect: Dialect, warnings: string[], room: number): { args: Array<string | Segment[]>; file: boolean } {
  const word = dialect.word([{ text: body }])
  const tooLong =
    new TextEncoder().encode(body).length > INLINE_BODY_LIMIT ||
    (word !== null && (measure(dialect, word) > room || measure(dialect, body) > dialect.maxArgument))
  // Windows hands curl.exe its arguments through the code page unless curl was built for Unicode,
  // so only ASCII is sure to arrive as the UTF-8 bytes Send sends; a file carries any text exactly.
  const notAscii = dialect.unit === 'chars' && /[^\t\n\r\x20-\x7e]/.test(body)
  const inline = !tooLong && !notAscii && !body.includes('\0') && word !== null
  if (inline) return { args: ['--data-raw', [{ text: body }]], file: false }
  const why = tooLong
    ? 'The body is too large to pass as an argument'
    : notAscii
      ? 'The body has non-ASCII text, which curl.exe may receive in the Windows code page rather than as UTF-8'
      : 'This shell cannot carry the body inline'
  warnings.push(`${why}. Save it with "Save ${BODY_FILE}", byte for byte, in the folder where you run the command.`)
  return { args: ['--data-binary', [{ text: `@${BODY_FILE}` }]], file: true }
}

export { tokendeskSnippet, type TokendeskSnippetOptions } from './tokendesk'
