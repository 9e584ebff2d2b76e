// Sign-in handlers: start a flow, and when it succeeds turn its token into a verified workspace.
import type { Handlers } from '../../core/dispatch'
import { AppError, isAppError } from '../../../../shared/errors'
import type { OAuthFlowState } from '../../../../shared/contract/workspaces'
import { OAuthFlows, sandboxIntercomEndpoints, type FlowStatus, type OAuthRequest, type OAuthResult } from '../../oauth'
import type { AppContext } from '../context'

type OAuthHandlers = Pick<Handlers, 'oauth.start' | 'oauth.status' | 'oauth.cancel' | 'oauth.submitManual'>

interface Outcome {
  workspaceId: string | null
  error: string | null
  /** True once the workspace was created (or creating it failed). */
  settled: boolean
}

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
      workspaceId: outcome?.workspaceId ?? null
    }
  }

  const emit = (status: FlowStatus) => ctx.events.emit('oauthProgress', toState(status))
  const unsubscribe = flows.subscribe(emit)

  const createWorkspace = async (result: OAuthResult, apiBaseOverride: string | undefined): Promise<string> => {
    if (result.kind === 'intercom') {
      const workspace = await ctx.registry.addFromOAuth({
        accessToken: result.accessToken,
        clientId: result.clientId,
        clientSecret: result.clientSecret,
        identity: result.identity,
        region: result.region,
        sandbox: result.sandbox
      })
      return workspace.id
    }
    // A generic provider's token is kept when it works against an Intercom-compatible API.
    const workspace = await ctx.registry.addByToken({ token: result.accessToken, region: 'US', apiBaseOverride })
    return workspace.id
  }

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
      const { flowId } = await flows.start(request)
      outcomes.set(flowId, { workspaceId: null, error: null, settled: false })
      void flows
        .result(flowId)
        .then(async (result) => {
          const outcome = outcomes.get(flowId)!
          try {
            outcome.workspaceId = await createWorkspace(result, input.apiBaseUrl)
            ctx.registry.setActive(outcome.workspaceId)
          } catch (error) {
            outcome.error = isAppError(error) ? error.message : 'The new token could not be saved.'
          }
          outcome.settled = true
          const status = flows.status()
          if (status?.flowId === flowId) emit(status)
        })
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
