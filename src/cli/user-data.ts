// Which data folder a command works on: --user-data, else TOKEN_DESK_USER_DATA, else the folder of
// the Token Desk that is running (browser mode or desktop), else the desktop app's.
import os from 'node:os'
import path from 'node:path'
import { isAlive, readLock } from '../main/node/local-endpoint'

/** Browser mode's default (src/main/web/index.ts). */
export const browserModeFolder = () => path.join(os.homedir(), '.config', 'token-desk-web')

/** Electron's userData for the product name "Token Desk". */
export function desktopFolder(): string {
  const home = os.homedir()
  if (process.platform === 'win32') return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Token Desk')
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Token Desk')
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Token Desk')
}

const appRunsIn = (folder: string) => {
  const holder = readLock(folder)
  return holder !== null && holder.kind === 'app' && isAlive(holder.pid)
}

export function resolveUserData(flag: string | undefined): string {
  const chosen = flag ?? process.env['TOKEN_DESK_USER_DATA']
  if (chosen) return path.resolve(chosen)
  const desktop = desktopFolder()
  if (appRunsIn(desktop)) return desktop
  if (appRunsIn(browserModeFolder())) return browserModeFolder()
  return desktop
}
