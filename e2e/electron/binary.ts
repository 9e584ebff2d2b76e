// Electron's binary, which the electron package downloads from GitHub on first use. Where that was
// impossible the desktop specs skip, each with this one printed reason.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = path.dirname(require.resolve('electron/package.json'))

function electronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

export const binary = electronBinary()
export const SKIP_REASON =
  'the Electron binary is not installed (it is downloaded from GitHub, unreachable here); browser mode covers the UI'
