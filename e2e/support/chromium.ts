// Playwright cannot download its own browsers here, so e2e runs Debian's Chromium when present.
import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = SYSTEM_CHROMIUM.find((p) => existsSync(p))
  const isRoot = process.getuid?.() === 0
  return {
    executablePath,
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  }
}
