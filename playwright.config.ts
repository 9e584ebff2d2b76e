import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/chromium'

/** Specs that load the machine enough to disturb (or be disturbed by) tests running beside them. */
const HEAVY = /responses-large\.spec\.ts/

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 }
  },
  projects: [
    { name: 'browser-mode', testIgnore: [/electron\//, HEAVY] },
    // Runs after the rest, alone, so its freeze detector measures the app and not a neighbour
    // test competing for the same two cores.
    { name: 'browser-mode-alone', testMatch: HEAVY, dependencies: ['browser-mode'] },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ }
  ]
})
