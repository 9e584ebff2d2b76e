// Sign-in handlers: start a flow, and when it succeeds turn its token into a verified workspace.
import type { Handlers } from '../../core/dispatch'
import { AppError, isAppError } from '../../../../shared/errors'
import type { OAuthFlowState } from '../../../../shared/contract/oauth'
import { OAuthFlows, sandboxIntercomEndpoints, type FlowStatus, type OAuthRequest, type OAuthResult } from '../../oauth'
import type { AppContext } from '../context'
import { isSameOrigin } from '../../../../shared/request/build'

type OAuthHandlers = Pick<Handlers, 'oauth.start' | 'oauth.status' | 'oauth.cancel' | 'oauth.submitManual' | 'oauth.replace'>

interface Outcome {
  workspaceId: string | null
  error: string | null
  /** True once the workspace was created (or creating it failed). */
  settled: boolean
  /** The workspace is already present: the result waits here until the user chooses to replace its credential. */
  replaceable: { workspaceId: string; result: OAuthResult; apiBaseOverride: string | undefined } | null
}

/** Where each OAuth client's loopback port is kept, so its registered redirect URL keeps working. */
const OAUTH_PORTS_KEY = 'oauthPorts'
const portKey = (input: { kind: string; clientId: string; redirect: string }) => `${input.kind}:${input.redirect}:${input.clientId}`

export function oauthHandlers(ctx: AppContext, flows: OAuthFlows): OAuthHandlers & { dispose(): void } {
  const outcomes = new Map<string, Outcome>()

  const toState = (status: FlowStatus): OAuthFlowState => {
    const outcome = outcomes.get(status.flowId)
    const phase = status.phase
    // The flow's "done" means a token; ours means a workspace.
    const settledDone = phase === 'done' && outcome?.settled
    return {
      flowId: status.flowId,
      status:
        phase === 'waiting'
          ? 'waiting'
          : phase === 'failed' || (settledDone && outcome?.error)
            ? 'failed'
            : phase === 'cancelled'
              ? 'cancelled'
              : settledDone
                ? 'done'
                : 'exchanging',
      authorizeUrl: status.authorizeUrl,
      redirectUri: status.redirectUri,
      message: outcome?.error ?? status.error?.message ?? null,
      workspaceId: outcome?.workspaceId ?? null,
      replaceableWorkspaceId: outcome?.replaceable?.workspaceId ?? null
    }
  }

  const emit = (status: FlowStatus) => ctx.events.emit('oauthProgress', toState(status))
  const unsubscribe = flows.subscribe(emit)

  const createWorkspace = async (result: OAuthResult, apiBaseOverride: string | undefined, replace = false): Promise<string> => {
    if (result.kind === 'intercom') {
      const workspace = await ctx.registry.addFromOAuth({
        accessToken: result.accessToken,
        clientId: result.clientId,
        clientSecret: result.clientSecret,
        identity: result.identity,
        region: result.region,
        sandbox: result.sandbox,
        replace
      })
      return workspace.id
    }
    // A generic provider's token is kept when it works against an Intercom-compatible API. One whose
    // API is the embedded sandbox follows the sandbox, which takes a new port on every start.
    const onSandbox = !!apiBaseOverride && !!ctx.sandbox && isSameOrigin(apiBaseOverride, ctx.sandbox.url)
    const workspace = await ctx.registry.addByToken({
      token: result.accessToken,
      region: 'US',
      ...(onSandbox ? { sandbox: true } : { apiBaseOverride }),
      replace
    })
    return workspace.id
  }

  /** Turns the flow's token into a workspace, then tells the browser tab how that went. */
  const settle = async (flowId: string, result: OAuthResult, apiBaseOverride: string | undefined, replace: boolean) => {
    const outcome = outcomes.get(flowId)!
    let answer: 'success' | 'failed' | 'choice' = 'success'
    try {
      outcome.workspaceId = await createWorkspace(result, apiBaseOverride, replace)
      outcome.error = null
      outcome.replaceable = null
      ctx.registry.setActive(outcome.workspaceId)
    } catch (error) {
      outcome.error = isAppError(error) ? error.message : 'The new token could not be saved.'
      const existingId = isAppError(error) && error.code === 'conflict' ? error.details?.['existingId'] : undefined
      outcome.replaceable = typeof existingId === 'string' ? { workspaceId: existingId, result, apiBaseOverride } : null
      answer = outcome.replaceable ? 'choice' : 'failed'
    }
    outcome.settled = true
    const status = flows.status()
    if (status?.flowId === flowId) {
      flows.answerBrowser(flowId, answer)
      emit(status)
    }
  }

  /** The loopback port this OAuth client used before, or a new one that is then kept. */
  const storedPorts = (): Record<string, number> => (ctx.settings.get(OAUTH_PORTS_KEY) as Record<string, number> | undefined) ?? {}

  const current = (flowId: string): FlowStatus => {
    const status = flows.status()
    if (!status || status.flowId !== flowId) throw new AppError('not_found', 'That sign-in is not the current one.')
    return status
  }

  return {
    'oauth.start': async (input) => {
      const https = input.redirect === 'loopback-https'
      let request: OAuthRequest
      if (input.kind === 'intercom') {
        if (!input.clientSecret) throw new AppError('invalid_input', "Intercom's token exchange needs the app's client secret.")
        const endpoints = input.sandbox ? sandboxEndpoints(ctx) : {}
        request = {
          kind: 'intercom',
          clientId: input.clientId,
          clientSecret: input.clientSecret,
          region: input.region,
          sandbox: input.sandbox,
          https,
          ...endpoints
        }
      } else {
        if (!input.authorizationUrl || !input.tokenUrl)
          throw new AppError('invalid_input', 'A generic provider needs an authorization URL and a token URL.')
        request = {
          kind: 'generic',
          clientId: input.clientId,
          clientSecret: input.clientSecret || undefined,
          authorizationUrl: input.authorizationUrl,
          tokenUrl: input.tokenUrl,
          scopes: (input.scopes ?? '').split(/\s+/).filter(Boolean),
          https
        }
      }
      const key = portKey(input)
      const port = storedPorts()[key]
      const { flowId, redirectUri } = await flows.start({ ...request, port }).catch((error: unknown) => {
        if (port && isAppError(error) && error.code === 'busy')
          throw new AppError(
            'busy',
            `Port ${port} on this computer, where this OAuth app's registered redirect URL points, is in use by another program. ` +
              'Close that program and try again: the registered redirect URL works only on this port.'
          )
        throw error
      })
      if (!port) ctx.settings.set(OAUTH_PORTS_KEY, { ...storedPorts(), [key]: Number(new URL(redirectUri).port) })
      outcomes.set(flowId, { workspaceId: null, error: null, settled: false, replaceable: null })
      void flows
        .result(flowId)
        .then((result) => settle(flowId, result, input.apiBaseUrl, false))
        .catch(() => undefined) // failure is reported through the flow's status
      return toState(current(flowId))
    },
    'oauth.status': ({ flowId }) => toState(current(flowId)),
    'oauth.cancel': async ({ flowId }) => {
      flows.cancel(flowId)
      // Answer with the settled state, so the reply cannot overtake the "cancelled" event.
      await flows.result(flowId).catch(() => undefined)
      return toState(current(flowId))
    },
    'oauth.replace': async ({ flowId }) => {
      const outcome = outcomes.get(flowId)
      const pending = outcome?.replaceable
      if (!outcome || !pending) throw new AppError('invalid_input', 'This sign-in has no credential waiting to replace a workspace’s.')
      outcome.settled = false
      await settle(flowId, pending.result, pending.apiBaseOverride, true)
      return toState(current(flowId))
    },
    'oauth.submitManual': ({ flowId, pasted }) => {
      flows.submitManualRedirect(flowId, pasted)
      return toState(current(flowId))
    },
    dispose: unsubscribe
  }
}

function sandboxEndpoints(ctx: AppContext): { authorizeUrl: string; apiBase: string } {
  if (!ctx.sandbox) throw new AppError('invalid_input', 'The embedded sandbox is not running.')
  const { authorizeUrl, apiBase } = sandboxIntercomEndpoints(ctx.sandbox.url)
  return { authorizeUrl, apiBase }
}
