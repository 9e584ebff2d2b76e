// `tokendesk`: the third front door to Token Desk's services, beside the desktop window and browser
// mode. Parses the command line, opens the desk for the data folder and runs one command.
import { parseArgs } from 'node:util'
import { CallFailed, openDesk, type Desk } from './desk'
import {
  apiCommand,
  envCommand,
  EXIT,
  Failure,
  requestCommand,
  runCommand,
  snippetCommand,
  tokenCommand,
  UsageError,
  useCommand,
  workspacesCommand,
  type Io
} from './commands'
import { COMMANDS, GLOBAL_OPTIONS, commandHelp, mainHelp } from './help'
import { completionScript } from './completion'
import { resolveUserData } from './user-data'
import { EnvError } from './lent-env'

/** Runs one command line; resolves to the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const index = argv.findIndex((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--user-data')
  const name = index === -1 ? undefined : argv[index]
  const rest = index === -1 ? argv : [...argv.slice(0, index), ...argv.slice(index + 1)]
  if (name === undefined || name === 'help') {
    const topic = name === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined
    io.stdout.write(topic && COMMANDS[topic] ? commandHelp(topic) : mainHelp())
    return rest.includes('--help') || rest.includes('-h') || name === 'help' ? EXIT.ok : EXIT.usage
  }
  const spec = COMMANDS[name]
  if (!spec) {
    io.stderr.write(`tokendesk: there is no command "${name}". See: tokendesk --help\n`)
    return EXIT.usage
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...spec.options }, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr.write(`tokendesk ${name}: ${(error as Error).message}\n\n${commandHelp(name)}`)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  if (values['help']) {
    io.stdout.write(commandHelp(name))
    return EXIT.ok
  }
  if (name === 'completion') {
    const script = completionScript(positionals[0] ?? '')
    if (!script) return usage(io, name, 'name a shell: bash, zsh or fish.')
    io.stdout.write(script)
    return EXIT.ok
  }
  const needs = { use: 1, api: 1, request: 1, snippet: 1 } as Record<string, number>
  if (name !== 'run' && positionals.length !== (needs[name] ?? 0))
    return usage(
      io,
      name,
      positionals.length ? `unexpected "${positionals.slice(needs[name] ?? 0).join(' ')}".` : 'an argument is missing.'
    )

  let desk: Desk | null = null
  try {
    desk = await openDesk(resolveUserData(values['user-data'] as string | undefined))
    const v = values as never
    const target = positionals[0]!
    switch (name) {
      case 'workspaces':
        await workspacesCommand(desk, io, !!values['json'])
        return EXIT.ok
      case 'use':
        await useCommand(desk, io, target)
        return EXIT.ok
      case 'api':
        return await apiCommand(desk, io, target, v, rest)
      case 'request':
        return await requestCommand(desk, io, target, v, rest)
      case 'snippet':
        await snippetCommand(desk, io, target, v)
        return EXIT.ok
      case 'token':
        await tokenCommand(desk, io, v, rest)
        return EXIT.ok
      case 'env':
        await envCommand(desk, io, v, rest)
        return EXIT.ok
      case 'run': {
        const run = desk
        desk = null // run lets go of the desk itself, before the child starts when it can
        try {
          return await runCommand(run, io, positionals, v, positionals)
        } finally {
          await run.close().catch(() => undefined)
        }
      }
    }
    return EXIT.usage
  } catch (error) {
    if (error instanceof UsageError) return usage(io, name, error.message)
    if (error instanceof Failure) {
      io.stderr.write(`tokendesk: ${error.message}\n`)
      return error.status
    }
    if (error instanceof EnvError) {
      io.stderr.write(`tokendesk: ${error.message}\n`)
      return EXIT.usage
    }
    if (error instanceof CallFailed) {
      io.stderr.write(`tokendesk: ${error.message}\n`)
      return error.error.code === 'invalid_input' ? EXIT.usage : EXIT.failed
    }
    io.stderr.write(`tokendesk: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.failed
  } finally {
    await desk?.close().catch(() => undefined)
  }
}

function usage(io: Io, name: string, message: string): number {
  io.stderr.write(`tokendesk ${name}: ${message}\n\nUsage: ${COMMANDS[name]!.usage}\n`)
  return EXIT.usage
}
