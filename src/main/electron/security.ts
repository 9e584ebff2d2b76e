// Applies the security policy (src/main/services/security/policy.ts) to Electron objects: no
// navigation away from the app, no new windows, no webviews, every permission denied.
import type { Session, WebContents } from 'electron'
import { isAllowedExternalUrl, isAllowedNavigation } from '../services/security/policy'
import type { Opener } from '../services/ports'

export function hardenWebContents(
  contents: WebContents,
  options: { devServerUrl: string | null; opener: Opener; loopbackOrigins: () => string[] }
): void {
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, options.devServerUrl)) event.preventDefault()
  }
  contents.on('will-navigate', blockNavigation)
  contents.on('will-redirect', blockNavigation)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links to docs and consent pages go to the system browser, never to a new app window.
    if (isAllowedExternalUrl(url, options.loopbackOrigins())) void options.opener.openExternal(url).catch(() => undefined)
    return { action: 'deny' }
  })
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
