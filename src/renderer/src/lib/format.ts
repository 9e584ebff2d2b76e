// Small pure helpers for the explorer: sizes, durations, file names, JSON errors, path params.

export { formatBytes } from '../../../shared/format-bytes'

export function formatMs(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(2)} s`
}

/** "1m 05s", "42s": for a countdown to a rate-limit reset. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1_000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return minutes > 0 ? `${minutes}m ${String(seconds).padStart(2, '0')}s` : `${seconds}s`
}

/** A file name for a saved body: what it was, its status, when, and an extension from its type. */
export function bodyFilename(name: string | null, status: number, contentType: string | null, at: Date): string {
  const base = (name ?? 'response').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'response'
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[:]/g, '-')
  return `${base}-${status}-${stamp}.${extensionFor(contentType)}`
}

function extensionFor(contentType: string | null): string {
  const type = (contentType ?? '').toLowerCase()
  if (type.includes('json')) return 'json'
  if (type.includes('csv')) return 'csv'
  if (type.includes('html')) return 'html'
  if (type.includes('xml')) return 'xml'
  if (type.startsWith('text/')) return 'txt'
  return 'bin'
}

/** The `{name}` placeholders of a path template, in order, without duplicates. */
export function pathPlaceholders(path: string): string[] {
  const pathPart = path.replace(/[?#].*$/, '')
  return [...new Set([...pathPart.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1]!))]
}

export const isFullUrl = (path: string) => /^https?:\/\//i.test(path.trim())
