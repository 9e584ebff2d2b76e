// Electron entry: create the window, register the bridge, and supply Electron-backed dependencies
// to the same services browser mode runs. Everything else lives in services.
/// <reference types="electron-vite/node" />
import { app, BrowserWindow, clipboard, session } from 'electron'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
// electron-vite builds the worker as its own file and gives its path.
import documentWorkerPath from './services/responses/document-worker?modulePath'
import { createApp } from './services/app'
import { createLogger } from './services/core/logger'
import { createSecretClipboard } from './services/core/clipboard'
import { createVault } from './services/vault'
import { createSafeStorageAdapter } from './electron/safe-storage'
import { createMainWindow } from './electron/window'
import { hardenSession, hardenWebContents } from './electron/security'
import { createGuardedOpener } from './electron/opener'
import { handleAppProtocol, registerAppScheme } from './electron/protocol'
import { forwardEvents, registerContract } from './electron/ipc'
import { APP_ORIGIN } from './services/security/policy'
import { electronStoreFactory } from './electron/store'
import { acquireWriter, serveLocalEndpoint } from './node/local-endpoint'
import { commandLineArgs, desktopLauncherCommand } from './services/cli/launcher'

const logger = createLogger()
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null

// Started by the installed `tokendesk` launcher (`<Token Desk> --tokendesk-cli -- ARGS…`): run the
// command line in this process, with no window and no single-instance lock, and exit with its status.
const cliArgs = commandLineArgs(process.argv)
if (cliArgs) {
  app.dock?.hide()
  void import('../cli/run')
    .then(({ runCommandLine }) => runCommandLine(cliArgs))
    .then(
      (status) => app.exit(status),
      (error: unknown) => {
        process.stderr.write(`tokendesk: ${error instanceof Error ? error.message : String(error)}\n`)
        app.exit(1)
      }
    )
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.enableSandbox()
  void app.whenReady().then(main)
}

async function main(): Promise<void> {
  const userData = process.env['TOKEN_DESK_USER_DATA'] ?? app.getPath('userData')
  if (process.env['TOKEN_DESK_USER_DATA']) app.setPath('userData', userData)
  // One writer per data folder: a `tokendesk` command working on it finishes first.
  const lock = await acquireWriter(userData, 'app', {
    onWait: (holder) => logger.warn('waiting for a tokendesk command to finish with the data folder', { pid: holder.pid })
  })
  const notices: string[] = []
  const createStore = electronStoreFactory({ cwd: userData, logger, onNotice: (notice) => notices.push(notice) })

  const settings = createStore('settings')
  const basicTextOptIn = settings.get('allowBasicTextEncryption') === true
  const safeStorage = createSafeStorageAdapter({ allowBasicText: basicTextOptIn })
  const vault = await createVault({
    mode: 'electron',
    safeStorage,
    store: createStore('vault'),
    basicTextOptIn,
    logger
  })

  let sandboxOrigins: string[] = []
  const opener = createGuardedOpener(() => sandboxOrigins)
  const desk = await createApp({
    host: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    userData,
    createStore,
    vault,
    opener,
    clipboard: createSecretClipboard(clipboard),
    logger,
    notices,
    spawnDocumentWorker: () => new Worker(documentWorkerPath),
    cliLauncher: desktopLauncherCommand({
      packaged: app.isPackaged,
      execPath: process.execPath,
      appPath: app.getAppPath(),
      appImage: process.env['APPIMAGE']
    }),
    weakStorage: {
      offered: process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
      enabled: basicTextOptIn,
      set: (allow) => settings.set('allowBasicTextEncryption', allow)
    }
  })
  sandboxOrigins = desk.sandboxUrl ? [new URL(desk.sandboxUrl).origin] : []
  // The command line's door: safeStorage and memory-only secrets are lent through this process.
  const endpoint = await serveLocalEndpoint(lock, desk.localDispatch)

  handleAppProtocol(path.join(import.meta.dirname, '../renderer'))
  hardenSession(session.defaultSession)
  registerContract(desk.dispatch, devServerUrl)

  const window = createMainWindow(path.join(import.meta.dirname, '../preload/index.cjs'))
  hardenWebContents(window.webContents, { devServerUrl, opener, loopbackOrigins: () => sandboxOrigins })
  const stopForwarding = forwardEvents(desk.events, window)
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    stopForwarding()
    void endpoint.close().finally(() => lock.release())
    void desk.dispose()
  })
  app.on('web-contents-created', (_event, contents) => {
    if (contents !== window.webContents) hardenWebContents(contents, { devServerUrl, opener, loopbackOrigins: () => sandboxOrigins })
  })
  if (BrowserWindow.getAllWindows().length === 0) logger.warn('no window was created')
}
