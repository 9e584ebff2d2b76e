// Matches a request to one of the implemented spec operations and checks the token's permission
// for it, using the catalog's permission map (conditions included). Operations of the spec that
// the sandbox does not implement are still authorized first, then answered 404: like Intercom's
// before-filters, the permission check comes before the body is read or an id is looked up.
import { catalog, operationById, type CatalogOperation } from '../../shared/intercom/catalog'
import { needApplies, permissionFor, type PermissionNeed } from '../../shared/intercom/permissions'
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
  needs: readonly PermissionNeed[]
  /** null: a spec operation the sandbox does not implement (answered 404 after the permission check). */
  handler: Handler | null
}

const needsOf = (operation: SandboxOperation | CatalogOperation) =>
  operationById(operation.operationId)?.needs ?? permissionFor(operation).needs

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
    const implemented = new Set<string>(SANDBOX_OPERATIONS.map((o) => o.operationId))
    const route = (operation: SandboxOperation | CatalogOperation, handler: Handler | null): Route => ({
      operation,
      ...compile(operation.path),
      needs: needsOf(operation),
      handler
    })
    const byParams = (a: Route, b: Route) => a.paramNames.length - b.paramNames.length
    // Implemented routes first; the rest of the spec only to authorize before answering 404.
    this.routes = [
      ...SANDBOX_OPERATIONS.map((operation) => route(operation, handlers[operation.operationId])).sort(byParams),
      ...catalog.operations
        .filter((o) => !implemented.has(o.operationId))
        .map((o) => route(o, null))
        .sort(byParams)
    ]
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

  /** Throws Intercom's 403 naming the first scope the request needs and the token lacks. */
  static authorize(route: Route, grant: TokenGrant, query: URLSearchParams = new URLSearchParams()): void {
    const context = { oauth: grant.oauth, query: Object.fromEntries(query) }
    const missing = route.needs.find((need) => needApplies(need, context) === true && !grant.permissions.has(need.permission))
    if (missing) {
      throw new ApiError(403, 'forbidden', `You do not have the required scope (${missing.permission}) to access this resource`)
    }
  }
}
