// "Install command line tool": writes a small `tokendesk` launcher into a folder on the PATH, as
// VS Code installs `code`. The launcher runs whatever command the host names (the packaged app's
// own executable with the marker below, or Node with the repository's bin/tokendesk.mjs), so the
// command line works however Token Desk was installed. Plain Node: the hosts pass in their facts.
import { randomBytes } from 'node:crypto'
import { chmod, link, lstat, mkdir, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/errors'
import { cmdFileQuote, posixQuote, powershellQuote } from '../../../shared/snippets/shells'

/**
 * The argument that makes the desktop app's executable run the command line instead of a window.
 * The packaged app cannot be run as plain Node (its RunAsNode fuse is off, so no other program can
 * use the signed binary as an interpreter), so the launcher goes through the app's own entry.
 */
export const CLI_MARKER = '--tokendesk-cli'

/** Written into every launcher: a file without it is someone else's and is never replaced. */
export const LAUNCHER_MARKER = 'Written by Token Desk (Install command line tool); installing again replaces it.'

/** The environment variable that picks the folder the launcher goes into. */
export const BIN_DIR_VAR = 'TOKEN_DESK_BIN_DIR'

type Platform = NodeJS.Platform
const pathFor = (platform: Platform) => (platform === 'win32' ? path.win32 : path.posix)

/**
 * The command line's arguments when this process was started as `<app> --tokendesk-cli -- ARGS…`,
 * else null. Chromium reads switches anywhere on its command line but stops at `--`, so the
 * launcher puts one right after the marker and the user's arguments stay out of Chromium's hands.
 */
export function commandLineArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_MARKER)
  if (at === -1) return null
  const rest = argv.slice(at + 1)
  return rest[0] === '--' ? rest.slice(1) : rest
}

/**
 * What the desktop app's launcher runs. Packaged: its own executable (an AppImage runs from a
 * mount that goes away when it quits, so the AppImage file itself). Run from the repository,
 * Electron needs the app folder before the marker, as `electron .` does.
 */
export function desktopLauncherCommand(app: { packaged: boolean; execPath: string; appPath: string; appImage?: string }): string[] {
  if (app.packaged) return [app.appImage || app.execPath, CLI_MARKER, '--']
  return [app.execPath, app.appPath, CLI_MARKER, '--']
}

/** Browser mode (and a checkout in general): Node running the repository's bin/tokendesk.mjs. */
export function nodeLauncherCommand(nodePath: string, repoRoot: string): string[] {
  return [nodePath, path.join(repoRoot, 'bin', 'tokendesk.mjs')]
}

/** The launcher file for a platform: a POSIX sh script `tokendesk`, or `tokendesk.cmd` on Windows. */
export function launcherFile(platform: Platform, command: readonly string[]): { name: string; text: string } {
  if (command.length === 0) throw new Error('the launcher needs a command')
  if (platform === 'win32') {
    const words = command.map((word) => {
      const quoted = cmdFileQuote(word)
      if (quoted === null) throw new AppError('invalid_input', `Token Desk cannot write the path “${word}” into a .cmd file.`)
      return quoted
    })
    // Delayed expansion off: a `!` in a path or in the arguments stays literal.
    const lines = ['@echo off', `rem ${LAUNCHER_MARKER}`, 'setlocal DisableDelayedExpansion', `${words.join(' ')} %*`]
    return { name: 'tokendesk.cmd', text: lines.join('\r\n') + '\r\n' }
  }
  const lines = ['#!/bin/sh', `# ${LAUNCHER_MARKER}`, `exec ${command.map(posixQuote).join(' ')} "$@"`]
  return { name: 'tokendesk', text: lines.join('\n') + '\n' }
}

/** Where the launcher goes: TOKEN_DESK_BIN_DIR, else ~/.local/bin, or on Windows %LOCALAPPDATA%\Programs\Token Desk\bin. */
export function launcherDir(platform: Platform, env: NodeJS.ProcessEnv, homedir: string): string {
  const p = pathFor(platform)
  const chosen = env[BIN_DIR_VAR]?.trim()
  if (chosen) {
    const expanded = chosen === '~' || /^~[/\\]/.test(chosen) ? p.join(homedir, chosen.slice(1)) : chosen
    if (!p.isAbsolute(expanded))
      throw new AppError(
        'invalid_input',
        `${BIN_DIR_VAR} must name a full folder path, such as ${p.join(homedir, 'bin')}; it is “${chosen}”.`
      )
    return p.normalize(expanded)
  }
  if (platform === 'win32') {
    const local = envValue(env, 'LOCALAPPDATA', platform) || p.join(homedir, 'AppData', 'Local')
    return p.join(local, 'Programs', 'Token Desk', 'bin')
  }
  return p.join(homedir, '.local', 'bin')
}

/** Windows names variables case-blind (`Path`); a copied environment object is not. */
function envValue(env: NodeJS.ProcessEnv, name: string, platform: Platform): string | undefined {
  if (platform !== 'win32') return env[name]
  const key = Object.keys(env).find((k) => k.toUpperCase() === name)
  return key === undefined ? undefined : env[key]
}

/** Whether `dir` is one of the PATH's folders (Windows: case-blind, quotes and trailing `\` ignored). */
export function isOnPath(dir: string, platform: Platform, env: NodeJS.ProcessEnv): boolean {
  const p = pathFor(platform)
  const windows = platform === 'win32'
  const canonical = (folder: string) => {
    let resolved = p.resolve(windows ? folder.replace(/^"(.*)"$/, '$1') : folder)
    // Links count: /tmp and /private/tmp on macOS, a linked ~/.local/bin.
    if (platform === process.platform) {
      try {
        resolved = realpathSync(resolved)
      } catch {
        // A folder that does not exist yet is compared as written.
      }
    }
    resolved = resolved.length > 1 ? resolved.replace(/[\\/]+$/, '') : resolved
    return windows ? resolved.toLowerCase() : resolved
  }
  const wanted = canonical(dir)
  const entries = (envValue(env, 'PATH', platform) ?? '').split(windows ? ';' : ':').filter((entry) => entry.trim() !== '')
  return entries.some((entry) => canonical(entry) === wanted)
}

/** The line that puts `dir` on the PATH: for a POSIX shell's profile, or for PowerShell (the user's PATH, kept). */
export function pathLine(dir: string, platform: Platform): string {
  if (platform === 'win32')
    return `[Environment]::SetEnvironmentVariable('Path', [Environment]::GetEnvironmentVariable('Path', 'User') + ${powershellQuote(';' + dir)}, 'User')`
  return `export PATH=${posixQuote(dir)}:"$PATH"`
}

export interface InstalledLauncher {
  path: string
  onPath: boolean
  /** The line that puts the folder on the PATH, when it is not. */
  pathHint: string | null
}

/**
 * Writes the launcher into its folder (created when missing) atomically, mode 0755. An earlier
 * Token Desk launcher is replaced (the app may have moved); any other file is left alone.
 */
export async function installLauncher(host: {
  platform: Platform
  command: readonly string[]
  env: NodeJS.ProcessEnv
  homedir: string
}): Promise<InstalledLauncher> {
  const { platform } = host
  const dir = launcherDir(platform, host.env, host.homedir)
  const { name, text } = launcherFile(platform, host.command)
  const target = pathFor(platform).join(dir, name)
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    throw storageError(`Token Desk could not create the folder ${dir}`, error)
  }
  await refuseForeign(target, name, dir)
  const temp = pathFor(platform).join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, text, { mode: 0o755, flag: 'wx' })
    await chmod(temp, 0o755) // the umask may have taken bits off
    await putInPlace(temp, target, name, dir)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw storageError(`Token Desk could not write ${target}`, error)
  } finally {
    await rm(temp, { force: true })
  }
  const onPath = isOnPath(dir, platform, host.env)
  return { path: target, onPath, pathHint: onPath ? null : pathLine(dir, platform) }
}

/** No file there: a hard link, which fails rather than replace one that appeared meanwhile. Ours: a rename. */
async function putInPlace(temp: string, target: string, name: string, dir: string): Promise<void> {
  if ((await ownership(target)).kind === 'none') {
    try {
      await link(temp, target)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') await refuseForeign(target, name, dir)
      // Otherwise the file system has no hard links: the rename below still writes it whole.
    }
  }
  await rename(temp, target)
}

type Ownership = { kind: 'none' } | { kind: 'ours' } | { kind: 'foreign'; linksTo?: string }

async function ownership(target: string): Promise<Ownership> {
  let stats
  try {
    stats = await lstat(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' }
    throw storageError(`Token Desk could not look at ${target}`, error)
  }
  if (stats.isSymbolicLink()) return { kind: 'foreign', linksTo: await readlink(target).catch(() => undefined) }
  // A launcher is a few hundred bytes; anything large is not one of ours.
  if (!stats.isFile() || stats.size > 64 * 1024) return { kind: 'foreign' }
  const lines = (await readFile(target, 'utf8')).split(/\r?\n/, 4)
  return lines.some((line) => line === `# ${LAUNCHER_MARKER}` || line === `rem ${LAUNCHER_MARKER}`) ? { kind: 'ours' } : { kind: 'foreign' }
}

async function refuseForeign(target: string, name: string, dir: string): Promise<void> {
  const found = await ownership(target)
  if (found.kind !== 'foreign') return
  const what = found.linksTo ? ` (a link to ${found.linksTo}, perhaps from npm link)` : ''
  throw new AppError(
    'conflict',
    `There is already a ${name} in ${dir}${what} that Token Desk did not write, so Token Desk left it alone. ` +
      `Remove it, or set ${BIN_DIR_VAR} to another folder, and install again.`,
    { path: target }
  )
}

function storageError(what: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a file is in the way of the folder'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : ((error as Error).message ?? String(error))
  return new AppError('storage', `${what}: ${why}.`)
}
