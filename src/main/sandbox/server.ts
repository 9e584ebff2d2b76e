// The request pipeline: OAuth pages, then for the API: faults → auth → rate limit → version →
// route → permission → handler, answering every failure in Intercom's error shape.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenGrant, TokenRegistry } from './auth'
import type { WorkspaceData } from './data'
import type { Faults } from './faults'
import { ApiError, errorBody, parseJsonBody, readBody } from './http'
import type { OAuthServer } from './oauth'
import type { RateLimiter } from './rate-limit'
import { Router, type ApiResult } from './router'
import type { WorkspaceKey } from './types'
import { requestedVersion } from './versions'

export interface SandboxState {
  workspaces: ReadonlyMap<WorkspaceKey, WorkspaceData>
  registry: TokenRegistry
  limiter: RateLimiter
  faults: Faults
  oauth: OAuthServer
  router: Router
}

export function createRequestListener(state: SandboxState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID()
    handle(state, req, res, requestId).catch((error: unknown) => {
      // Unexpected: answer 500 rather than hang; the message never includes request data.
      console.error('[sandbox] internal error', error instanceof Error ? error.stack : error)
      if (!res.headersSent)
        send(state, res, 500, { 'X-Request-Id': requestId }, errorBody(requestId, 'server_error', 'Internal sandbox error'))
      else res.destroy()
    })
  }
}

function send(state: SandboxState, res: ServerResponse, status: number, headers: Record<string, string>, body?: unknown): void {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(payload.length)
  })
  state.faults.writeBody(res, payload)
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  // Only a base for parsing the request target; nothing is ever fetched from it.
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  if (await state.oauth.handle(req, res, url, requestId)) return

  const headers: Record<string, string> = { 'X-Request-Id': requestId }
  const fail = (error: ApiError) =>
    send(state, res, error.status, { ...headers, ...error.headers }, errorBody(requestId, error.code, error.message))

  const verdict = await state.faults.verdict()
  if (verdict === 'drop') {
    req.socket.destroy()
    return
  }
  if (verdict === 500) return fail(new ApiError(500, 'server_error', 'Injected sandbox fault: internal server error'))
  if (verdict === 503) return fail(new ApiError(503, 'service_unavailable', 'Injected sandbox fault: service unavailable'))

  if (req.method === 'GET' && url.pathname === '/sandbox/oversized') {
    if (state.faults.current.oversizedBytes <= 0)
      return fail(new ApiError(404, 'not_found', 'Oversized responses are off; set faults.oversizedBytes'))
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
    state.faults.writeBody(res, state.faults.oversizedBody())
    return
  }

  let grant: TokenGrant
  try {
    grant = state.registry.authenticate(req.headers.authorization)
  } catch (error) {
    if (error instanceof ApiError) return fail(error)
    throw error
  }
  const rate = state.limiter.take(grant.token)
  Object.assign(headers, rate.headers)
  try {
    if (!rate.allowed) {
      const { perWindow, windowSeconds } = state.limiter.current
      throw new ApiError(429, 'rate_limit_exceeded', `Exceeded rate limit of ${perWindow} in ${windowSeconds}_seconds`)
    }
    requestedVersion(req.headers['intercom-version'])
    const method = req.method ?? 'GET'
    if (method === 'POST' && url.pathname === '/auth/uninstall') {
      state.registry.revoke(grant.token)
      return send(state, res, 200, headers, {})
    }
    const { route, params } = state.router.match(method, url.pathname)
    Router.authorize(route, grant, url.searchParams)
    const body = method === 'GET' || method === 'HEAD' ? undefined : parseJsonBody(await readBody(req))
    if (!route.handler) {
      const result = unimplemented(method, route.operation, params, body)
      return send(state, res, result.status ?? 200, headers, result.body)
    }
    const ws = state.workspaces.get(grant.workspace) as WorkspaceData
    const result = route.handler({ params, query: url.searchParams, body, ws, grant })
    send(state, res, result.status ?? 200, headers, result.body)
  } catch (error) {
    if (error instanceof ApiError) return fail(error)
    throw error
  }
}

/**
 * A spec operation the sandbox keeps no records for, answered as a workspace without them would be
 * (after the permission check): lists are empty, ids are not found, and a body lacking a field
 * the spec requires is refused.
 */
function unimplemented(
  method: string,
  operation: { path: string; requiredBodyFields?: readonly string[] },
  params: Record<string, string>,
  body: unknown
): ApiResult {
  if (method === 'GET' && Object.keys(params).length === 0) return { status: 200, body: { type: 'list', data: [], total_count: 0 } }
  const fields = body && typeof body === 'object' ? Object.keys(body) : []
  const missing = (operation.requiredBodyFields ?? []).find((f) => !fields.includes(f))
  if (missing) throw new ApiError(400, 'parameter_not_found', `${missing} is required`)
  throw new ApiError(404, 'not_found', `Resource Not Found: the sandbox keeps no records for ${method} ${operation.path}`)
}
