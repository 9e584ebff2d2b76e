// The scope inspector: learns which of Intercom's permissions a token holds by sending one safe,
// read-only GET per permission. Write permissions are never probed; they stay "unknown".
import { isAppError } from '../../../shared/errors'
import { PERMISSIONS, type Permission } from '../../../shared/intercom/permissions'
import { RequestDraft } from '../../../shared/model'
import type { Clock } from '../ports'

export type ScopeState = 'granted' | 'denied' | 'unknown'

export interface ScopeResult {
  permission: string
  state: ScopeState
  probe: { method: 'GET'; path: string } | null
  status: number | null
  message: string | null
}

export interface ScopeReport {
  /** ISO time of the check. */
  checkedAt: string
  results: ScopeResult[]
}

/** What a probe needs back: the status and any parsed Intercom errors (an ExecutedResponse fits). */
export interface ProbeAnswer {
  status: number
  intercomErrors: ReadonlyArray<{ code: string; message: string }> | null
}

export interface ProbeSpec {
  path: string
  query?: (now: number) => Record<string, string>
  /** The spec tag of the operation; ties the probe to `permissionFor` (checked by a test). */
  tag: string
}

const onePerPage = () => ({ per_page: '1' })

/** One cheap list read per permission that has one. Everything here is a GET. */
export const SCOPE_PROBES: Readonly<Record<string, ProbeSpec>> = {
  read_users_companies: { path: '/contacts', query: onePerPage, tag: 'Contacts' },
  read_tags: { path: '/tags', tag: 'Tags' },
  read_conversations: { path: '/conversations', query: onePerPage, tag: 'Conversations' },
  read_tickets: { path: '/ticket_types', tag: 'Ticket Types' },
  export_message_data: { path: '/export/reporting_data/get_datasets', tag: 'Reporting Data Export' },
  read_admins: { path: '/admins', tag: 'Admins' },
  // The activity log requires a start time; the last day keeps the answer small.
  read_admin_activity_logs: {
    path: '/admins/activity_logs',
    query: (now) => ({ created_at_after: String(Math.floor(now / 1000) - 86_400) }),
    tag: 'Admins'
  },
  read_news: { path: '/news/news_items', tag: 'News' },
  read_articles_scope: { path: '/articles', query: onePerPage, tag: 'Articles' },
  read_data_connectors: { path: '/data_connectors', query: onePerPage, tag: 'Data Connectors' }
}

const NOT_PROBED_WRITE = 'Not probed: checking it would need a write request.'
const NOT_PROBED_READ =
  'Not probed: no read-only request checks this permission on its own (it needs an existing id or has no list endpoint).'

function probeRequest(spec: ProbeSpec, now: number): { draft: RequestDraft; display: string } {
  const query = Object.entries(spec.query?.(now) ?? {}).map(([name, value]) => ({ name, value, enabled: true }))
  const draft = RequestDraft.parse({ method: 'GET', path: spec.path, query })
  const qs = new URLSearchParams(query.map((q): [string, string] => [q.name, q.value])).toString()
  return { draft, display: qs ? `${spec.path}?${qs}` : spec.path }
}

const firstMessage = (answer: ProbeAnswer) => answer.intercomErrors?.find((e) => e.message)?.message ?? null
const hasCode = (answer: ProbeAnswer, code: string) => answer.intercomErrors?.some((e) => e.code === code) ?? false

/** What one probe answer says about its permission; `fatal` when the token itself failed. */
function judge(answer: ProbeAnswer): { state: ScopeState; message: string | null; fatal?: true } {
  const { status } = answer
  if (status >= 200 && status < 300) return { state: 'granted', message: null }
  // Older integrations get 401 token_unauthorized for a missing permission rather than 403.
  if (status === 401 && hasCode(answer, 'token_unauthorized'))
    return { state: 'denied', message: firstMessage(answer) ?? 'Missing permission.' }
  if (status === 401) {
    const revoked = hasCode(answer, 'token_revoked')
    return {
      state: 'unknown',
      message: revoked
        ? 'Token revoked: re-authorize or generate a new token.'
        : `Token invalid${firstMessage(answer) ? `: ${firstMessage(answer)}` : ''}.`,
      fatal: true
    }
  }
  if (status === 403 && hasCode(answer, 'api_plan_restricted'))
    return { state: 'unknown', message: "The workspace's plan does not include this feature, so the permission could not be checked." }
  if (status === 403) return { state: 'denied', message: firstMessage(answer) ?? 'Forbidden.' }
  if (status === 404) return { state: 'unknown', message: 'The probe endpoint was not found for this workspace or API version.' }
  if (status === 429) return { state: 'unknown', message: 'Rate limited; check again in a few seconds.' }
  return { state: 'unknown', message: `The probe was answered with ${status}${firstMessage(answer) ? `: ${firstMessage(answer)}` : ''}.` }
}

export interface ProbeScopesOptions {
  /** Sends one GET with the workspace's credential (build + execute). */
  send: (draft: RequestDraft) => Promise<ProbeAnswer>
  clock: Clock
  /** Defaults to all of Intercom's permissions. */
  permissions?: readonly Permission[]
}

/** Probes each permission in turn; stops early when the token itself is refused or unreachable. */
export async function probeScopes({ send, clock, permissions = PERMISSIONS }: ProbeScopesOptions): Promise<ScopeReport> {
  const now = clock.now()
  const results: ScopeResult[] = []
  let fatal: string | null = null
  let tokenRefused = false
  for (const perm of permissions) {
    const spec = SCOPE_PROBES[perm.id]
    if (!spec || perm.access === 'write') {
      results.push({
        permission: perm.id,
        state: 'unknown',
        probe: null,
        status: null,
        message: perm.access === 'write' ? NOT_PROBED_WRITE : NOT_PROBED_READ
      })
      continue
    }
    const { draft, display } = probeRequest(spec, now)
    const probe = { method: 'GET' as const, path: display }
    if (fatal) {
      results.push({ permission: perm.id, state: 'unknown', probe, status: null, message: fatal })
      continue
    }
    try {
      const answer = await send(draft)
      const verdict = judge(answer)
      results.push({ permission: perm.id, state: verdict.state, probe, status: answer.status, message: verdict.message })
      if (verdict.fatal) {
        fatal = verdict.message
        tokenRefused = true
      }
    } catch (err) {
      if (isAppError(err) && err.code === 'cancelled') throw err
      fatal = isAppError(err) ? err.message : 'The probe request failed.'
      results.push({ permission: perm.id, state: 'unknown', probe, status: null, message: fatal })
    }
  }
  // A refused token says nothing about any permission, including those probed before it failed.
  const settled = tokenRefused ? results.map((r) => (r.probe === null ? r : { ...r, state: 'unknown' as const, message: fatal })) : results
  return { checkedAt: new Date(now).toISOString(), results: settled }
}

/** The state of one permission in a report ('unknown' if absent). */
export function permissionState(report: ScopeReport | null, permission: string | null): ScopeState {
  return report?.results.find((r) => r.permission === permission)?.state ?? 'unknown'
}
