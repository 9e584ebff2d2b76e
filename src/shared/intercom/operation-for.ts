import { matchOperation, operationById, type CatalogOperation } from './catalog'

/**
 * Which catalog operation a request is: the one it came from while its method and path still
 * fit it, else the one its method and path match. Main, the explorer and the composer all ask this.
 */
export function operationFor(draft: { method: string; path: string; operationId: string | null }): CatalogOperation | null {
  const origin = draft.operationId ? operationById(draft.operationId) : undefined
  const matched = matchOperation(draft.method, draft.path)?.operation ?? null
  if (origin && origin.method === draft.method && (origin.path === draft.path || matched?.operationId === origin.operationId)) return origin
  return matched
}
