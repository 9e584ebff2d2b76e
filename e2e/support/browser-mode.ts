// Starts Token Desk in browser mode exactly as `npm run web` does (after the build), in its own
// data folder, and reads the URL it prints. Used by the e2e fixture and the UI benchmark.
import { spawn, type ChildProcess } from 'node:child_process'
import readline from 'node:readline'

export interface BrowserModeInfo {
  url: string
  origin: string
  sandboxUrl: string | null
}

export async function startBrowserMode(
  userData: string,
  extraArgs: string[] = [],
  /** Extra environment, e.g. a D-Bus address that leads nowhere, for a run without a keychain. */
  env: Record<string, string> = {}
): Promise<{ child: ChildProcess; info: BrowserModeInfo }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/web/index.ts', '--print-json', '--user-data', userData, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env }
    }
  )
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const lines = readline.createInterface({ input: child.stdout! })
  const info = await new Promise<BrowserModeInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in time\n${stderr}`)), 45_000)
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return
      clearTimeout(timer)
      resolve(JSON.parse(line) as BrowserModeInfo)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${code}\n${stderr}`))
    })
  })
  return { child, info }
}

export async function stopBrowserMode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  // A clean stop is expected; a stuck one must not hang the suite.
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
