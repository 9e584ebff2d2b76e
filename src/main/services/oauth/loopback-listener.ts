// The OAuth redirect receiver for a native app (RFC 8252 §7.3/§8.3): one listener per attempt, on
// 127.0.0.1 only, one exact path, closed as soon as the attempt ends. It never logs a URL.
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { AppError } from '../../../shared/errors'
import { checkCallback, describeOAuthError } from './callback'

export const DEFAULT_CALLBACK_PATH = '/callback'
export const DEFAULT_LOOPBACK_TIMEOUT_MS = 5 * 60 * 1000

export interface LoopbackOptions {
  expectedState: string
  /** 0 (default) picks a free port; a fixed one when the provider needs an exact registered URL. */
  port?: number
  path?: string
  timeoutMs?: number
  /** HTTPS mode: the redirect becomes https://localhost:<port><path>. */
  tls?: { cert: string; key: string }
  /**
   * Keep the browser tab waiting after a good redirect until `answer()` says how it ended, so the
   * tab never reads "Signed in" before the app has accepted the result.
   */
  holdAnswer?: boolean
}

export type BrowserOutcome = 'success' | 'failed' | 'choice'

/** How long a tab waits for the app's answer before it is sent back to the app. */
const HOLD_LIMIT_MS = 2 * 60 * 1000

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  Connection: 'close'
}

const page = (title: string, message: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem"><h1>${title}</h1><p>${message}</p></body></html>`

const PAGES = {
  success: page('Signed in', 'You can close this tab and return to Token Desk.'),
  failed: page('Sign-in not completed', 'Return to Token Desk to see what happened and try again.'),
  badState: page(
    'Unexpected sign-in response',
    'This response does not belong to the sign-in Token Desk is waiting for. Return to Token Desk.'
  ),
  choice: page(
    'Almost done',
    'This workspace is already in Token Desk. Return to Token Desk to replace its credential with this sign-in, or keep the current one.'
  ),
  pending: page('Return to Token Desk', 'Token Desk received the sign-in; it shows the result.'),
  badHost: page('Bad request', 'Unexpected host.'),
  notFound: page('Not found', 'Nothing here.')
}

export class LoopbackListener {
  readonly redirectUri: string
  readonly port: number
  /** Resolves with the callback parameters once a response with the right state arrives. */
  readonly result: Promise<URLSearchParams>
  #settle!: { resolve: (p: URLSearchParams) => void; reject: (e: AppError) => void }
  #timer: NodeJS.Timeout | undefined
  #closed = false
  /** The tab that delivered the redirect, while it waits for `answer()`. */
  #held: { res: http.ServerResponse; timer: NodeJS.Timeout } | null = null

  private constructor(
    private readonly server: http.Server,
    private readonly options: LoopbackOptions,
    path: string
  ) {
    this.port = (server.address() as AddressInfo).port
    this.redirectUri = options.tls ? `https://localhost:${this.port}${path}` : `http://127.0.0.1:${this.port}${path}`
    this.result = new Promise((resolve, reject) => (this.#settle = { resolve, reject }))
    this.result.catch(() => undefined) // the owner may never await a cancelled listener
    this.#timer = setTimeout(
      () => this.#finish(new AppError('timeout', 'Sign-in timed out: no answer came back from the browser. Start again when ready.')),
      options.timeoutMs ?? DEFAULT_LOOPBACK_TIMEOUT_MS
    )
    server.on('request', (req, res) => this.#handle(req, res, path))
  }

  static async start(options: LoopbackOptions): Promise<LoopbackListener> {
    const path = options.path ?? DEFAULT_CALLBACK_PATH
    if (!/^\/[\w\-./]*$/.test(path)) throw new AppError('invalid_input', `Invalid callback path ${path}.`)
    const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }) : http.createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new AppError('busy', `Port ${options.port} on 127.0.0.1 is already in use, so the sign-in callback cannot listen there.`)
            : new AppError('oauth', `The sign-in callback could not listen on 127.0.0.1: ${error.message}`)
        )
      )
      server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, resolve)
    })
    return new LoopbackListener(server, options, path)
  }

  get closed(): boolean {
    return this.#closed
  }

  address(): AddressInfo {
    return this.server.address() as AddressInfo
  }

  cancel(): void {
    this.#finish(new AppError('cancelled', 'Sign-in was cancelled.'))
  }

  /** Tells the waiting browser tab (holdAnswer) how the sign-in ended; later calls do nothing. */
  answer(outcome: BrowserOutcome | 'pending'): void {
    const held = this.#held
    if (!held) return
    this.#held = null
    clearTimeout(held.timer)
    held.res.on('finish', () => this.server.closeAllConnections())
    held.res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGES[outcome])
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
    const reply = (status: number, body: string, then?: () => void) => {
      if (then) res.on('finish', then)
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(body)
    }
    // DNS rebinding: only our own origin may reach the listener.
    const host = req.headers.host
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) return reply(400, PAGES.badHost)
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`)
    if (url.pathname !== path) return reply(404, PAGES.notFound)
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET')
      return reply(405, PAGES.notFound)
    }
    if (this.#closed) return reply(400, PAGES.failed)
    const check = checkCallback(url.searchParams, this.options.expectedState)
    switch (check.kind) {
      case 'bad_state':
        return reply(400, PAGES.badState) // keep waiting for the real answer
      case 'error':
        return reply(200, PAGES.failed, () =>
          this.#finish(new AppError('oauth', describeOAuthError(check.error, check.description), { error: check.error }))
        )
      case 'ok':
        if (this.options.holdAnswer) {
          this.#held = { res, timer: setTimeout(() => this.answer('pending'), HOLD_LIMIT_MS).unref() }
          return this.#finish(null, check.params)
        }
        return reply(200, PAGES.success, () => this.#finish(null, check.params))
    }
  }

  #finish(error: AppError | null, params?: URLSearchParams): void {
    if (this.#closed) return
    this.#closed = true
    clearTimeout(this.#timer)
    this.server.close()
    if (!this.#held) this.server.closeAllConnections()
    if (error) this.#settle.reject(error)
    else this.#settle.resolve(params!)
  }
}
