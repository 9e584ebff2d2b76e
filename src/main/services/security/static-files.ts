// Resolves a request path to a file inside the renderer bundle, for app:// and browser mode alike.
// Anything that would leave the bundle (.., encoded .., absolute paths, symlinks) resolves to null.
import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm'
}

export const mimeTypeFor = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'

export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/')
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  if (path.isAbsolute(relative) || relative.split('/').includes('..')) return null
  let realRoot: string
  let candidate: string
  try {
    realRoot = realpathSync(root)
    candidate = realpathSync(path.join(realRoot, relative))
  } catch {
    return null
  }
  if (candidate !== realRoot && !candidate.startsWith(realRoot + path.sep)) return null
  try {
    return statSync(candidate).isFile() ? candidate : null
  } catch {
    return null
  }
}
