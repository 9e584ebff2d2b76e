// Security decisions as plain functions, so each rule is unit-tested without Electron. The
// Electron layer (src/main/electron/security.ts) and the browser-mode server only apply them.

export const APP_SCHEME = 'app'
export const APP_HOST = 'token-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

const MAX_EXTERNAL_URL_LENGTH = 2048

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

const isLoopbackHost = (hostname: string) => hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost'

/** The renderer's own pages: app://token-desk/…, or the dev server when not packaged. */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  if (devServerUrl) {
    const dev = parse(devServerUrl)
    return !!dev && parsed.origin === dev.origin
  }
  return false
}

/** In-window navigation is never allowed away from the app (the app is a single page). */
export function isAllowedNavigation(url: string, devServerUrl: string | null = null): boolean {
  return isAppUrl(url, devServerUrl)
}

/**
 * What may be handed to the OS browser: https URLs, plus loopback http URLs of origins the app
 * itself runs (the embedded sandbox's consent page). No credentials in the URL, bounded length.
 */
export function isAllowedExternalUrl(url: string, loopbackOrigins: readonly string[] = []): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false
  const parsed = parse(url)
  if (!parsed || parsed.username || parsed.password) return false
  if (parsed.protocol === 'https:') return true
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return loopbackOrigins.includes(parsed.origin)
  }
  return false
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(
  frame: { url: string; isTopFrame: boolean } | null | undefined,
  devServerUrl: string | null = null
): boolean {
  if (!frame || !frame.isTopFrame) return false
  return isAppUrl(frame.url, devServerUrl)
}

/** Served as a header by app:// and by browser mode; the index.html meta tag carries the same policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
