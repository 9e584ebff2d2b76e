// What one answer says about a token's permissions, and how new knowledge replaces old. Used by the
// probes and by every response to a request the user sends, so the two can never disagree.
import type { ScopeResult } from '../../../shared/contract/scopes'
import type { CatalogOperation } from '../../../shared/intercom/catalog'
import { needApplies, scopesNamedIn, type NeedContext } from '../../../shared/intercom/permissions'

export type Finding = ScopeResult

export interface Answer {
  status: number
  intercomErrors: ReadonlyArray<{ code: string; message: string }> | null
}

export const errorText = (answer: Answer) => (answer.intercomErrors ?? []).map((e) => e.message).join(' ')
export const firstMessage = (answer: Answer) => answer.intercomErrors?.find((e) => e.message)?.message ?? null
export const hasCode = (answer: Answer, code: string) => answer.intercomErrors?.some((e) => e.code === code) ?? false

/** A refusal that is about permissions: 403 (other than a plan restriction), or older integrations' 401 token_unauthorized. */
export function isPermissionRefusal(answer: Answer): boolean {
  if (answer.status === 403) return !hasCode(answer, 'api_plan_restricted')
  return answer.status === 401 && hasCode(answer, 'token_unauthorized')
}

/** The scopes a refusal names in its messages ("You do not have the required scope (read_admins) …"). */
export const scopesNamedBy = (answer: Answer): string[] => scopesNamedIn(errorText(answer))

/** The scope Intercom's wording names, even one we do not know ("… required scope (read_foo) …"); null when it names none. */
export function scopeWordingNames(answer: Answer): string | null {
  return /required scope \(([^)\s]+)\)/i.exec(errorText(answer))?.[1] ?? null
}

export interface SentRequest {
  method: string
  /** The path as sent (placeholders filled), without the query. */
  path: string
  query: Readonly<Record<string, string>>
}

/**
 * " (inferred: …)" when the map only infers that this operation needs this permission: a state
 * resting on that answer is then only as good as the inference, and says so.
 */
export function inferredNote(op: Pick<CatalogOperation, 'needs'> | null, permission: string): string {
  const need = op?.needs.find((n) => n.permission === permission)
  return need?.source === 'inferred' ? ` (that it needs ${permission} is ${need.basis}, not documented)` : ''
}

/**
 * What the answer to a request the user sent teaches: a 2xx grants every permission the operation
 * needs for this credential and these parameters; a refusal that names scopes denies those; a
 * refusal naming none denies the operation's one applicable permission.
 */
export function learnFromAnswer(
  op: CatalogOperation | null,
  request: SentRequest,
  answer: Answer,
  context: { oauth: boolean; at: string }
): Finding[] {
  const needContext: NeedContext = { oauth: context.oauth, query: request.query }
  const applicable = (op?.needs ?? []).filter((n) => needApplies(n, needContext) === true).map((n) => n.permission)
  const base = {
    evidence: 'response' as const,
    request: { method: request.method, path: request.path },
    status: answer.status,
    at: context.at
  }
  if (answer.status >= 200 && answer.status < 300) {
    return [...new Set(applicable)].map((permission) => ({
      ...base,
      permission,
      state: 'granted',
      message: `${request.method} ${request.path} answered ${answer.status}${inferredNote(op, permission)}.`
    }))
  }
  if (!isPermissionRefusal(answer)) return []
  const named = scopesNamedBy(answer)
  // A refusal naming a scope we do not know says nothing of the operation's own permission.
  const denied = named.length > 0 ? named : applicable.length === 1 && !scopeWordingNames(answer) ? applicable : []
  // A refusal that names the scope needs no inference; one that names none rests on the map.
  const note = (permission: string) => (named.length > 0 ? '' : inferredNote(op, permission))
  return denied.map((permission) => ({
    ...base,
    permission,
    state: 'denied',
    message: `${firstMessage(answer) ?? 'Refused: missing permission.'}${note(permission)}`
  }))
}

/**
 * Merges new findings into what is known: a granted or denied finding replaces the old one unless
 * the old one rests on a later answer (the newest answer is the truth: a response that came while
 * an inspection ran outlives that inspection's earlier probe); an unknown one never erases knowledge.
 */
export function mergeFindings(known: readonly Finding[], fresh: readonly Finding[]): Finding[] {
  const byPermission = new Map(known.map((f) => [f.permission, f]))
  for (const f of fresh) {
    const old = byPermission.get(f.permission)
    const newer = !old?.at || !f.at || f.at >= old.at
    if (!old || old.state === 'unknown' || (f.state !== 'unknown' && newer)) byPermission.set(f.permission, f)
  }
  return [...byPermission.values()]
}
