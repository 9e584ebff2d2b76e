// The scope inspector's probes. Intercom does not tell a token its permissions, so each one is
// checked with a request that cannot change data, chosen from the catalog's permission map:
//  - a read-only list GET (one item);
//  - a read-only GET of one item, by an id taken from a list probe or by an id that cannot exist
//    (404 = the permission check passed, 403 = it failed);
//  - opt-in, for write permissions: a DELETE or PUT on an id that cannot exist, or a POST
//    whose body lacks a field the spec marks required. These rest on Intercom checking permissions
//    before it looks up an id or validates a body (the embedded sandbox does; for Intercom it is an
//    inference), so their results are labelled "inferred from a refused request".
import { isAppError } from '../../../shared/errors'
import { catalog, type CatalogOperation, type CatalogParam } from '../../../shared/intercom/catalog'
import { PERMISSIONS, type Permission, type PermissionNeed } from '../../../shared/intercom/permissions'
import { RequestDraft } from '../../../shared/model'
import type { Clock } from '../ports'
import {
  firstMessage,
  hasCode,
  inferredNote,
  isPermissionRefusal,
  scopesNamedBy,
  scopeWordingNames,
  type Answer,
  type Finding
} from './findings'

export type ScopeState = Finding['state']
export type { Finding }

/** What a probe needs back: status, parsed Intercom errors and, for list probes, the body text. */
export interface ProbeAnswer extends Answer {
  bodyText?: string | null
}

type ProbeKind = 'list' | 'item' | 'refused'

export interface Probe {
  permission: string
  kind: ProbeKind
  operation: CatalogOperation
  method: string
  /** Query parameters sent (required ones filled, a condition met). */
  query: Record<string, string>
  body: string | null
  /** Why this request cannot change data. */
  reason: string
}

const NO_SUCH_ID = 'token-desk-no-such-id'

/** An id no workspace has: integers get 0, strings a name that says what it is. */
const impossibleId = (param: CatalogParam) => (param.type === 'integer' || param.type === 'number' ? '0' : NO_SUCH_ID)

const pathParamsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')

/**
 * How a read probe fills a required query parameter: a recent start time, the one valid type, or
 * (for the events list, whose filter names a user) a user id that cannot exist.
 */
const QUERY_FILLERS: Record<string, (now: number) => { query: Record<string, string>; impossible?: true }> = {
  created_at_after: (now) => ({ query: { created_at_after: String(Math.floor(now / 1000) - 86_400) } }),
  type: () => ({ query: { type: 'user' } }),
  filter: () => ({ query: { intercom_user_id: NO_SUCH_ID }, impossible: true })
}

/** The query a read probe must send, and whether it names something that cannot exist; null when it cannot be filled. */
function requiredQuery(op: CatalogOperation, now: number): { query: Record<string, string>; impossible: boolean } | null {
  const query: Record<string, string> = {}
  let impossible = false
  for (const q of op.queryParams) {
    if (q.name === 'per_page') query.per_page = '1'
    if (!q.required) continue
    const filler = QUERY_FILLERS[q.name]?.(now)
    if (!filler) return null
    Object.assign(query, filler.query)
    impossible ||= filler.impossible === true
  }
  return { query, impossible }
}

/** The condition's query value when the need applies only with it (retain_metrics=false); null when it cannot be met by a request. */
function conditionQuery(need: PermissionNeed): Record<string, string> | null {
  if (!need.condition) return {}
  if (need.condition.query && !need.condition.credential && !need.condition.undecidable)
    return { [need.condition.query.name]: need.condition.query.value }
  return null
}

const MAX_CANDIDATES = 3

/**
 * The probes for one permission, safest and most telling first: list GETs, then item GETs, then
 * (only when `writes`) refused writes. Only operations that need nothing else are used, so an
 * answer speaks of this permission alone; a conditional need is probed by meeting its condition
 * (retain_metrics=false), and a refusal then names whichever scope is missing.
 */
export function probesFor(permission: Permission, { writes, now }: { writes: boolean; now: number }): Probe[] {
  const lists: Probe[] = []
  const items: Probe[] = []
  const refused: Probe[] = []
  for (const operation of catalog.operations) {
    const need = operation.needs.find((n) => n.permission === permission.id)
    if (!need) continue
    const others = operation.needs.filter((n) => n !== need && n.condition === null)
    const extraQuery = conditionQuery(need)
    if (others.length > 0 && need.condition === null) continue
    if (!extraQuery) continue
    const params = pathParamsOf(operation.path)
    if (operation.method === 'GET') {
      const filled = requiredQuery(operation, now)
      if (!filled) continue
      const probe = { permission: permission.id, operation, method: 'GET', query: { ...filled.query, ...extraQuery }, body: null }
      if (params.length === 0 && !filled.impossible) lists.push({ ...probe, kind: 'list', reason: 'A read-only GET.' })
      else items.push({ ...probe, kind: 'item', reason: 'A read-only GET of one item.' })
      continue
    }
    if (!writes) continue
    // Only the two shapes Intercom must refuse: a DELETE or PUT on an id that cannot exist, and a
    // POST whose body lacks a field the spec marks required.
    const names = params.map((p) => `{${p}}`).join(', ')
    if (params.length > 0 && (operation.method === 'DELETE' || operation.method === 'PUT')) {
      refused.push({
        permission: permission.id,
        kind: 'refused',
        operation,
        method: operation.method,
        query: extraQuery,
        body: operation.hasBody ? '{}' : null,
        reason: `Its ${names} ${params.length > 1 ? 'are ids' : 'is an id'} that cannot exist, so there is nothing to change.`
      })
    } else if (operation.method === 'POST' && operation.requiredBodyFields.length > 0) {
      const ids = params.length > 0 ? `, and its ${names} ${params.length > 1 ? 'are ids' : 'is an id'} that cannot exist` : ''
      refused.push({
        permission: permission.id,
        kind: 'refused',
        operation,
        method: 'POST',
        query: extraQuery,
        body: '{}',
        reason: `Its body is empty, but the spec requires ${operation.requiredBodyFields.map((f) => `"${f}"`).join(', ')}${ids}, so it must be refused.`
      })
    }
  }
  // Documented needs first, then the permission's own resource (Read admins: /admins before
  // /teams), then the plainest path (/contacts before /contacts/{id}/notes).
  const label = permission.label.toLowerCase()
  const ownResource = (p: Probe) => label.includes(p.operation.group.toLowerCase().replace(/s$/, ''))
  const plain = (a: Probe, b: Probe) =>
    Number(b.operation.permissionSource === 'documented') - Number(a.operation.permissionSource === 'documented') ||
    Number(ownResource(b)) - Number(ownResource(a)) ||
    a.operation.path.length - b.operation.path.length
  lists.sort(plain)
  items.sort(plain)
  // DELETE before PUT before POST: the fewer side paths a refused request has, the better.
  const order = ['DELETE', 'PUT', 'POST']
  refused.sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method) || plain(a, b))
  return [...lists, ...items, ...refused].slice(0, MAX_CANDIDATES)
}

/** The concrete request of a probe; item ids come from `ids` (first item of a list probe) when known. */
export function probeRequest(probe: Probe, ids: ReadonlyMap<string, string>): { draft: RequestDraft; path: string; display: string } {
  const params = pathParamsOf(probe.operation.path)
  const byName = new Map(probe.operation.pathParams.map((p) => [p.name, p]))
  const parent = probe.operation.path.replace(/\/\{[^}]+\}$/, '')
  const values = Object.fromEntries(
    params.map((name, i) => {
      const known = probe.kind === 'item' && i === params.length - 1 ? ids.get(parent) : undefined
      return [name, known ?? impossibleId(byName.get(name) ?? { name, type: 'string', required: true })]
    })
  )
  const path = probe.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))
  const query = Object.entries(probe.query).map(([name, value]) => ({ name, value, enabled: true }))
  const draft = RequestDraft.parse({
    method: probe.method,
    path,
    query,
    body: probe.body,
    headers: probe.body === null ? [] : [{ name: 'Content-Type', value: 'application/json', enabled: true }],
    operationId: probe.operation.operationId
  })
  const qs = new URLSearchParams(Object.entries(probe.query)).toString()
  return { draft, path, display: qs ? `${path}?${qs}` : path }
}

/** The id of the first item in a list answer, if any. */
function firstId(bodyText: string | null | undefined, listKey: string | null): string | null {
  if (!bodyText) return null
  try {
    let node: unknown = JSON.parse(bodyText)
    for (const key of (listKey ?? 'data').split('.')) node = (node as Record<string, unknown> | null)?.[key]
    const first = Array.isArray(node) ? (node[0] as { id?: unknown } | undefined) : undefined
    return typeof first?.id === 'string' || typeof first?.id === 'number' ? String(first.id) : null
  } catch {
    return null
  }
}

interface Judgement {
  state: ScopeState
  message: string
  /** The answer settles this permission (granted or denied); otherwise the next probe is tried. */
  conclusive: boolean
  /** The token itself failed: nothing more can be learned. */
  fatal?: true
  /** Other permissions the refusal named, denied by it. */
  alsoDenied?: string[]
}

function judge(probe: Probe, usedListId: boolean, answer: ProbeAnswer): Judgement {
  const { status } = answer
  const detail = firstMessage(answer)
  if (status >= 200 && status < 300) return { state: 'granted', conclusive: true, message: `Answered ${status}.` }
  if (status === 401 && !hasCode(answer, 'token_unauthorized')) {
    const revoked = hasCode(answer, 'token_revoked')
    return {
      state: 'unknown',
      conclusive: false,
      fatal: true,
      message: revoked ? 'Token revoked: re-authorize or generate a new token.' : `Token invalid${detail ? `: ${detail}` : ''}.`
    }
  }
  if (status === 403 && hasCode(answer, 'api_plan_restricted'))
    return {
      state: 'unknown',
      conclusive: false,
      message: "The workspace's plan does not include this feature, so the permission could not be checked."
    }
  if (isPermissionRefusal(answer)) {
    const named = scopesNamedBy(answer)
    const unknownName = named.length === 0 ? scopeWordingNames(answer) : null
    if (unknownName)
      return {
        state: 'unknown',
        conclusive: false,
        message: `The answer named a scope Token Desk does not know (${unknownName}), so it says nothing of this one.`
      }
    if (named.length === 0 || named.includes(probe.permission))
      return {
        state: 'denied',
        conclusive: true,
        message: detail ?? 'Refused: missing permission.',
        alsoDenied: named.filter((n) => n !== probe.permission)
      }
    return {
      state: 'unknown',
      conclusive: false,
      alsoDenied: named,
      message: `The answer named another permission (${named.join(', ')}), so it says nothing of this one.`
    }
  }
  const impossible = probe.kind !== 'list' && !usedListId && (probe.operation.pathParams.length > 0 || probe.method === 'GET')
  if (status === 404 && impossible)
    return { state: 'granted', conclusive: true, message: '404 for an id that cannot exist: the permission check passed.' }
  if (probe.kind === 'refused' && (status === 400 || status === 422))
    return { state: 'granted', conclusive: true, message: `${status}: refused for its missing field after the permission check passed.` }
  if (status === 404)
    return { state: 'unknown', conclusive: false, message: 'Not found: this endpoint is not available to this workspace or API version.' }
  if (status === 429) return { state: 'unknown', conclusive: false, message: 'Rate limited; check again in a few seconds.' }
  return { state: 'unknown', conclusive: false, message: `Answered ${status}${detail ? `: ${detail}` : ''}; that does not tell.` }
}

const NO_OPERATION =
  'No operation of the 2.16 API needs this permission on its own (it gates webhooks, Canvas Kit or retired endpoints), so no request can check it.'
const WRITES_OFF = 'A write permission: turn on “Check write permissions without changing data” to check it with a refused request.'

export interface ProbeScopesOptions {
  /** Sends one request with the workspace's credential (build + execute). */
  send: (draft: RequestDraft) => Promise<ProbeAnswer>
  clock: Clock
  /** Also send the refused write requests. */
  writes?: boolean
  /** Defaults to all of Intercom's permissions. */
  permissions?: readonly Permission[]
}

export interface ProbeOutcome {
  checkedAt: string
  results: Finding[]
  /** The token itself was refused or unreachable: every state is unknown. */
  fatal: boolean
}

/** Probes each permission in turn; stops early when the token itself is refused or unreachable. */
export async function probeScopes({ send, clock, writes = false, permissions = PERMISSIONS }: ProbeScopesOptions): Promise<ProbeOutcome> {
  const now = clock.now()
  const results: Finding[] = []
  const sideDenials = new Map<string, Finding>()
  const ids = new Map<string, string>()
  let fatal: string | null = null
  const parentOf = (probe: Probe) => probe.operation.path.replace(/\/\{[^}]+\}$/, '')
  for (const perm of permissions) {
    // An item read by an id a list probe returned says more than one by an impossible id.
    const listed = (p: Probe) => Number(p.kind === 'item' && ids.has(parentOf(p)))
    const probes = probesFor(perm, { writes, now }).sort((a, b) => listed(b) - listed(a))
    const none = { permission: perm.id, state: 'unknown' as const, evidence: 'none' as const, request: null, status: null, at: null }
    if (probes.length === 0) {
      const hasWrites = probesFor(perm, { writes: true, now }).length > 0
      results.push({ ...none, message: hasWrites && !writes ? WRITES_OFF : NO_OPERATION })
      continue
    }
    if (fatal) {
      results.push({ ...none, message: fatal })
      continue
    }
    let last: Finding | null = null
    for (const probe of probes) {
      const { draft, display } = probeRequest(probe, ids)
      const usedListId = listed(probe) === 1
      const request = { method: probe.method, path: display }
      const evidence = probe.kind === 'refused' ? ('refused-request' as const) : ('probe' as const)
      try {
        const answer = await send(draft)
        const at = new Date(clock.now()).toISOString()
        const verdict = judge(probe, usedListId, answer)
        if (probe.kind === 'list' && verdict.state === 'granted') {
          const id = firstId(answer.bodyText, probe.operation.listKey)
          if (id) ids.set(probe.operation.path, id)
        }
        for (const other of verdict.alsoDenied ?? [])
          sideDenials.set(other, {
            permission: other,
            state: 'denied',
            evidence,
            request,
            status: answer.status,
            at,
            message: firstMessage(answer)
          })
        // A state that rests on the map's inference for this endpoint says so (a 403 naming the scope does not).
        const note = verdict.conclusive && scopesNamedBy(answer).length === 0 ? inferredNote(probe.operation, perm.id) : ''
        const message = `${probe.kind === 'refused' && verdict.conclusive ? 'Inferred from a refused request: ' : ''}${verdict.message}${note}`
        last = {
          permission: perm.id,
          state: verdict.state,
          evidence: verdict.conclusive ? evidence : 'none',
          request,
          status: answer.status,
          at,
          message
        }
        if (verdict.fatal) fatal = verdict.message
        if (verdict.conclusive || verdict.fatal) break
      } catch (err) {
        if (isAppError(err) && err.code === 'cancelled') throw err
        fatal = isAppError(err) ? err.message : 'The probe request failed.'
        last = { ...none, request, message: fatal }
        break
      }
    }
    results.push(last ?? { ...none, message: NO_OPERATION })
  }
  if (fatal) {
    // A refused token says nothing about any permission, including those probed before it failed.
    const reason = fatal
    return {
      checkedAt: new Date(now).toISOString(),
      fatal: true,
      results: results.map((r) => ({ ...r, state: 'unknown', evidence: 'none', message: r.request ? reason : r.message }))
    }
  }
  // A refusal naming another permission settles that one, unless its own probe found otherwise.
  const settled = results.map((r) =>
    r.state === 'unknown' && sideDenials.has(r.permission) ? (sideDenials.get(r.permission) as Finding) : r
  )
  return { checkedAt: new Date(now).toISOString(), results: settled, fatal: false }
}

/** The write probes an inspection with `writes` would send, with why each cannot change data. */
export function plannedWriteProbes(now: number): { permission: string; method: string; path: string; reason: string }[] {
  return PERMISSIONS.flatMap((perm) =>
    probesFor(perm, { writes: true, now })
      .filter((probe) => probe.kind === 'refused')
      .map((probe) => ({ permission: perm.id, method: probe.method, path: probeRequest(probe, new Map()).display, reason: probe.reason }))
  )
}

/** The state of one permission in a list of results ('unknown' if absent). */
export function permissionState(results: readonly Finding[] | null, permission: string | null): ScopeState {
  return results?.find((r) => r.permission === permission)?.state ?? 'unknown'
}
