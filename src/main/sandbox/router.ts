// Matches a request to one of the implemented spec operations and checks the token's permission
// for it, using the shared operation → permission rule.
import { permissionFor } from '../../shared/intercom/permissions'
import type { TokenGrant } from './auth'
import type { WorkspaceData } from './data'
import { ApiError } from './http'
import { SANDBOX_OPERATIONS, type OperationId, type SandboxOperation } from './operations'

export interface ApiRequest {
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  ws: WorkspaceData
  grant: TokenGrant
}

export interface ApiResult {
  status?: number
  /** undefined = empty body. */
  body?: unknown
}

export type Handler = (req: ApiRequest) => ApiResult
export type HandlerTable = Record<OperationId, Handler>

interface Route {
  operation: SandboxOperation
  pattern: RegExp
  paramNames: string[]
  permission: string | null
  handler: Handler
}

/** Operations every valid token may call (Intercom's SDKs probe /me with plain access tokens). */
const OPEN_TO_ALL_TOKENS = new Set<string>(['identifyAdmin'])

function compile(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = []
  const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    paramNames.push(name)
    return '([^/]+)'
  })
  return { pattern: new RegExp(`^${source}$`), paramNames }
}

export class Router {
  private readonly routes: Route[]

  constructor(handlers: HandlerTable) {
    this.routes = SANDBOX_OPERATIONS.map((operation): Route => ({
      operation,
      ...compile(operation.path),
      permission: OPEN_TO_ALL_TOKENS.has(operation.operationId) ? null : permissionFor(operation).permission,
      handler: handlers[operation.operationId]
    })).sort((a, b) => a.paramNames.length - b.paramNames.length)
  }

  /** The route for a request, with decoded path parameters; throws the 404 Intercom answers. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } {
    for (const route of this.routes) {
      if (route.operation.method !== method) continue
      const m = route.pattern.exec(path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '')
      })
      return { route, params }
    }
    throw new ApiError(404, 'not_found', `Resource Not Found: ${method} ${path} is not an endpoint of the sandbox`)
  }

  static authorize(route: Route, grant: TokenGrant): void {
    if (route.permission && !grant.permissions.has(route.permission)) {
      throw new ApiError(403, 'forbidden', `You do not have the required scope (${route.permission}) to access this resource`)
    }
  }
}
