import { appendFileSync, mkdirSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

// An error thrown outside any test fails the run; this also writes it where `npm test` repeats it
// at the end of its output, so a failure far up a long CI log is not lost.
const UNHANDLED = 'test-results/summary/unhandled-errors.txt'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Processed by Vitest so that tests can mock the `electron` it imports.
    server: { deps: { inline: ['electron-store'] } },
    onUnhandledError(error) {
      const where = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH ?? 'outside a test file'
      const stack = (error.stack ?? '').split('\n').slice(0, 6).join('\n')
      mkdirSync('test-results/summary', { recursive: true })
      appendFileSync(UNHANDLED, `${error.type} in ${where}: ${error.message}\n${stack}\n\n`)
    }
  }
})
