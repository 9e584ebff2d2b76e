// What each `tokendesk` command does, on top of the desk (a running Token Desk or this process).
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { text as streamText } from 'node:stream/consumers'
import type { CliWorkspace, LentCredential } from '../shared/contract/cli'
import type { ResponseSummary } from '../shared/contract/requests'
import type { AuthMode, HttpMethod, RequestDraft, Workspace } from '../shared/model'
import { HTTP_METHODS, REGION_HOSTS } from '../shared/model'
import type { SavedRequest } from '../shared/library'
import { buildRequest } from '../shared/request/build'
import { curlSnippet, tokendeskSnippet, type Shell } from '../shared/snippets'
import { codeSnippet } from '../shared/snippets/code'
import { CallFailed, type Desk } from './desk'
import { envLines, lentVariables, type EnvShell } from './lent-env'
import { SecretMasker, secretForms } from './mask'
import { askOnTerminal } from './terminal'

/** Exit statuses: the issue fixes these. */
export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 4 } as const

/** A mistake in how the command was called: exit 2. */
export class UsageError extends Error {}
/** A failure already explained in words: exit with `status`. */
export class Failure extends Error {
  constructor(
    message: string,
    readonly status: number = EXIT.failed
  ) {
    super(message)
  }
}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream
}

const CREDENTIAL_KIND: Record<Workspace['authKind'], string> = {
  access_token: 'access token',
  oauth: 'OAuth',
  legacy_api_key: 'legacy API key'
}

/** NAME|ID → the workspace: an exact id, else a name (case-insensitive); the active one by default. */
export async function resolveWorkspace(desk: Desk, ref: string | undefined): Promise<Workspace> {
  const { workspaces, activeId } = await desk.call('workspaces.list', undefined)
  if (ref === undefined) {
    const active = workspaces.find((w) => w.id === activeId) ?? workspaces[0]
    if (!active) throw new Failure('There are no workspaces yet: add one in Token Desk.')
    return active
  }
  const byId = workspaces.find((w) => w.id === ref)
  if (byId) return byId
  const byName = workspaces.filter((w) => w.name.toLowerCase() === ref.toLowerCase())
  if (byName.length === 1) return byName[0]!
  if (byName.length > 1) throw new UsageError(`Several workspaces are named “${ref}”; use its id (tokendesk workspaces).`)
  throw new UsageError(`No workspace is named “${ref}” or has that id. See: tokendesk workspaces`)
}

/** Asks the desk for a lend, asking the person on the terminal first when lending is off. */
export async function lend(desk: Desk, workspace: Workspace, command: string, secret: boolean) {
  const request = { workspaceId: workspace.id, command, pid: process.pid, cwd: process.cwd(), secret }
  try {
    return await desk.call('cli.lend', request)
  } catch (error) {
    if (error instanceof CallFailed && error.error.code === 'not_allowed') {
      const yes = askOnTerminal(
        `Lend “${workspace.name}” to the command line? Commands you run here can then use its token (withdraw it in Workspace settings).`
      )
      if (yes === null)
        throw new Failure(
          `“${workspace.name}” is not lent to the command line, and there is no terminal to ask on. Allow it in Token Desk: Workspace settings › Lend to the command line.`,
          EXIT.auth
        )
      if (!yes) throw new Failure(`Not lent: “${workspace.name}” stays off for the command line.`, EXIT.auth)
      return desk.call('cli.lend', { ...request, approved: true })
    }
    if (
      error instanceof CallFailed &&
      error.error.code === 'vault_unavailable' &&
      desk.mode === 'own' &&
      workspace.vaultBackend.startsWith('safeStorage')
    )
      throw new Failure(`Start Token Desk to lend the token of ${workspace.name}`)
    throw error
  }
}

const describeCommand = (name: string, args: string[]) => [name, ...args].join(' ').slice(0, 4000)

// ─── workspaces, use ─────────────────────────────────────────────────────────

export async function workspacesCommand(desk: Desk, io: Io, json: boolean) {
  const { workspaces, activeId } = await desk.call('cli.workspaces', undefined)
  const rows = workspaces.map((w: CliWorkspace) => ({
    active: w.id === activeId,
    name: w.name,
    id: w.id,
    region: w.sandbox ? 'sandbox' : w.region,
    credential: CREDENTIAL_KIND[w.authKind],
    secretAvailable: w.secretAvailable,
    secretStore: w.vaultBackend,
    lendAllowed: w.lendAllowed
  }))
  if (json) return io.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  const table = [
    ['', 'NAME', 'ID', 'REGION', 'CREDENTIAL', 'SECRET', 'LENT TO CLI'],
    ...rows.map((r) => [
      r.active ? '*' : '',
      r.name,
      r.id,
      r.region,
      r.credential,
      r.secretAvailable ? 'available' : 'unavailable',
      r.lendAllowed ? 'yes' : 'no'
    ])
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
  io.stdout.write(
    table
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()
      )
      .join('\n') + '\n'
  )
}

export async function useCommand(desk: Desk, io: Io, ref: string) {
  const workspace = await resolveWorkspace(desk, ref)
  await desk.call('workspaces.setActive', { id: workspace.id })
  io.stdout.write(`Active workspace: ${workspace.name}\n`)
}

// ─── api, request ────────────────────────────────────────────────────────────

export interface ApiArgs {
  workspace?: string
  method?: string
  header?: string[]
  query?: string[]
  input?: string
  version?: string
  auth?: string
  paginate?: boolean
  include?: boolean
}

/** The request the flags describe; a query string in PATH becomes query rows. */
export async function draftFromArgs(target: string, args: ApiArgs, workspace: Workspace, io: Io): Promise<RequestDraft> {
  const method = (args.method ?? (args.input !== undefined ? 'POST' : 'GET')).toUpperCase()
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw new UsageError(`-X ${args.method}: use one of ${HTTP_METHODS.join(', ')}.`)
  const headers = (args.header ?? []).map((h) => {
    const colon = h.indexOf(':')
    if (colon <= 0) throw new UsageError(`-H '${h}': write a header as 'Name: value'.`)
    return { name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim(), enabled: true }
  })
  const query = (args.query ?? []).map((q) => {
    const eq = q.indexOf('=')
    if (eq <= 0) throw new UsageError(`-q '${q}': write a query parameter as key=value.`)
    return { name: q.slice(0, eq), value: q.slice(eq + 1), enabled: true }
  })
  const absolute = /^https?:\/\//i.test(target)
  if (!absolute && !target.startsWith('/')) target = `/${target}`
  let path = target
  const mark = target.indexOf('?')
  if (mark !== -1) {
    path = target.slice(0, mark)
    for (const [name, value] of new URLSearchParams(target.slice(mark + 1))) query.unshift({ name, value, enabled: true })
  }
  const legacy = workspace.authKind === 'legacy_api_key'
  const auth = args.auth ?? (legacy ? 'basic' : 'bearer')
  if (!['bearer', 'basic', 'none'].includes(auth)) throw new UsageError(`--auth ${auth}: use bearer, basic or none.`)
  if (legacy && auth === 'bearer') throw new UsageError('A legacy API key is sent as basic auth: use --auth basic.')
  const authMode: AuthMode = auth === 'none' ? 'none' : legacy ? 'legacy' : (auth as AuthMode)
  let body: string | null = null
  if (args.input !== undefined) {
    try {
      body = args.input === '-' ? await streamText(io.stdin) : await readFile(args.input, 'utf8')
    } catch {
      throw new UsageError(`--input ${args.input}: the file cannot be read.`)
    }
  }
  return {
    method: method as HttpMethod,
    path,
    pathParams: {},
    query,
    headers,
    body,
    intercomVersion: args.version ?? null,
    authMode,
    operationId: null
  }
}

function statusFor(summary: Pick<ResponseSummary, 'status'>): number {
  if (summary.status >= 200 && summary.status < 300) return EXIT.ok
  return summary.status === 401 || summary.status === 403 ? EXIT.auth : EXIT.failed
}

async function fullBody(desk: Desk, summary: ResponseSummary): Promise<string> {
  if (summary.bodyText !== null) return summary.bodyText
  if (!summary.bodyOnDisk) return ''
  let text = ''
  for (let offset = 0; ;) {
    const piece = await desk.call('responses.body', { requestId: summary.requestId, offset })
    text += piece.text
    offset += piece.text.length
    if (piece.text.length === 0 || offset >= piece.total) return text
  }
}

/** Sends a draft as `api` does and prints the answer; returns the exit status. */
export async function sendAndPrint(desk: Desk, io: Io, workspace: Workspace, draft: RequestDraft, include: boolean): Promise<number> {
  const summary = await desk.call('requests.send', { requestId: `cli-${randomUUID()}`, workspaceId: workspace.id, draft })
  if (include) {
    const head = [`HTTP/1.1 ${summary.status} ${summary.statusText}`.trimEnd(), ...summary.headers.map(([n, v]) => `${n}: ${v}`)]
    io.stdout.write(head.join('\r\n') + '\r\n\r\n')
  }
  const body = await fullBody(desk, summary)
  io.stdout.write(body)
  if (io.stdout.isTTY && body !== '' && !body.endsWith('\n')) io.stdout.write('\n')
  const status = statusFor(summary)
  if (summary.explanation) {
    const e = summary.explanation
    const named = e.permission && !e.title.includes(e.permission) ? ` (missing permission: ${e.permission})` : ''
    io.stderr.write(`tokendesk: ${summary.status} ${e.title}${named}\n${e.detail}\n`)
  } else if (status !== EXIT.ok) {
    const errors = summary.intercomErrors?.map((e) => `${e.code}: ${e.message}`).join('; ')
    io.stderr.write(`tokendesk: ${summary.status} ${summary.statusText}${errors ? ` (${errors})` : ''}\n`)
  }
  return status
}

/** --paginate: every page through the app's pagination (pacing, 429 back-off), one item per line. */
export async function paginateAndPrint(desk: Desk, io: Io, workspace: Workspace, draft: RequestDraft): Promise<number> {
  const jobId = `cli-${randomUUID()}`
  const result = await desk.call('pagination.start', { jobId, workspaceId: workspace.id, draft })
  const exported = await desk.call('pagination.export', { jobId, format: 'ndjson' })
  io.stdout.write(exported.text)
  if (result.complete) return EXIT.ok
  io.stderr.write(`tokendesk: ${result.stoppedReason ?? 'stopped before the last page'}\n`)
  return result.status === 401 || result.status === 403 ? EXIT.auth : EXIT.failed
}

export async function apiCommand(desk: Desk, io: Io, target: string, args: ApiArgs, argv: string[]): Promise<number> {
  const workspace = await resolveWorkspace(desk, args.workspace)
  const draft = await draftFromArgs(target, args, workspace, io)
  await lend(desk, workspace, describeCommand('api', argv), false)
  return args.paginate ? paginateAndPrint(desk, io, workspace, draft) : sendAndPrint(desk, io, workspace, draft, !!args.include)
}

/** A saved request by name, or by its library path (Folder/Sub/Name). */
export async function findSaved(desk: Desk, workspace: Workspace, ref: string): Promise<SavedRequest> {
  const { requests } = await desk.call('library.list', { workspaceId: workspace.id })
  const key = ref.toLowerCase()
  const byPath = requests.filter((r) => (r.folder ? `${r.folder}/${r.name}` : r.name).toLowerCase() === key)
  const found = byPath.length ? byPath : requests.filter((r) => r.name.toLowerCase() === key)
  if (found.length === 1) return found[0]!
  if (found.length > 1) throw new UsageError(`Several saved requests are named “${ref}”; give its path, e.g. Folder/${ref}.`)
  throw new UsageError(`No saved request is named “${ref}” in ${workspace.name}.`)
}

export async function requestCommand(desk: Desk, io: Io, ref: string, args: { workspace?: string; include?: boolean }, argv: string[]) {
  const workspace = await resolveWorkspace(desk, args.workspace)
  const saved = await findSaved(desk, workspace, ref)
  await lend(desk, workspace, describeCommand('request', argv), false)
  return sendAndPrint(desk, io, workspace, saved.draft, !!args.include)
}

const SNIPPET_SHELLS: Record<string, Shell> = { sh: 'posix', powershell: 'powershell', cmd: 'cmd' }

export async function snippetCommand(desk: Desk, io: Io, ref: string, args: { workspace?: string; lang?: string }) {
  const lang = args.lang ?? 'sh'
  const workspace = await resolveWorkspace(desk, args.workspace)
  const saved = await findSaved(desk, workspace, ref)
  if (lang === 'tokendesk') {
    const snippet = tokendeskSnippet(saved.draft, { workspace: workspace.name, defaultVersion: workspace.intercomVersion })
    return io.stdout.write(snippet.text + '\n')
  }
  const shell = SNIPPET_SHELLS[lang] ?? (lang === 'python' || lang === 'node' ? 'posix' : null)
  if (!shell) throw new UsageError(`--lang ${lang}: use sh, powershell, cmd, python, node or tokendesk.`)
  const info = await desk.call('app.info', undefined)
  const baseUrl = workspace.sandbox ? info.sandboxUrl : REGION_HOSTS[workspace.region]
  if (!baseUrl) throw new Failure('The sandbox is not running, so there is no address to put in the snippet.')
  const prepared = buildRequest(saved.draft, { baseUrl, defaultVersion: workspace.intercomVersion, credential: { kind: 'none' } })
  // The desktop's Code tab and this command write the same text: one generator for each language.
  const auth = { mode: saved.draft.authMode, secret: null }
  const snippet =
    lang === 'python' || lang === 'node'
      ? codeSnippet(lang, prepared, auth, { tokenStyle: 'env' })
      : curlSnippet(prepared, auth, { shell, multiline: false, tokenStyle: 'env' })
  io.stdout.write(snippet.text.endsWith('\n') ? snippet.text : snippet.text + '\n')
}

// ─── token, env, run ─────────────────────────────────────────────────────────

function refuseTerminal(io: Io, reveal: boolean | undefined, what: string) {
  if (io.stdout.isTTY && !reveal)
    throw new Failure(`Refusing to print ${what} to the terminal (it would stay in the scrollback). Pipe it, or add --reveal.`)
}

const secretOf = (c: LentCredential) => (c.kind === 'bearer' ? c.token : c.apiKey)

export async function tokenCommand(desk: Desk, io: Io, args: { workspace?: string; reveal?: boolean }, argv: string[]) {
  refuseTerminal(io, args.reveal, 'the token')
  const workspace = await resolveWorkspace(desk, args.workspace)
  const lent = await lend(desk, workspace, describeCommand('token', argv), true)
  io.stdout.write(secretOf(lent.credential!) + '\n')
}

export async function envCommand(desk: Desk, io: Io, args: { workspace?: string; shell?: string; reveal?: boolean }, argv: string[]) {
  const shell = (args.shell ?? 'sh') as EnvShell
  if (!['sh', 'powershell', 'cmd'].includes(shell)) throw new UsageError(`--shell ${args.shell}: use sh, powershell or cmd.`)
  refuseTerminal(io, args.reveal, 'lines holding the token')
  const workspace = await resolveWorkspace(desk, args.workspace)
  const lent = await lend(desk, workspace, describeCommand('env', argv), true)
  io.stdout.write(envLines(lentVariables({ ...lent, credential: lent.credential! }), shell) + '\n')
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 }

export async function runCommand(
  desk: Desk,
  io: Io,
  command: string[],
  args: { workspace?: string; env?: string; 'no-mask'?: boolean },
  argv: string[]
): Promise<number> {
  if (command.length === 0) throw new UsageError('Give the command to run after --, e.g. tokendesk run -- ./sync.sh')
  const workspace = await resolveWorkspace(desk, args.workspace)
  const lent = await lend(desk, workspace, describeCommand('run', argv), true)
  const credential = lent.credential!
  const vars = lentVariables({ ...lent, credential }, args.env)
  // A sandbox served by this very process must outlive the child; otherwise let go of the folder now.
  if (!(desk.mode === 'own' && workspace.sandbox)) await desk.close()
  const mask = !args['no-mask']
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...Object.fromEntries(vars) },
    stdio: ['inherit', mask ? 'pipe' : 'inherit', mask ? 'pipe' : 'inherit']
  })
  if (mask) {
    const forms = secretForms(credential)
    const label = `<token:${workspace.name}>`
    child.stdout!.pipe(new SecretMasker(forms, label)).pipe(io.stdout)
    child.stderr!.pipe(new SecretMasker(forms, label)).pipe(io.stderr)
  }
  // The terminal sends Ctrl+C to the child too; the child decides, and its status is ours.
  const ignore = () => undefined
  process.on('SIGINT', ignore)
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  const status = await new Promise<number>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      io.stderr.write(`tokendesk: cannot run ${command[0]}: ${error.code === 'ENOENT' ? 'command not found' : error.message}\n`)
      resolve(error.code === 'ENOENT' ? 127 : 126)
    })
    child.once('close', (code, signal) => resolve(code ?? 128 + (signal ? (SIGNALS[signal] ?? 1) : 1)))
  })
  process.off('SIGINT', ignore)
  return status
}
