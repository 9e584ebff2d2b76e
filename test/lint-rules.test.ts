// The lint configuration is part of the security baseline: each rule below must keep firing.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint rules that guard the security baseline', () => {
  it.each([
    ['sandbox: false', 'export const o = { webPreferences: { sandbox: false } }', 'src/main/electron/window.ts', 'no-restricted-syntax'],
    ['contextIsolation: false', 'export const o = { contextIsolation: false }', 'src/main/electron/window.ts', 'no-restricted-syntax'],
    ['nodeIntegration: true', 'export const o = { nodeIntegration: true }', 'src/main/electron/window.ts', 'no-restricted-syntax'],
    ['webSecurity: false', 'export const o = { webSecurity: false }', 'src/main/services/x.ts', 'no-restricted-syntax'],
    ['loadFile', "declare const w: { loadFile(p: string): void }; w.loadFile('index.html')", 'src/main/index.ts', 'no-restricted-syntax'],
    [
      'electron import in a service',
      "import { app } from 'electron'; export const a = app",
      'src/main/services/x.ts',
      'no-restricted-imports'
    ],
    [
      'electron import in the renderer',
      "import { app } from 'electron'; export const a = app",
      'src/renderer/src/x.ts',
      'no-restricted-imports'
    ],
    [
      'main import in the renderer',
      "import { x } from '../../main/services/app'; export const a = x",
      'src/renderer/src/x.ts',
      'no-restricted-imports'
    ],
    [
      'new BrowserWindow outside window.ts',
      "import { BrowserWindow } from 'electron'; export const w = new BrowserWindow()",
      'src/main/electron/other.ts',
      'no-restricted-syntax'
    ],
    [
      'ipcMain.handle outside ipc.ts',
      "import { ipcMain } from 'electron'; ipcMain.handle('x', () => 1)",
      'src/main/index.ts',
      'no-restricted-properties'
    ],
    [
      'shell.openExternal outside the opener',
      "import { shell } from 'electron'; void shell.openExternal('https://x')",
      'src/main/electron/security.ts',
      'no-restricted-properties'
    ],
    [
      'exposing ipcRenderer',
      "import { contextBridge, ipcRenderer } from 'electron'; contextBridge.exposeInMainWorld('x', ipcRenderer)",
      'src/preload/index.ts',
      'no-restricted-syntax'
    ],
    ['process.env in the preload', 'export const e = process.env', 'src/preload/index.ts', 'no-restricted-syntax'],
    [
      'deep import of another feature',
      "import { Composer } from '../requests/Composer'; export const c = Composer",
      'src/renderer/src/features/library/x.ts',
      'no-restricted-imports'
    ],
    [
      'deep import of a feature from the shell',
      "import { Composer } from './features/requests/Composer'; export const c = Composer",
      'src/renderer/src/x.ts',
      'no-restricted-imports'
    ],
    ['eval', "export const v = eval('1')", 'src/main/services/x.ts', 'no-eval'],
    ['innerHTML', "declare const el: HTMLElement; el.innerHTML = 'x'", 'src/renderer/src/x.ts', '@microsoft/sdl/no-inner-html'],
    ['insecure URL', "export const u = 'http://example.com/api'", 'src/main/services/x.ts', '@microsoft/sdl/no-insecure-url']
  ])('%s is an error', async (_name, code, file, rule) => {
    expect(await ruleIdsFor(code, file)).toContain(rule)
  })

  it('lets a feature import another through its index.ts, and its own files directly', async () => {
    const code =
      "import { Composer } from '../requests'; import { tidyFolder } from './LocationFields'; export const c = [Composer, tidyFolder]"
    expect(await ruleIdsFor(code, 'src/renderer/src/features/library/x.ts')).not.toContain('no-restricted-imports')
  })

  it('allows the one guarded shell.openExternal and the one window factory', async () => {
    expect(await ruleIdsFor(readFileSync('src/main/electron/opener.ts', 'utf8'), 'src/main/electron/opener.ts')).toEqual([])
    expect(await ruleIdsFor(readFileSync('src/main/electron/window.ts', 'utf8'), 'src/main/electron/window.ts')).toEqual([])
  })
})

describe('packaging fuses', () => {
  it('switch off RunAsNode, NODE_OPTIONS and inspect; switch on cookie encryption and asar integrity', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean }
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })
})

describe('Electron version', () => {
  it('pins the current major (45)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
    expect(Number(/\d+/.exec(pkg.devDependencies['electron'] ?? '')?.[0])).toBeGreaterThanOrEqual(45)
  })
})
