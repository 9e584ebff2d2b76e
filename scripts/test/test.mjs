// `npm test`: system parts, then the project's own npm scripts in order (typecheck, lint,
// format:check, build, test:unit, test:e2e), the two suites inside a D-Bus session with an unlocked
// gnome-keyring on Linux so the keychain is real. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const reports = path.resolve('test-results/summary')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const failures = []
function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`)
  // No npm update notice inside the throwaway keyring HOME.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false', ...env } })
  if (result.status !== 0) failures.push(title)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

run('system parts', process.execPath, ['scripts/test/ensure-system-deps.mjs'])
if (failures.length) {
  console.error('\nA system part is missing: see above.')
  console.log('tests: 0 passed, 1 failed, 0 skipped')
  process.exit(1)
}
run('typecheck', npm, ['run', 'typecheck'])
run('lint', npm, ['run', 'lint'])
run('formatting (npm run format fixes it)', npm, ['run', 'format:check'])
run('build', npm, ['run', 'build'])

// The suites run through their npm scripts; the extra reporters only feed the summary line.
const vitestJson = path.join(reports, 'vitest.json')
const playwrightJson = path.join(reports, 'playwright.json')
const suites = [
  [
    'unit and integration tests',
    ['run', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    {}
  ],
  ['end-to-end tests', ['run', 'test:e2e', '--', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }]
]
const needsKeyringSession = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS
for (const [title, args, env] of suites) {
  if (needsKeyringSession) run(title, 'bash', ['scripts/test/with-keyring.sh', npm, ...args], env)
  else run(title, npm, args, env)
}

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'))
  passed += p.stats.expected + p.stats.flaky
  failed += p.stats.unexpected
  skipped += p.stats.skipped
}
// Errors outside any test (vitest.config.ts writes them) are repeated here, near the summary.
const unhandled = path.join(reports, 'unhandled-errors.txt')
if (existsSync(unhandled)) console.error(`\nErrors outside any test:\n${readFileSync(unhandled, 'utf8').slice(0, 4000)}`)
const otherFailures = failures.filter((f) => !f.endsWith('tests'))
if (failures.length) console.error(`\nFailed steps: ${failures.join(', ')}`)
console.log(`\ntests: ${passed} passed, ${failed + otherFailures.length} failed, ${skipped} skipped`)
process.exit(failures.length ? 1 : 0)
