// Sends one prepared request with axios and hands back everything the response panel shows.
// Redirects are followed here, not by axios, so credentials can never leak to another origin.
// Bodies above a threshold are spooled to a file so a huge response never sits in memory twice.
import axios, { AxiosHeaders, type AxiosResponse } from 'axios'
import { randomUUID } from 'node:crypto'
import { mkdir, open, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Readable } from 'node:stream'
import { AppError } from '../../../shared/errors'
import { formatBytes } from '../../../shared/format-bytes'
import { contentLength, type PreparedRequest } from '../../../shared/request/build'
import { parseIntercomErrors, type IntercomErrorItem } from '../http/intercom-errors'
import { explainNetworkError } from '../http/network-errors'

export type ResponseBody = { kind: 'inline'; text: string } | { kind: 'file'; path: string; bytes: number; preview: string }

export interface RateLimit {
  limit: number
  remaining: number
  /** Epoch milliseconds at which the window resets (from `X-RateLimit-Reset`, in seconds). */
  resetAt: number
}

export interface ExecutedResponse {
  status: number
  statusText: string
  headers: Array<[string, string]>
  body: ResponseBody
  /** Decoded body size in bytes. */
  bytes: number
  timing: { startedAt: string; ttfbMs: number; downloadMs: number; totalMs: number }
  redirects: Array<{ status: number; url: string }>
  rateLimit: RateLimit | null
  intercomErrors: IntercomErrorItem[] | null
  contentType: string | null
}

export interface ExecuteOptions {
  signal?: AbortSignal
  /** Longest wait for the server to start answering, and for each gap while the body arrives. */
  timeoutMs?: number
  /** Bodies larger than this are written to a file in `spoolDir` instead of kept in memory. */
  maxInMemoryBytes?: number
  /** Bodies larger than this are refused. */
  maxBytes?: number
  spoolDir: string
}

export const EXECUTOR_DEFAULTS = {
  timeoutMs: 30_000,
  maxInMemoryBytes: 10 * 1024 * 1024,
  maxBytes: 512 * 1024 * 1024,
  maxRedirects: 5,
  previewBytes: 64 * 1024
} as const

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** Never forwarded to an origin other than the one the request was prepared for. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization'])
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding'])

const client = axios.create({
  adapter: 'http',
  responseType: 'stream',
  decompress: true,
  validateStatus: () => true,
  maxRedirects: 0,
  maxContentLength: -1,
  maxBodyLength: -1,
  // The body is already serialised; axios must not touch it.
  transformRequest: [(data: unknown) => data]
})
// axios's own defaults (Accept, and a form Content-Type on a body-less POST, PUT or PATCH) would
// put headers on the wire that no snippet sends; the built request names every header itself.
for (const scope of ['common', 'post', 'put', 'patch'] as const) {
  const defaults = client.defaults.headers[scope] as Record<string, unknown>
  for (const name of Object.keys(defaults)) delete defaults[name]
}

interface Hop {
  method: string
  url: URL
  headers: Array<[string, string]>
  body: string | null
}

/** Aborts on the caller's signal or when nothing arrived for `timeoutMs`, and remembers which. */
class Watchdog {
  readonly controller = new AbortController()
  reason: 'timeout' | 'cancelled' | null = null
  private timer: NodeJS.Timeout | undefined
  private readonly onCancel = () => this.stop('cancelled')

  constructor(
    private readonly userSignal: AbortSignal | undefined,
    private readonly timeoutMs: number
  ) {
    if (userSignal?.aborted) this.stop('cancelled')
    else userSignal?.addEventListener('abort', this.onCancel, { once: true })
    this.touch()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Progress was made: restart the idle timer. */
  touch(): void {
    clearTimeout(this.timer)
    if (!this.reason) this.timer = setTimeout(() => this.stop('timeout'), this.timeoutMs)
  }

  private stop(reason: 'timeout' | 'cancelled'): void {
    if (this.reason) return
    this.reason = reason
    clearTimeout(this.timer)
    this.controller.abort(new Error(reason))
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.userSignal?.removeEventListener('abort', this.onCancel)
  }
}

function parseTarget(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('invalid_input', 'The request URL is not a valid absolute URL.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('invalid_input', `Only http and https URLs can be sent, not ${url.protocol}`)
  return url
}

function send(hop: Hop, signal: AbortSignal): Promise<AxiosResponse<Readable>> {
  const headers = new AxiosHeaders()
  for (const [name, value] of hop.headers) if (name.toLowerCase() !== 'host') headers.set(name, value)
  const length = contentLength(hop)
  if (length !== null) headers.set('Content-Length', length)
  // axios gives a body-less POST, PUT or PATCH a form Content-Type unless the header is `false`.
  if (!headers.has('Content-Type')) headers.set('Content-Type', false)
  return client.request<Readable>({
    method: hop.method,
    url: hop.url.href,
    headers,
    data: hop.body === null ? undefined : Buffer.from(hop.body, 'utf8'),
    signal
  })
}

/** The next hop of a redirect, following the fetch standard's method rules. */
function redirectHop(hop: Hop, status: number, target: URL, trustedOrigin: string): Hop {
  const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST'
  let headers = hop.headers
  if (target.origin !== trustedOrigin) headers = headers.filter(([n]) => !CREDENTIAL_HEADERS.has(n.toLowerCase()))
  if (toGet) headers = headers.filter(([n]) => !BODY_HEADERS.has(n.toLowerCase()))
  return { method: toGet ? 'GET' : hop.method, url: target, headers, body: toGet ? null : hop.body }
}

function redirectTarget(res: AxiosResponse, from: URL): URL | null {
  const location = res.headers['location']
  if (!REDIRECT_STATUSES.has(res.status) || typeof location !== 'string' || location === '') return null
  let target: URL
  try {
    target = new URL(location, from)
  } catch {
    throw new AppError('network', `${from.host} redirected to an address that is not a valid URL.`, { host: from.host })
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new AppError('network', `${from.host} redirected to a ${target.protocol} address, which is not followed.`, { host: from.host })
  return target
}

function tooLarge(maxBytes: number, host: string): AppError {
  return new AppError(
    'too_large',
    `The response from ${host} is larger than the ${formatBytes(maxBytes)} limit, so it was not downloaded.`,
    {
      host,
      maxBytes
    }
  )
}

interface BodyLimits {
  maxInMemoryBytes: number
  maxBytes: number
  spoolDir: string
  host: string
}

/** Reads the body into memory, or into a spool file once it outgrows `maxInMemoryBytes`. */
async function readBody(stream: Readable, limits: BodyLimits, watchdog: Watchdog): Promise<{ body: ResponseBody; bytes: number }> {
  const abortStream = () => stream.destroy(new Error('aborted'))
  watchdog.signal.addEventListener('abort', abortStream, { once: true })
  const chunks: Buffer[] = []
  const head: Buffer[] = []
  let headBytes = 0
  let bytes = 0
  let spool: { fh: FileHandle; path: string } | null = null
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      watchdog.touch()
      bytes += chunk.length
      if (bytes > limits.maxBytes) throw tooLarge(limits.maxBytes, limits.host)
      if (headBytes < EXECUTOR_DEFAULTS.previewBytes) {
        head.push(chunk)
        headBytes += chunk.length
      }
      if (spool) {
        await spool.fh.write(chunk)
        continue
      }
      chunks.push(chunk)
      if (bytes > limits.maxInMemoryBytes) {
        await mkdir(limits.spoolDir, { recursive: true })
        const path = join(limits.spoolDir, `response-${randomUUID()}.body`)
        spool = { fh: await open(path, 'wx', 0o600), path }
        for (const c of chunks.splice(0)) await spool.fh.write(c)
      }
    }
    if (!spool) return { body: { kind: 'inline', text: new TextDecoder().decode(Buffer.concat(chunks)) }, bytes }
    await spool.fh.close()
    // `stream: true` holds back a character cut in half at the preview's end instead of mangling it.
    const preview = new TextDecoder().decode(Buffer.concat(head).subarray(0, EXECUTOR_DEFAULTS.previewBytes), { stream: true })
    return { body: { kind: 'file', path: spool.path, bytes, preview }, bytes }
  } catch (err) {
    stream.destroy()
    if (spool) {
      await spool.fh.close().catch(() => undefined)
      await unlink(spool.path).catch(() => undefined)
    }
    throw err
  } finally {
    watchdog.signal.removeEventListener('abort', abortStream)
  }
}

function headerPairs(headers: AxiosResponse['headers']): Array<[string, string]> {
  const plain = headers instanceof AxiosHeaders ? headers.toJSON() : headers
  const pairs: Array<[string, string]> = []
  for (const [name, value] of Object.entries(plain)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, String(v)])
    else if (value !== undefined && value !== null) pairs.push([name, String(value)])
  }
  return pairs
}

/** Intercom's `X-RateLimit-*` headers, or null when the response has none. */
export function parseRateLimit(headers: Array<[string, string]>): RateLimit | null {
  const get = (name: string) => {
    const raw = headers.find(([n]) => n.toLowerCase() === name)?.[1]
    const n = raw === undefined ? NaN : Number(raw)
    return Number.isFinite(n) ? n : null
  }
  const limit = get('x-ratelimit-limit')
  const remaining = get('x-ratelimit-remaining')
  const reset = get('x-ratelimit-reset')
  if (limit === null || remaining === null || reset === null) return null
  // Intercom sends Unix seconds; accept milliseconds too rather than misread them.
  return { limit, remaining, resetAt: reset < 1e12 ? reset * 1000 : reset }
}

/** Sends `req` (which already carries its credential) and reads the whole response. */
export async function executeRequest(req: PreparedRequest, opts: ExecuteOptions): Promise<ExecutedResponse> {
  const timeoutMs = opts.timeoutMs ?? EXECUTOR_DEFAULTS.timeoutMs
  const maxBytes = opts.maxBytes ?? EXECUTOR_DEFAULTS.maxBytes
  const maxInMemoryBytes = Math.min(opts.maxInMemoryBytes ?? EXECUTOR_DEFAULTS.maxInMemoryBytes, maxBytes)
  let hop: Hop = { method: req.method.toUpperCase(), url: parseTarget(req.url), headers: req.headers, body: req.body }
  const trustedOrigin = hop.url.origin
  const startedAt = new Date().toISOString()
  const t0 = performance.now()
  const watchdog = new Watchdog(opts.signal, timeoutMs)
  const redirects: ExecutedResponse['redirects'] = []
  try {
    if (watchdog.reason) throw new Error('aborted before start')
    let res = await send(hop, watchdog.signal)
    for (let target = redirectTarget(res, hop.url); target; target = redirectTarget(res, hop.url)) {
      res.data.destroy()
      if (redirects.length >= EXECUTOR_DEFAULTS.maxRedirects)
        throw new AppError('network', `Stopped after ${EXECUTOR_DEFAULTS.maxRedirects} redirects; ${hop.url.host} keeps redirecting.`, {
          host: hop.url.host
        })
      redirects.push({ status: res.status, url: target.href })
      hop = redirectHop(hop, res.status, target, trustedOrigin)
      watchdog.touch()
      res = await send(hop, watchdog.signal)
    }
    const tHeaders = performance.now()
    watchdog.touch()
    const headers = headerPairs(res.headers)
    const declared = Number(res.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.data.destroy()
      throw tooLarge(maxBytes, hop.url.host)
    }
    const { body, bytes } = await readBody(res.data, { maxInMemoryBytes, maxBytes, spoolDir: opts.spoolDir, host: hop.url.host }, watchdog)
    const tEnd = performance.now()
    const contentType = headers.find(([n]) => n === 'content-type')?.[1] ?? null
    return {
      status: res.status,
      statusText: res.statusText ?? '',
      headers,
      body,
      bytes,
      timing: { startedAt, ttfbMs: tHeaders - t0, downloadMs: tEnd - tHeaders, totalMs: tEnd - t0 },
      redirects,
      rateLimit: parseRateLimit(headers),
      intercomErrors: res.status >= 400 && body.kind === 'inline' ? parseIntercomErrors(body.text) : null,
      contentType
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    if (watchdog.reason === 'cancelled') throw new AppError('cancelled', 'The request was cancelled.')
    if (watchdog.reason === 'timeout')
      throw new AppError('timeout', `${hop.url.host} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`, {
        host: hop.url.host,
        timeoutMs
      })
    throw explainNetworkError(err, hop.url.host)
  } finally {
    watchdog.dispose()
  }
}
