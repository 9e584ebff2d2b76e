// Calls behind "Lend to the command line": the Workspace settings panel reads and withdraws the
// permission; the `tokendesk` command line (over the local endpoint, or in its own process) asks
// for a workspace's credential. The `cli.*` calls are answered only on the command line's doors.
import { z } from 'zod'
import { call, NoInput } from './define'
import { Workspace } from '../model'

const WorkspaceId = z.string().min(1).max(100)

export const Lend = z.object({
  /** ISO time of the lend. */
  at: z.string(),
  /** What was run: `api GET /me`, `run -- ./sync.sh` (the child's arguments, never a secret). */
  command: z.string(),
  pid: z.number().int(),
  cwd: z.string()
})
export type Lend = z.infer<typeof Lend>

export const Lending = z.object({
  workspaceId: WorkspaceId,
  /** "Lend to the command line": sandbox workspaces start allowed, the others not. */
  allowed: z.boolean(),
  /** Most recent first. */
  lends: z.array(Lend)
})
export type Lending = z.infer<typeof Lending>

export const CliWorkspace = Workspace.extend({
  /** The secret can be read right now (from the vault this process uses). */
  secretAvailable: z.boolean(),
  lendAllowed: z.boolean()
})
export type CliWorkspace = z.infer<typeof CliWorkspace>

export const LentCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer'), token: z.string() }),
  z.object({ kind: z.literal('legacy'), appId: z.string(), apiKey: z.string() })
])
export type LentCredential = z.infer<typeof LentCredential>

export const LendRequest = z.object({
  workspaceId: WorkspaceId,
  command: z.string().max(4000),
  pid: z.number().int(),
  cwd: z.string().max(4096),
  /** The person said yes on the terminal: allow this workspace from now on. */
  approved: z.boolean().default(false),
  /** The command needs the secret itself (run, env, token); api and request do not. */
  secret: z.boolean().default(false)
})

export const InstalledLauncher = z.object({
  /** Where the `tokendesk` launcher was written. */
  path: z.string(),
  /** Its folder is on the PATH Token Desk was started with. */
  onPath: z.boolean(),
  /** The line that puts the folder on the PATH, when it is not. */
  pathHint: z.string().nullable()
})
export type InstalledLauncher = z.infer<typeof InstalledLauncher>

export const cliCalls = {
  'cli.lending': call(z.object({ workspaceId: WorkspaceId }), Lending),
  /** Allow or withdraw; withdrawing is one click in Workspace settings. */
  'cli.setLending': call(z.object({ workspaceId: WorkspaceId, allowed: z.boolean() }), Lending),
  /** "Install command line tool": writes the `tokendesk` launcher into a folder on the PATH. */
  'cli.install': call(NoInput, InstalledLauncher),
  'cli.workspaces': call(NoInput, z.object({ workspaces: z.array(CliWorkspace), activeId: z.string().nullable() })),
  /** Records a lend and, when asked, hands over the credential. Refused while lending is off. */
  'cli.lend': call(
    LendRequest,
    z.object({
      workspace: Workspace,
      apiBase: z.string(),
      intercomVersion: z.string(),
      credential: LentCredential.nullable()
    })
  )
}

export const cliEvents = {
  lendingChanged: z.object({ workspaceId: WorkspaceId })
}

// The desktop's Workspace settings read and change lending; these two hand out workspaces and secrets.
const COMMAND_LINE_ONLY = ['cli.workspaces', 'cli.lend'] as const satisfies readonly (keyof typeof cliCalls)[]
export type CommandLineOnlyCall = (typeof COMMAND_LINE_ONLY)[number]

/** Calls only the command line's doors answer (never the renderer's). */
export const isCommandLineOnlyCall = (name: string): name is CommandLineOnlyCall => (COMMAND_LINE_ONLY as readonly string[]).includes(name)
