// The command surface: one entry per command, used for --help, for option parsing and for the
// shell completion scripts, so the three cannot disagree.
import type { ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

export interface CommandSpec {
  usage: string
  summary: string
  options: Options
  /** Option lines for --help. */
  details: string[]
}

const workspace = { workspace: { type: 'string', short: 'w' } } as const
const wsLine = '-w, --workspace NAME|ID   the workspace (default: the active one)'

export const GLOBAL_OPTIONS: Options = {
  'user-data': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' }
}

export const COMMANDS: Record<string, CommandSpec> = {
  workspaces: {
    usage: 'tokendesk workspaces [--json]',
    summary: 'List the workspaces: name, id, region, credential, whether the secret is available, the active one.',
    options: {},
    details: ['--json                    one JSON object per workspace, as an array']
  },
  use: {
    usage: 'tokendesk use NAME|ID',
    summary: 'Make a workspace the active one (the app follows).',
    options: {},
    details: []
  },
  api: {
    usage:
      "tokendesk api [-w NAME|ID] [-X METHOD] [-H 'Name: value']… [-q key=value]… [--input FILE|-] [--version V] [--auth bearer|basic|none] [--paginate] [-i|--include] PATH|URL",
    summary: "Send a request with the app's executor and print the response body.",
    options: {
      ...workspace,
      method: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
      query: { type: 'string', short: 'q', multiple: true },
      input: { type: 'string' },
      version: { type: 'string' },
      auth: { type: 'string' },
      paginate: { type: 'boolean' },
      include: { type: 'boolean', short: 'i' }
    },
    details: [
      wsLine,
      '-X, --method METHOD       GET (default), POST with --input, PUT, PATCH, DELETE…',
      "-H, --header 'Name: value' add a header (repeatable)",
      '-q, --query key=value     add a query parameter (repeatable)',
      '--input FILE|-            the request body from a file, or - for stdin',
      '--version V               the Intercom-Version header (default: the workspace’s)',
      '--auth bearer|basic|none  how the credential is sent (default: bearer; basic for legacy keys)',
      '--paginate                follow the cursor through every page; print each item as one JSON line',
      '-i, --include             print the status line and headers first, as curl -i does',
      '',
      'Exit status: 0 for 2xx; 4 for 401 and 403 (the reason on stderr); 1 for other statuses and',
      'network errors; 2 for usage errors.'
    ]
  },
  run: {
    usage: 'tokendesk run [-w NAME|ID] [--env NAME] [--no-mask] -- COMMAND [ARG…]',
    summary: "Run a command with the workspace's token in its environment only, masked in its output.",
    options: { ...workspace, env: { type: 'string' }, 'no-mask': { type: 'boolean' } },
    details: [
      wsLine,
      '--env NAME                the token variable (default INTERCOM_TOKEN)',
      '--no-mask                 do not replace the token in the output by <token:WORKSPACE>',
      '',
      'Sets INTERCOM_TOKEN, INTERCOM_API_BASE and INTERCOM_VERSION (legacy keys: INTERCOM_APP_ID and',
      'INTERCOM_API_KEY) for the command only. Exits with the command’s status.'
    ]
  },
  env: {
    usage: 'tokendesk env [-w NAME|ID] [--shell sh|powershell|cmd] [--reveal]',
    summary: 'Print the lines that set those variables, for eval "$(tokendesk env -w acme)".',
    options: { ...workspace, shell: { type: 'string' }, reveal: { type: 'boolean' } },
    details: [wsLine, '--shell sh|powershell|cmd the syntax (default sh)', '--reveal                  print to a terminal too']
  },
  token: {
    usage: 'tokendesk token [-w NAME|ID] [--reveal]',
    summary: 'Print the raw token for a pipe; refused on a terminal unless --reveal.',
    options: { ...workspace, reveal: { type: 'boolean' } },
    details: [wsLine, '--reveal                  print to a terminal too']
  },
  request: {
    usage: 'tokendesk request SAVED [-w NAME|ID] [-i|--include]',
    summary: 'Run a saved request (by name, or by its path in the library: Folder/Name) as api would.',
    options: { ...workspace, include: { type: 'boolean', short: 'i' } },
    details: [wsLine, '-i, --include             print the status line and headers first']
  },
  snippet: {
    usage: 'tokendesk snippet SAVED [-w NAME|ID] [--lang sh|powershell|cmd|python|node|tokendesk]',
    summary: 'Print a saved request as a snippet (the token is read from INTERCOM_TOKEN).',
    options: { ...workspace, lang: { type: 'string' } },
    details: [wsLine, '--lang LANG               sh (default), powershell, cmd, python, node or tokendesk']
  },
  completion: {
    usage: 'tokendesk completion bash|zsh|fish',
    summary: 'Print the shell completion script, e.g. source <(tokendesk completion bash).',
    options: {},
    details: []
  }
}

export function commandHelp(name: string): string {
  const spec = COMMANDS[name]!
  const lines = [spec.summary, '', `Usage: ${spec.usage}`]
  if (spec.details.length) lines.push('', ...spec.details)
  lines.push('', 'Global: --user-data DIR (or TOKEN_DESK_USER_DATA), --json for tables, --help')
  return lines.join('\n') + '\n'
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  return [
    "tokendesk: lends Token Desk's workspaces to scripts without writing their tokens down.",
    '',
    'Usage: tokendesk COMMAND [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`),
    '',
    'Global options:',
    '  --user-data DIR   the data folder (or TOKEN_DESK_USER_DATA; default: the running Token Desk’s, else the desktop app’s)',
    '  --json            JSON instead of a table',
    '  -h, --help        help for any command: tokendesk api --help',
    ''
  ].join('\n')
}
