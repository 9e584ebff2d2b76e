// `npm test`: system parts, typecheck, lint, build, unit + integration tests (Vitest) and the
// end-to-end suite (Playwright), the last two inside a D-Bus session with an unlocked
// gnome-keyring on Linux so the keychain is real. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const reports = path.resolve('test-results/summary')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

function step(title, command, args, options = {}) {
  console.log(`\n=== ${title} ===`)
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  return result.status === 0
}

const failures = []
const run = (title, command, args, options) => {
  if (!step(title, command, args, options)) failures.push(title)
}

run('system parts', process.execPath, ['scripts/ensure-system-deps.mjs'])
if (failures.length) {
  console.error('\nA system part is missing: see above.')
  console.log('tests: 0 passed, 1 failed')
  process.exit(1)
}
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json'])
run('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json'])
run('typecheck (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json'])
run('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
run('formatting (npm run format fixes it)', 'npx', ['prettier', '--check', '.'])
run('build', 'npx', ['electron-vite', 'build'])

const vitestJson = path.join(reports, 'vitest.json')
const playwrightJson = path.join(reports, 'playwright.json')
const suites = [
  `npx vitest run --reporter=default --reporter=json --outputFile.json=${vitestJson}`,
  `PLAYWRIGHT_JSON_OUTPUT_NAME=${playwrightJson} npx playwright test --reporter=list,json`
]
const needsKeyringSession = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS
for (const [title, suite] of [
  ['unit and integration tests', suites[0]],
  ['end-to-end tests', suites[1]]
]) {
  if (needsKeyringSession) run(title, 'bash', ['scripts/with-keyring.sh', 'sh', '-c', suite])
  else run(title, 'sh', ['-c', suite])
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
const otherFailures = failures.filter((f) => !f.endsWith('tests'))
if (failures.length) console.error(`\nFailed steps: ${failures.join(', ')}`)
console.log(`\ntests: ${passed} passed, ${failed + otherFailures.length} failed, ${skipped} skipped`)
process.exit(failures.length ? 1 : 0)
