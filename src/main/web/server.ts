// Browser mode: the same services and the same renderer build, with the contract carried over HTTP
// instead of IPC. Binds 127.0.0.1 only; every request must carry the per-launch secret (from the
// printed URL, then an HttpOnly cookie), a Host of this server (DNS-rebinding defence) and, when a
// browser sends one, an Origin of this server (CSRF defence). Calls and the event stream also refuse
// what the browser itself marks as coming from another site (Sec-Fetch-Site).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream } from 'node:fs'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../services/core/dispatch'
import type { EventHub } from '../services/core/events'
import { CONTENT_SECURITY_POLICY } from '../services/security/policy'
import { mimeTypeFor, resolveStaticFile } from '../services/security/static-files'

export interface WebServerOptions {
  dispatch: Dispatch
  events: EventHub
  rendererRoot: string
  port?: number
  /** Fixed secret for tests; a fresh random one otherwise. */
  secret?: string
  maxBodyBytes?: number
}

export interface WebServer {
  /** The URL to open, carrying the secret. */
  url: string
  origin: string
  port: number
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra })
  res.end(body)
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error('too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const unknownCall = { ok: false, error: { code: 'invalid_input', message: 'That is not a Token Desk call (its name is not valid).' } }

/** The call name from the URL, or null when its percent-encoding is broken (e.g. %ZZ). */
function decodeCallName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = options.secret ?? randomBytes(24).toString('base64url')
  const maxBody = options.maxBodyBytes ?? 96 * 1024 * 1024
  const server: Server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = new Set([origin, `http://localhost:${port}`])
  // Cookies are not port-scoped, so two instances on one machine need different names.
  const cookieName = `token_desk_${port}`
  const eventStreams = new Set<ServerResponse>()

  const unsubscribe = options.events.subscribe((name, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ name, payload })}\n\n`
    for (const stream of eventStreams) stream.write(frame)
  })

  server.on('request', (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Unexpected Host header.')
    const requestOrigin = req.headers.origin
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) return send(res, 403, 'Cross-origin request refused.')
    const url = new URL(req.url ?? '/', origin)

    const queryToken = url.searchParams.get('token')
    if (queryToken !== null) {
      if (!sameSecret(queryToken, secret)) return send(res, 403, 'That link is not valid for this run of Token Desk.')
      // Trade the secret in the URL for a cookie, and drop it from the address bar.
      return send(res, 303, '', 'text/plain', {
        Location: '/',
        'Set-Cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`
      })
    }
    const cookie = readCookie(req, cookieName)
    if (!cookie || !sameSecret(cookie, secret)) {
      return send(res, 403, "Open Token Desk with the URL printed in the terminal (it carries this run's secret).")
    }

    // A second layer behind the cookie and Origin: the browser says where the request came from.
    const fetchSite = req.headers['sec-fetch-site']
    if (url.pathname.startsWith('/api/') && (fetchSite === 'cross-site' || fetchSite === 'same-site'))
      return send(res, 403, 'Cross-site request refused.')

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.', 'text/plain', { Allow: 'POST' })
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.')
      let input: unknown
      try {
        const text = await readBody(req, maxBody)
        input = text ? (JSON.parse(text) as { input?: unknown }).input : undefined
      } catch {
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON or is too large.' } }),
          'application/json'
        )
      }
      const name = decodeCallName(url.pathname.slice('/api/call/'.length))
      if (name === null) return send(res, 400, JSON.stringify(unknownCall), 'application/json; charset=utf-8')
      const result = await options.dispatch(name, input)
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
    }

    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      eventStreams.add(res)
      req.on('close', () => eventStreams.delete(res))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.')
    // Client-side routes fall back to index.html; files must resolve inside the bundle.
    const file =
      resolveStaticFile(options.rendererRoot, url.pathname) ??
      (url.pathname.includes('.') ? null : resolveStaticFile(options.rendererRoot, '/'))
    if (!file) return send(res, 404, 'Not found.')
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-cache' })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file).pipe(res)
  }

  return {
    url: `${origin}/?token=${secret}`,
    origin,
    port,
    close: async () => {
      unsubscribe()
      for (const stream of eventStreams) stream.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Browsers keep connections alive; close them or server.close() waits for them.
      server.closeAllConnections()
      await closed
    }
  }
}
