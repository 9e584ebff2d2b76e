// Runs one OAuth sign-in at a time: loopback listener, system browser, code exchange, and a
// status the UI can poll or subscribe to. Intercom's own flow and a generic PKCE flow.
import crypto from 'node:crypto'
import * as oauth from 'oauth4webapi'
import { z } from 'zod'
import { AppError, type AppErrorShape } from '../../../shared/errors'
import { Region } from '../../../shared/model'
import type { Clock, Logger, Opener } from '../ports'
import type { SecretVault } from '../vault/types'
import { fetchIntercomIdentity, type IntercomIdentity } from '../workspaces/intercom-identity'
import { checkCallback, describeOAuthError } from './callback'
import { GenericAuthorization, GenericProvider, type GenericTokens } from './generic'
import { exchangeIntercomCode, INTERCOM_API_BASE, INTERCOM_AUTHORIZE_URL, intercomAuthorizeUrl } from './intercom'
import { loopbackCertificate } from './loopback-certificate'
import { LoopbackListener, type BrowserOutcome } from './loopback-listener'

const Listen = z.object({
  /** A fixed port, for providers that need the exact registered URL. */
  port: z.number().int().min(1).max(65535).optional(),
  callbackPath: z.string().optional(),
  /** https://localhost:<port>/callback with a locally made self-signed certificate. */
  https: z.boolean().optional()
})

const IntercomRequest = Listen.extend({
  kind: z.literal('intercom'),
  clientId: z.string().min(1).max(512),
  clientSecret: z.string().min(1).max(512),
  region: Region.optional(),
  sandbox: z.boolean().optional(),
  /** Defaults to https://app.intercom.com/oauth; the sandbox's is `<url>/oauth`. */
  authorizeUrl: z.string().url().optional(),
  /** Where /auth/eagle/token and /me are; defaults to https://api.intercom.io. */
  apiBase: z.string().url().optional()
})

export const OAuthRequest = z.discriminatedUnion('kind', [
  IntercomRequest,
  Listen.extend({ kind: z.literal('generic') }).extend(GenericProvider.shape)
])
export type OAuthRequest = z.input<typeof OAuthRequest>

export type OAuthResult =
  | {
      kind: 'intercom'
      accessToken: string
      clientId: string
      clientSecret: string
      identity: IntercomIdentity
      apiBase: string
      region: Region
      sandbox: boolean
    }
  | ({ kind: 'generic' } & GenericTokens)

export type FlowPhase = 'waiting' | 'exchanging' | 'verifying' | 'done' | 'failed' | 'cancelled'

export interface FlowStatus {
  flowId: string
  kind: 'intercom' | 'generic'
  phase: FlowPhase
  authorizeUrl: string
  redirectUri: string
  /** False when the system browser could not be opened: show the URL to open by hand. */
  browserOpened: boolean
  error: AppErrorShape | null
}

export interface OAuthFlowsOptions {
  opener: Opener
  /** Caches the loopback TLS certificate; without it one is made per HTTPS attempt. */
  vault?: SecretVault
  timeoutMs?: number
  clock?: Clock
  logger?: Logger
  /**
   * The app answers the browser tab itself (answerBrowser) once it has accepted the result; without
   * this the tab is told "Signed in" as soon as the token is verified.
   */
  appAnswersBrowser?: boolean
}

interface Flow {
  status: FlowStatus
  listener: LoopbackListener
  expectedState: string
  /** Settled by the listener, a pasted redirect, or cancel. */
  deliver: (params: URLSearchParams) => void
  abort: (error: AppError) => void
  result: Promise<OAuthResult>
}

export class OAuthFlows {
  #flow: Flow | null = null
  readonly #listeners = new Set<(status: FlowStatus) => void>()

  constructor(private readonly options: OAuthFlowsOptions) {}

  async start(input: OAuthRequest): Promise<{ flowId: string; authorizeUrl: string; redirectUri: string }> {
    if (this.#flow && !isFinal(this.#flow.status.phase))
      throw new AppError('busy', 'A sign-in is already in progress; finish or cancel it first.')
    const parsed = OAuthRequest.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError('invalid_input', `Invalid ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid value'}.`)
    }
    const request = parsed.data
    const generic = request.kind === 'generic' ? await GenericAuthorization.create(request) : null
    const expectedState = generic?.state ?? oauth.generateRandomState()
    const tls = request.https ? await loopbackCertificate(this.options.vault ?? null, this.options.clock) : undefined
    const listener = await LoopbackListener.start({
      expectedState,
      port: request.port,
      path: request.callbackPath,
      timeoutMs: this.options.timeoutMs,
      tls,
      holdAnswer: true
    })
    const { redirectUri } = listener
    const authorizeUrl = generic
      ? generic.authorizeUrl(redirectUri)
      : intercomAuthorizeUrl((request as z.output<typeof IntercomRequest>).authorizeUrl ?? INTERCOM_AUTHORIZE_URL, {
          clientId: request.clientId,
          state: expectedState,
          redirectUri
        })

    let deliver!: (params: URLSearchParams) => void
    let abort!: (error: AppError) => void
    const callback = new Promise<URLSearchParams>((resolve, reject) => ((deliver = resolve), (abort = reject)))
    listener.result.then(deliver, abort)

    const flowId = crypto.randomUUID()
    const flow: Flow = {
      status: { flowId, kind: request.kind, phase: 'waiting', authorizeUrl, redirectUri, browserOpened: false, error: null },
      listener,
      expectedState,
      deliver,
      abort,
      result: Promise.resolve(null as never)
    }
    flow.result = this.#complete(flow, callback, async (params) => {
      if (generic) return { kind: 'generic', ...(await generic.exchange(params, redirectUri)) }
      return this.#finishIntercom(flow, request as z.output<typeof IntercomRequest>, params.get('code')!)
    })
    flow.result.catch(() => undefined) // surfaced through result() and status
    this.#flow = flow
    this.#emit()

    try {
      await this.options.opener.openExternal(authorizeUrl)
      this.#update(flow, { browserOpened: true })
    } catch {
      this.options.logger?.warn('could not open the system browser for sign-in')
    }
    return { flowId, authorizeUrl, redirectUri }
  }

  /** The flow's outcome: tokens (and, for Intercom, the verified identity). */
  result(flowId: string): Promise<OAuthResult> {
    return this.#get(flowId).result
  }

  /** Tells the browser tab that delivered the redirect how the sign-in ended (appAnswersBrowser). */
  answerBrowser(flowId: string, outcome: BrowserOutcome): void {
    this.#get(flowId).listener.answer(outcome)
  }

  status(): FlowStatus | null {
    return this.#flow ? { ...this.#flow.status } : null
  }

  subscribe(listener: (status: FlowStatus) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  cancel(flowId: string): void {
    const flow = this.#get(flowId)
    flow.listener.cancel()
    flow.abort(new AppError('cancelled', 'Sign-in was cancelled.'))
  }

  /**
   * Fallback when the browser cannot reach the listener: the user pastes the whole redirect URL
   * (its state is checked) or just the code.
   */
  submitManualRedirect(flowId: string, pasted: string): void {
    const flow = this.#get(flowId)
    if (flow.status.phase !== 'waiting') throw new AppError('invalid_input', 'This sign-in is no longer waiting for a redirect.')
    const text = pasted.trim()
    let params: URLSearchParams
    if (/^https?:\/\//i.test(text) || text.startsWith('?')) {
      const query = text.startsWith('?') ? text : safeUrl(text)?.search
      if (query === undefined) throw new AppError('invalid_input', 'That is not a valid URL.')
      params = new URLSearchParams(query)
      const check = checkCallback(params, flow.expectedState)
      if (check.kind === 'bad_state')
        throw new AppError('invalid_input', 'That URL belongs to a different sign-in attempt (its state does not match).')
      if (check.kind === 'error') {
        flow.listener.cancel()
        flow.abort(new AppError('oauth', describeOAuthError(check.error, check.description), { error: check.error }))
        return
      }
    } else {
      if (!/^[\x21-\x7e]{1,4096}$/.test(text)) throw new AppError('invalid_input', 'Paste the redirect URL or the code from it.')
      params = new URLSearchParams({ code: text, state: flow.expectedState })
    }
    flow.listener.cancel()
    flow.deliver(params)
  }

  async #finishIntercom(flow: Flow, request: z.output<typeof IntercomRequest>, code: string): Promise<OAuthResult> {
    const apiBase = request.apiBase ?? INTERCOM_API_BASE
    const accessToken = await exchangeIntercomCode({ apiBase, code, clientId: request.clientId, clientSecret: request.clientSecret })
    this.#update(flow, { phase: 'verifying' })
    const identity = await fetchIntercomIdentity({ apiBase, token: accessToken })
    return {
      kind: 'intercom',
      accessToken,
      clientId: request.clientId,
      clientSecret: request.clientSecret,
      identity,
      apiBase,
      region: identity.region ?? request.region ?? 'US',
      sandbox: request.sandbox ?? false
    }
  }

  async #complete(
    flow: Flow,
    callback: Promise<URLSearchParams>,
    finish: (params: URLSearchParams) => Promise<OAuthResult>
  ): Promise<OAuthResult> {
    try {
      const params = await callback
      this.#update(flow, { phase: 'exchanging' })
      const result = await finish(params)
      this.#update(flow, { phase: 'done' })
      if (!this.options.appAnswersBrowser) flow.listener.answer('success')
      return result
    } catch (error) {
      flow.listener.answer('failed')
      const appError = error instanceof AppError ? error : new AppError('oauth', 'Sign-in failed unexpectedly.')
      this.#update(flow, { phase: appError.code === 'cancelled' ? 'cancelled' : 'failed', error: appError.toShape() })
      throw appError
    } finally {
      flow.listener.cancel() // no-op when already closed
    }
  }

  #get(flowId: string): Flow {
    if (!this.#flow || this.#flow.status.flowId !== flowId) throw new AppError('not_found', 'That sign-in is not the current one.')
    return this.#flow
  }

  #update(flow: Flow, change: Partial<FlowStatus>): void {
    if (isFinal(flow.status.phase)) return
    flow.status = { ...flow.status, ...change }
    if (flow === this.#flow) this.#emit()
  }

  #emit(): void {
    const status = this.status()
    if (status) for (const listener of this.#listeners) listener(status)
  }
}

const isFinal = (phase: FlowPhase) => phase === 'done' || phase === 'failed' || phase === 'cancelled'

function safeUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
