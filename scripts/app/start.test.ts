// `npm start` where Electron's binary cannot be had: one clear message pointing to browser mode,
// no stack trace. (Where the binary exists, npm start really launches the app, so this is skipped.)
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const pathFile = path.join(electronDir, 'path.txt')
const hasBinary = existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
if (hasBinary) console.log('start-script test skipped: the Electron binary is installed, so npm start would launch the app')

describe.skipIf(hasBinary)('npm start without an Electron binary', () => {
  it('explains in one message and points to npm run web', () => {
    const result = spawnSync(process.execPath, ['scripts/app/start.mjs'], { encoding: 'utf8', timeout: 240_000 })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Electron binary is not installed/)
    expect(result.stderr).toMatch(/npm run web/)
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /)
  }, 250_000)
})

describe('the desktop entry point', () => {
  const source = readFileSync('src/main/index.ts', 'utf8')
  it('takes the single-instance lock and quits when another instance holds it', () => {
    expect(source).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*app\.quit\(\)/)
    expect(source).toMatch(/app\.on\('second-instance'/)
  })
  it('enables the sandbox for every renderer and registers the app scheme before ready', () => {
    expect(source).toMatch(/registerAppScheme\(\)\s*app\.enableSandbox\(\)\s*void app\.whenReady\(\)/)
  })
})
