// Runs the real `tokendesk` (bin/tokendesk.mjs over the bundle `npm install` builds) as a child
// process, and a long-lived writer for a data folder that other commands then talk to.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readLock } from '../../src/main/node/local-endpoint'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const BIN = path.join(repoRoot, 'bin/tokendesk.mjs')

/** Bundles the CLI exactly as the `prepare` script does after npm install. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/app/build-cli.mjs')], { cwd: repoRoot, stdio: 'inherit' })
}

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** An environment with no Secret Service (memory-only secrets) and no inherited data folder. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env['TOKEN_DESK_USER_DATA']
  delete env['DBUS_SESSION_BUS_ADDRESS']
  return env
}

export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; detached?: boolean; cwd?: string; command?: string[] } = {}
): Promise<CliResult> {
  const [program, ...prefix] = options.command ?? [process.execPath, BIN]
  const spawnOptions: SpawnOptions = {
    env: options.env ?? baseEnv(),
    cwd: options.cwd ?? repoRoot,
    // detached: a new session, so the command has no controlling terminal to ask on.
    detached: options.detached ?? true,
    stdio: ['pipe', 'pipe', 'pipe']
  }
  const child = spawn(program!, [...prefix, ...args], spawnOptions)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  // A command that exits before reading its input closes the pipe: that EPIPE is not the test's failure.
  child.stdin!.on('error', () => undefined)
  child.stdin!.end(options.input ?? '')
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

export function tempFolder(prefix = 'tokendesk-cli-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * A `tokendesk run … -- sleep` that runs the services for `userData` and serves its endpoint until
 * stopped: every other command then talks to it, as it would to a running Token Desk.
 */
export async function startWriter(userData: string): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'run', '--user-data', userData, '-w', 'Sandbox US', '--', 'sleep', '600'], {
    env: baseEnv(),
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const deadline = Date.now() + 25_000
  while (!readLock(userData)?.endpoint) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the writer did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  }
}
