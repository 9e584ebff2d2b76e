import { execFileSync, spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { BIN, baseEnv, buildCli } from '../../../../test/support/cli'
import {
  CLI_MARKER,
  LAUNCHER_MARKER,
  commandLineArgs,
  desktopLauncherCommand,
  installLauncher,
  isOnPath,
  launcherDir,
  launcherFile,
  nodeLauncherCommand,
  pathLine
} from './launcher'

const temps: string[] = []
/** A temp folder whose path has a space, a quote and a `$`, as a person's folder may. */
function awkwardDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tokendesk ${label} it's $HOME `))
  temps.push(dir)
  return dir
}
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const install = (dir: string, command: string[], env: NodeJS.ProcessEnv = {}) =>
  installLauncher({
    platform: process.platform,
    command,
    env: { PATH: '/usr/bin:/bin', ...env, TOKEN_DESK_BIN_DIR: dir },
    homedir: os.homedir()
  })

function run(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv = baseEnv()
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // detached: no controlling terminal, as a script runs it.
  const child = spawn(program, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

describe('the launcher file', () => {
  it('is a POSIX sh script that execs the quoted command with the arguments as given', () => {
    const { name, text } = launcherFile('linux', ['/opt/Token Desk/token-desk', CLI_MARKER, '--'])
    expect(name).toBe('tokendesk')
    expect(text).toBe(`#!/bin/sh\n# ${LAUNCHER_MARKER}\nexec '/opt/Token Desk/token-desk' '--tokendesk-cli' '--' "$@"\n`)
    expect(launcherFile('darwin', ["/Users/o'neil/x"]).text).toContain(`exec '/Users/o'\\''neil/x' "$@"`)
  })

  it('is a .cmd file on Windows: quoted words, % kept literal, delayed expansion off, the arguments as %*', () => {
    const { name, text } = launcherFile('win32', ['C:\\Users\\A (100%)\\Token Desk.exe', CLI_MARKER, '--'])
    expect(name).toBe('tokendesk.cmd')
    expect(text).toBe(
      [
        '@echo off',
        `rem ${LAUNCHER_MARKER}`,
        'setlocal DisableDelayedExpansion',
        '"C:\\Users\\A (100%%)\\Token Desk.exe" "--tokendesk-cli" "--" %*',
        ''
      ].join('\r\n')
    )
  })

  it('refuses a Windows path a .cmd file cannot hold, in plain words', () => {
    expect(() => launcherFile('win32', ['C:\\a"b.exe'])).toThrow(/cannot write the path “C:\\a"b.exe” into a \.cmd file/)
    expect(() => launcherFile('win32', ['C:\\dir\\'])).toThrow(AppError)
  })
})

describe('the command the launcher runs', () => {
  it('finds the command line after the marker, with the `--` that keeps it from Chromium taken off once', () => {
    expect(commandLineArgs(['/opt/td/token-desk', CLI_MARKER, '--', 'run', '--', 'sh', '-c', 'x'])).toEqual(['run', '--', 'sh', '-c', 'x'])
    expect(commandLineArgs(['electron', '/repo', CLI_MARKER, '--', 'workspaces', '--json'])).toEqual(['workspaces', '--json'])
    expect(commandLineArgs(['/opt/td/token-desk', CLI_MARKER, '--help'])).toEqual(['--help'])
    expect(commandLineArgs(['/opt/td/token-desk', CLI_MARKER])).toEqual([])
    expect(commandLineArgs(['/opt/td/token-desk', '--no-sandbox'])).toBeNull()
  })

  it('is the packaged executable (the AppImage file, not its passing mount), or Electron with the app folder, or Node with bin/tokendesk.mjs', () => {
    const electron = { execPath: '/tmp/.mount_x/token-desk', appPath: '/repo' }
    expect(desktopLauncherCommand({ ...electron, packaged: true })).toEqual(['/tmp/.mount_x/token-desk', CLI_MARKER, '--'])
    expect(desktopLauncherCommand({ ...electron, packaged: true, appImage: '/home/a/Token Desk.AppImage' })).toEqual([
      '/home/a/Token Desk.AppImage',
      CLI_MARKER,
      '--'
    ])
    expect(desktopLauncherCommand({ ...electron, packaged: false })).toEqual(['/tmp/.mount_x/token-desk', '/repo', CLI_MARKER, '--'])
    expect(nodeLauncherCommand('/usr/bin/node', '/src/token-desk')).toEqual([
      '/usr/bin/node',
      path.join('/src/token-desk', 'bin', 'tokendesk.mjs')
    ])
  })
})

describe('where the launcher goes', () => {
  it('defaults to ~/.local/bin, or %LOCALAPPDATA%\\Programs\\Token Desk\\bin on Windows', () => {
    expect(launcherDir('linux', {}, '/home/a')).toBe('/home/a/.local/bin')
    expect(launcherDir('darwin', {}, '/Users/a')).toBe('/Users/a/.local/bin')
    expect(launcherDir('win32', { LocalAppData: 'D:\\Local' }, 'C:\\Users\\a')).toBe('D:\\Local\\Programs\\Token Desk\\bin')
    expect(launcherDir('win32', {}, 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Local\\Programs\\Token Desk\\bin')
  })

  it('follows TOKEN_DESK_BIN_DIR, with ~ for the home folder, and refuses a relative one', () => {
    expect(launcherDir('linux', { TOKEN_DESK_BIN_DIR: '/opt/bin/' }, '/home/a')).toBe('/opt/bin/')
    expect(launcherDir('linux', { TOKEN_DESK_BIN_DIR: '~/bin' }, '/home/a')).toBe('/home/a/bin')
    expect(launcherDir('win32', { TOKEN_DESK_BIN_DIR: 'E:\\tools' }, 'C:\\Users\\a')).toBe('E:\\tools')
    expect(() => launcherDir('linux', { TOKEN_DESK_BIN_DIR: 'bin' }, '/home/a')).toThrow(/TOKEN_DESK_BIN_DIR must name a full folder path/)
  })
})

describe('the PATH check', () => {
  it('matches a PATH folder as written or with a trailing separator, and nothing else', () => {
    const env = { PATH: '/usr/bin::/home/a/.local/bin/' }
    expect(isOnPath('/home/a/.local/bin', 'linux', env)).toBe(true)
    expect(isOnPath('/home/a/.local', 'linux', env)).toBe(false)
    expect(isOnPath('/home/a/.local/bin', 'linux', {})).toBe(false)
  })

  it('on Windows: reads Path case-blind, ignores case, quotes and a trailing backslash', () => {
    const env = { Path: 'C:\\Windows;"C:\\Users\\A\\AppData\\Local\\Programs\\Token Desk\\bin\\"' }
    expect(isOnPath('c:\\users\\a\\appdata\\local\\programs\\token desk\\bin', 'win32', env)).toBe(true)
    expect(isOnPath('C:\\Users\\A\\bin', 'win32', env)).toBe(false)
  })

  it('counts a PATH entry that links to the folder', () => {
    const dir = awkwardDir('real')
    const alias = path.join(awkwardDir('alias'), 'bin')
    symlinkSync(dir, alias)
    expect(isOnPath(dir, process.platform, { PATH: `/usr/bin:${alias}` })).toBe(true)
  })

  it('gives a PATH line that a real shell runs, after which `tokendesk` is found there', async () => {
    const dir = awkwardDir('hint')
    const installed = await install(dir, [process.execPath, BIN])
    expect(installed.onPath).toBe(false)
    expect(installed.pathHint).toBe(pathLine(dir, process.platform))
    for (const shell of ['dash', 'bash']) {
      const found = execFileSync(shell, ['-c', `${installed.pathHint}\ncommand -v tokendesk`], { env: { PATH: '/usr/bin:/bin' } })
      expect(found.toString().trim()).toBe(installed.path)
    }
    const again = await install(dir, [process.execPath, BIN], { PATH: `/usr/bin:${dir}` })
    expect(again).toEqual({ path: installed.path, onPath: true, pathHint: null })
  })

  it('writes the Windows line for PowerShell, the folder quoted', () => {
    expect(pathLine("C:\\Users\\O'Neil\\bin", 'win32')).toBe(
      "[Environment]::SetEnvironmentVariable('Path', [Environment]::GetEnvironmentVariable('Path', 'User') + ';C:\\Users\\O''Neil\\bin', 'User')"
    )
  })
})

describe('installing', () => {
  it('creates the folder and writes an executable launcher (0755 whatever the umask), leaving no temp file', async () => {
    const dir = path.join(awkwardDir('new'), 'deep', 'bin')
    const before = process.umask(0o077)
    try {
      const installed = await install(dir, [process.execPath, BIN])
      expect(installed.path).toBe(path.join(dir, 'tokendesk'))
      expect(lstatSync(installed.path).mode & 0o777).toBe(0o755)
      expect(readdirSync(dir)).toEqual(['tokendesk'])
    } finally {
      process.umask(before)
    }
  })

  it('replaces its own earlier launcher (the app moved)', async () => {
    const dir = awkwardDir('again')
    await install(dir, ['/old place/token-desk', CLI_MARKER, '--'])
    const installed = await install(dir, ['/new place/token-desk', CLI_MARKER, '--'])
    const text = readFileSync(installed.path, 'utf8')
    expect(text).toContain(`'/new place/token-desk'`)
    expect(text).not.toContain('/old place/')
    expect(readdirSync(dir)).toEqual(['tokendesk'])
  })

  it('refuses to overwrite a tokendesk it did not write, and leaves it as it was', async () => {
    const dir = awkwardDir('foreign')
    const theirs = path.join(dir, 'tokendesk')
    writeFileSync(theirs, '#!/bin/sh\necho mine\n', { mode: 0o700 })
    const error = await install(dir, [process.execPath, BIN]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('conflict')
    expect((error as AppError).message).toBe(
      `There is already a tokendesk in ${dir} that Token Desk did not write, so Token Desk left it alone. ` +
        'Remove it, or set TOKEN_DESK_BIN_DIR to another folder, and install again.'
    )
    expect(readFileSync(theirs, 'utf8')).toBe('#!/bin/sh\necho mine\n')
    expect(lstatSync(theirs).mode & 0o777).toBe(0o700)
    expect(readdirSync(dir)).toEqual(['tokendesk'])
  })

  it('refuses a link (npm link’s tokendesk) and a folder of that name', async () => {
    const dir = awkwardDir('link')
    symlinkSync(BIN, path.join(dir, 'tokendesk'))
    await expect(install(dir, [process.execPath, BIN])).rejects.toThrow(
      `(a link to ${BIN}, perhaps from npm link) that Token Desk did not write`
    )
    expect(lstatSync(path.join(dir, 'tokendesk')).isSymbolicLink()).toBe(true)

    const other = awkwardDir('folder')
    mkdirSync(path.join(other, 'tokendesk'))
    await expect(install(other, [process.execPath, BIN])).rejects.toThrow('that Token Desk did not write')
  })

  it('says in plain words when the folder cannot be made', async () => {
    const file = path.join(awkwardDir('file'), 'not-a-folder')
    writeFileSync(file, '')
    await expect(install(path.join(file, 'bin'), [process.execPath, BIN])).rejects.toThrow(
      `Token Desk could not create the folder ${path.join(file, 'bin')}: a file is in the way of the folder.`
    )
  })
})

describe('the installed launcher, run by real shells', () => {
  beforeAll(() => buildCli(), 60_000)

  // Node reached through a path with a space, a quote and a `$`: the command's own words are quoted too.
  async function installed(): Promise<string> {
    const nodeDir = awkwardDir('node')
    const node = path.join(nodeDir, "no de's $x")
    symlinkSync(process.execPath, node)
    return (await install(awkwardDir('bin'), [node, BIN])).path
  }

  const ways = (launcher: string) =>
    [
      ['executed directly (#!/bin/sh)', launcher, []],
      ['dash', 'dash', [launcher]],
      ['bash', 'bash', [launcher]]
    ] as const

  it('prints the same help as bin/tokendesk.mjs', async () => {
    const launcher = await installed()
    const expected = await run(process.execPath, [BIN, '--help'])
    expect(expected.stdout).toContain('tokendesk')
    for (const [way, program, prefix] of ways(launcher)) {
      const got = await run(program, [...prefix, '--help'])
      expect({ way, ...got }).toEqual({ way, ...expected })
    }
  })

  it('hands the command line its arguments intact: spaces, quotes, $, globs, empty ones', async () => {
    const launcher = await installed()
    const args = ['a b', "it's", '"quoted"', '$HOME', '`id`', '*', '', 'x\ny']
    const echo = 'process.stdout.write(JSON.stringify(process.argv.slice(1)))'
    for (const [way, program, prefix] of ways(launcher)) {
      const userData = awkwardDir('data')
      const got = await run(program, [
        ...prefix,
        'run',
        '--user-data',
        userData,
        '-w',
        'Sandbox US',
        '--',
        process.execPath,
        '-e',
        echo,
        ...args
      ])
      expect({ way, stderr: got.stderr, status: got.status }).toEqual({ way, stderr: '', status: 0 })
      expect(JSON.parse(got.stdout)).toEqual(args)
    }
  })

  it('lists the sandbox workspaces of the data folder it was given, through bash and PATH', async () => {
    const launcher = await installed()
    const userData = awkwardDir('data')
    const env = { ...baseEnv(), PATH: `${path.dirname(launcher)}:/usr/bin:/bin`, DATA: userData }
    const got = await run('bash', ['-c', 'tokendesk workspaces --json --user-data "$DATA"'], env)
    expect(got.stderr).toBe('')
    expect(got.status).toBe(0)
    const rows = JSON.parse(got.stdout) as Array<{ name: string }>
    expect(rows.map((r) => r.name).sort()).toEqual(['Sandbox EU', 'Sandbox US'])
    // The folder with the awkward name, not a mangled one, holds the data.
    expect(existsSync(path.join(userData, 'workspaces.json'))).toBe(true)
  })
})
