// `tokendesk api /me` against a running Token Desk (browser mode, over its local endpoint) and
// against no app (the command starts the services itself), each as a ratio to a bare
// `node -e "fetch(…)"` of the same URL in the same run. Whole processes are timed, start-up included.
// Run: npx tsx bench/cli.bench.ts — prints a table and writes test-results/bench/cli.json (bench/results/ with --save).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startBrowserMode, stopBrowserMode } from '../e2e/support/browser-mode'
import { writeResult } from './results'

const RUNS = 9
const BIN = 'bin/tokendesk.mjs'
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return ms
}

if (!existsSync('out/renderer/index.html')) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
execFileSync(process.execPath, ['scripts/app/build-cli.mjs'], { stdio: 'inherit' })

const env = { ...process.env }
delete env['TOKEN_DESK_USER_DATA']
const appFolder = mkdtempSync(join(tmpdir(), 'tokendesk-bench-'))
const { child, info } = await startBrowserMode(appFolder)
try {
  const token = execFileSync(process.execPath, [BIN, 'token', '-w', 'Sandbox US', '--user-data', appFolder], {
    env,
    encoding: 'utf8'
  }).trim()
  const url = `${info.sandboxUrl}/me`
  const bare = [
    '-e',
    'fetch(process.argv[1], { headers: { Authorization: "Bearer " + process.env.T, "Intercom-Version": "2.16" } }).then(r => r.text()).then(t => process.stdout.write(t))',
    url
  ]
  const baseline: number[] = []
  const withApp: number[] = []
  const noApp: number[] = []
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timed(bare, { ...env, T: token }))
    withApp.push(timed([BIN, 'api', '/me', '-w', 'Sandbox US', '--user-data', appFolder], env))
    // No app: a fresh folder each time, so every run starts (and seeds) the services itself.
    const alone = mkdtempSync(join(tmpdir(), 'tokendesk-bench-alone-'))
    noApp.push(timed([BIN, 'api', '/me', '-w', 'Sandbox US', '--user-data', alone], env))
    rmSync(alone, { recursive: true, force: true })
  }
  const base = median(baseline)
  const rows = [
    { name: 'tokendesk api /me, Token Desk running', ms: median(withApp), ratio: median(withApp) / base, target: 1.5 },
    { name: 'tokendesk api /me, no app (services in-process)', ms: median(noApp), ratio: median(noApp) / base, target: null }
  ]
  console.log(`baseline: node -e "fetch(…)" of ${url}: ${base.toFixed(0)} ms (median of ${RUNS})`)
  for (const r of rows)
    console.log(
      `${r.name}: ${r.ms.toFixed(0)} ms = ${r.ratio.toFixed(2)}×${r.target ? ` (target ≤ ${r.target}×: ${r.ratio <= r.target ? 'met' : 'missed'})` : ''}`
    )
  console.log(`wrote ${await writeResult('cli', { baselineMs: base, rows, runs: RUNS })}`)
} finally {
  await stopBrowserMode(child)
  rmSync(appFolder, { recursive: true, force: true })
}
