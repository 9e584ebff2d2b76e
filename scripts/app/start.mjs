// `npm start`: the desktop app. Electron's binary comes from GitHub on first use; where that
// download is impossible, say so in one clear message and point to browser mode.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = path.dirname(require.resolve('electron/package.json'))

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

if (!electronBinary()) {
  console.log('Downloading the Electron binary (first start only)…')
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 })
}
if (!electronBinary()) {
  console.error(
    'Token Desk could not start the desktop app: the Electron binary is not installed and could not be downloaded ' +
      '(it comes from GitHub, which this machine cannot reach).\n' +
      'Run `npm run web` instead: the same app in your browser, served from 127.0.0.1.'
  )
  process.exit(1)
}
const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32'
})
process.exit(result.status ?? 1)
