// Intercom's app permissions ("scopes") and the rule that maps an operation to the one it needs.
// Names and tiers follow Intercom's "OAuth Scopes" page; snake_case ids are ours, except where the
// spec names a machine identifier (read_conversations, read_articles_scope, ...), which we keep as is.
// Only spec-named scopes count as documented; everything else is inferred and labelled so.

export type PermissionTier = 'standard' | 'extended' | 'unlisted'
export type PermissionGroup =
  | 'people'
  | 'companies'
  | 'conversations'
  | 'tickets'
  | 'teams_and_teammates'
  | 'tags'
  | 'events'
  | 'workspace_counts'
  | 'data_attributes'
  | 'content'
  | 'exports'
  | 'platform'

/** Each group's heading, the same on the sandbox's consent page and in the Scopes view. */
export const PERMISSION_GROUP_LABELS: Record<PermissionGroup, string> = {
  people: 'People',
  companies: 'Companies',
  conversations: 'Conversations',
  tickets: 'Tickets',
  teams_and_teammates: 'Teams and teammates',
  tags: 'Tags',
  events: 'Events',
  workspace_counts: 'Workspace counts',
  data_attributes: 'Data attributes',
  content: 'Content',
  exports: 'Exports',
  platform: 'Platform'
}

export interface Permission {
  id: string
  label: string
  tier: PermissionTier
  group: PermissionGroup
  access: 'read' | 'write'
}

const p = (id: string, label: string, tier: PermissionTier, group: PermissionGroup, access: 'read' | 'write'): Permission => ({
  id,
  label,
  tier,
  group,
  access
})

export const PERMISSIONS: readonly Permission[] = [
  // Standard scopes: people and conversation data.
  p('read_users_companies', 'Read and list users and companies', 'standard', 'people', 'read'),
  p('read_single_user_company', 'Read one user and one company', 'standard', 'people', 'read'),
  p('read_write_users', 'Read and write users', 'standard', 'people', 'write'),
  p('write_users_companies', 'Write users and companies', 'standard', 'companies', 'write'),
  p('read_tags', 'Read tags', 'standard', 'tags', 'read'),
  p('write_tags', 'Write tags', 'standard', 'tags', 'write'),
  p('read_conversations', 'Read conversations', 'standard', 'conversations', 'read'),
  p('write_conversations', 'Write conversations', 'standard', 'conversations', 'write'),
  p('delete_conversations_and_metrics', 'Delete conversations and metrics', 'standard', 'conversations', 'write'),
  p('read_events', 'Read events', 'standard', 'events', 'read'),
  p('write_events', 'Write events', 'standard', 'events', 'write'),
  p('read_counts', 'Read counts', 'standard', 'workspace_counts', 'read'),
  p('write_data_attributes', 'Write data attributes', 'standard', 'data_attributes', 'write'),
  p('export_message_data', 'Export message data', 'standard', 'exports', 'read'),
  p('export_content_data', 'Export content data', 'standard', 'exports', 'read'),
  p('read_content', 'Read content data', 'standard', 'content', 'read'),
  p('read_tickets', 'Read tickets', 'standard', 'tickets', 'read'),
  p('write_tickets', 'Write tickets', 'standard', 'tickets', 'write'),
  p('read_write_custom_objects', 'Read and write custom object instances', 'standard', 'platform', 'write'),
  p('read_jobs', 'Read status of jobs', 'standard', 'platform', 'read'),
  // Extended scopes: workspace data, granted only when the app asks for them.
  p('read_admins', 'Read admins', 'extended', 'teams_and_teammates', 'read'),
  p('read_single_admin', 'Read one admin', 'extended', 'teams_and_teammates', 'read'),
  p('update_admins', 'Update admins (away mode)', 'extended', 'teams_and_teammates', 'write'),
  p('read_admin_activity_logs', 'Read admin activity logs', 'extended', 'teams_and_teammates', 'read'),
  p('gather_app_data', 'Read data entered into the app', 'extended', 'platform', 'read'),
  p('read_news', 'Read and list news items and newsfeeds', 'extended', 'content', 'read'),
  p('read_write_news', 'Read and write news items and newsfeeds', 'extended', 'content', 'write'),
  p('read_articles_scope', 'Read and list articles', 'extended', 'content', 'read'),
  p('read_write_articles_scope', 'Read and write articles', 'extended', 'content', 'write'),
  p('phone_call_redirects', 'Create phone call redirects', 'extended', 'platform', 'write'),
  p('read_write_ai_content', 'Read and write AI content', 'extended', 'content', 'write'),
  p('read_data_connectors', 'Read data connectors', 'extended', 'platform', 'read'),
  p('read_write_data_connectors', 'Read and write data connectors', 'extended', 'platform', 'write'),
  // Identifiers the spec names that the scopes page does not list.
  p('write_content', 'Write content (spec identifier)', 'unlisted', 'content', 'write'),
  p('read_write_content_snippets', 'Read and write content snippets (spec identifier)', 'unlisted', 'content', 'write'),
  p('read_help_center_redirects_scope', 'Read help center redirects (spec identifier)', 'unlisted', 'content', 'read'),
  p('read_write_help_center_redirects_scope', 'Write help center redirects (spec identifier)', 'unlisted', 'content', 'write'),
  p('manage_ip_allowlist', 'Manage IP allowlist (spec identifier)', 'unlisted', 'platform', 'write'),
  p('read_write_office_hours', 'Read and write office hours (spec identifier)', 'unlisted', 'platform', 'write')
]

const byId = new Map(PERMISSIONS.map((perm) => [perm.id, perm]))

export function permissionById(id: string): Permission | undefined {
  return byId.get(id)
}

export const STANDARD_PERMISSION_IDS = PERMISSIONS.filter((x) => x.tier === 'standard').map((x) => x.id)
export const ALL_PERMISSION_IDS = PERMISSIONS.map((x) => x.id)

export type PermissionSource = 'documented' | 'inferred' | 'unknown'

/** When a permission is needed only for some credentials or parameters. */
export interface PermissionCondition {
  /** The condition in a person's words ("only for OAuth tokens"). */
  text: string
  /** Needed only for this kind of credential. */
  credential?: 'oauth'
  /** Needed only when this query parameter has this value. */
  query?: { name: string; value: string }
  /** True when the request alone cannot tell (it depends on the data, e.g. "when the secondary is a ticket"). */
  undecidable?: boolean
}

/** One permission an operation needs, why we think so, and when. */
export interface PermissionNeed {
  permission: string
  source: 'documented' | 'inferred'
  /** Where the knowledge comes from, or what it was inferred from. */
  basis: string
  /** null: always needed. */
  condition: PermissionCondition | null
}

export interface RequiredPermission {
  /** The main permission: the first unconditional need, else the first conditional one; null when nothing suggests one. */
  permission: string | null
  source: PermissionSource
  /** Every permission the operation needs, conditional ones included. */
  needs: PermissionNeed[]
}

/** A scope the spec names, and where in the spec it is named. */
export interface SpecScope {
  id: string
  /** 'description' | '403 example' | 'tag description' | 'parameter description' */
  where: string
}

export interface OperationShape {
  method: string
  path: string
  /** Spec tags; the first one is the primary group. */
  tags: readonly string[]
  /** Scope identifiers the spec names for this operation, in order of mention. */
  specScopes?: readonly (SpecScope | string)[]
}

/** Scope ids a text names (a description, a 403 message), in order of first mention. */
export function scopesNamedIn(text: string): string[] {
  return ALL_PERMISSION_IDS.map((id) => ({ id, at: text.search(new RegExp(`\\b${id}\\b`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.id)
}

type Rule = (op: OperationShape, isRead: boolean) => string | null

const readWrite =
  (read: string, write: string): Rule =>
  (_op, isRead) =>
    isRead ? read : write

/** An operation that reads one item by id (GET /contacts/{id}). */
const isSingleItemRead = (op: OperationShape) => op.method === 'GET' && /\/\{[^}]+\}$/.test(op.path)

const peopleRule: Rule = (op, isRead) =>
  isRead ? (isSingleItemRead(op) ? 'read_single_user_company' : 'read_users_companies') : 'write_users_companies'

const adminsRule: Rule = (op, isRead) => {
  if (op.path.startsWith('/admins/activity_log')) return 'read_admin_activity_logs'
  if (!isRead) return 'update_admins'
  return isSingleItemRead(op) ? 'read_single_admin' : 'read_admins'
}

const peopleReadWrite = readWrite('read_users_companies', 'write_users_companies')
const conversationsReadWrite = readWrite('read_conversations', 'write_conversations')

/**
 * Inferred rules by primary tag (facts file §4 table), extended by resource for the groups no
 * source maps: people-like data takes the people scopes, teammate and workspace settings the
 * admin scopes, calls and messages the conversation scopes.
 */
const TAG_RULES: Record<string, Rule> = {
  Admins: adminsRule,
  Contacts: peopleRule,
  Companies: peopleRule,
  Segments: () => 'read_users_companies',
  'Data Attributes': readWrite('read_users_companies', 'write_data_attributes'),
  Tags: readWrite('read_tags', 'write_tags'),
  Banners: () => 'read_write_users',
  Conversations: conversationsReadWrite,
  'Conversations Attributes': conversationsReadWrite,
  Macros: () => 'read_conversations',
  Tickets: readWrite('read_tickets', 'write_tickets'),
  'Ticket Types': readWrite('read_tickets', 'write_tickets'),
  'Ticket Type Attributes': readWrite('read_tickets', 'write_tickets'),
  'Ticket States': readWrite('read_tickets', 'write_tickets'),
  'Data Events': readWrite('read_events', 'write_events'),
  'Data Export': () => 'export_message_data',
  'Reporting Data Export': () => 'export_message_data',
  Workflows: () => 'export_content_data',
  Articles: readWrite('read_articles_scope', 'read_write_articles_scope'),
  'Internal Articles': readWrite('read_articles_scope', 'read_write_articles_scope'),
  'Help Center': readWrite('read_articles_scope', 'read_write_articles_scope'),
  News: readWrite('read_news', 'read_write_news'),
  'AI Content': () => 'read_write_ai_content',
  'Data Connectors': readWrite('read_data_connectors', 'read_write_data_connectors'),
  'Custom Object Instances': () => 'read_write_custom_objects',
  Jobs: () => 'read_jobs',
  Switch: () => 'phone_call_redirects',
  Content: readWrite('read_content', 'write_content'),
  'Content Snippets': () => 'read_write_content_snippets',
  'Office Hours': () => 'read_write_office_hours',
  'IP Allowlist': () => 'manage_ip_allowlist',
  // No source maps these; inferred from the resource they touch.
  Audiences: peopleReadWrite,
  Notes: peopleReadWrite,
  Visitors: peopleReadWrite,
  'Subscription Types': peopleReadWrite,
  Teams: () => 'read_admins',
  'Away Status Reasons': () => 'read_admins',
  Brands: () => 'read_admins',
  Emails: () => 'read_admins',
  Messages: conversationsReadWrite,
  Calls: conversationsReadWrite,
  'Fin Agent': () => 'write_conversations'
}

/**
 * Permissions the spec states only under a condition, keyed by "METHOD path". Each scope here is
 * also named in the spec (or Intercom's reference) text; a test checks the two agree.
 */
const CONDITIONAL_NEEDS: Record<string, PermissionNeed[]> = {
  'GET /me': [
    {
      permission: 'read_admins',
      source: 'documented',
      basis: 'Intercom\'s 2.6 API reference ("OAuth only … requires the Read admins permission")',
      condition: { text: 'only for OAuth tokens; an Access Token calls it freely', credential: 'oauth' }
    }
  ],
  'DELETE /conversations/{conversation_id}': [
    {
      permission: 'delete_conversations_and_metrics',
      source: 'documented',
      basis: 'spec parameter description (retain_metrics)',
      condition: { text: 'only with retain_metrics=false', query: { name: 'retain_metrics', value: 'false' } }
    }
  ],
  'POST /conversations/{id}/merge': [
    {
      permission: 'write_tickets',
      source: 'documented',
      basis: 'spec description',
      condition: { text: 'also when the secondary is a ticket', undecidable: true }
    }
  ]
}

/** Documented outside the 2.16 spec (Intercom's 2.17 reference). */
const DOCUMENTED_ELSEWHERE: Record<string, PermissionNeed> = {
  'GET /companies/{company_id}/contacts': {
    permission: 'read_users_companies',
    source: 'documented',
    basis: "Intercom's 2.17 API reference",
    condition: null
  }
}

/** Searches and listings sent as POST only read. */
const READ_ONLY_POST = /\/(search|list)$/

export function isReadOperation(method: string, path: string): boolean {
  const m = method.toUpperCase()
  return m === 'GET' || (m === 'POST' && READ_ONLY_POST.test(path))
}

/** The permissions an operation needs, and how sure we are of each. */
export function permissionFor(op: OperationShape): RequiredPermission {
  const method = op.method.toUpperCase()
  const key = `${method} ${op.path}`
  const isRead = isReadOperation(method, op.path)
  const conditional = CONDITIONAL_NEEDS[key] ?? []
  const conditionalIds = new Set(conditional.map((n) => n.permission))
  const named = (op.specScopes ?? [])
    .map((s) => (typeof s === 'string' ? { id: s, where: 'description' } : s))
    .filter((s) => byId.has(s.id) && !conditionalIds.has(s.id))
  const seen = new Set<string>()
  let always: PermissionNeed[] = named
    .filter((s) => !seen.has(s.id) && seen.add(s.id))
    .map((s) => ({ permission: s.id, source: 'documented', basis: `spec ${s.where}`, condition: null }))
  if (always.length === 0 && DOCUMENTED_ELSEWHERE[key]) always = [DOCUMENTED_ELSEWHERE[key]]
  // GET /me needs nothing of an Access Token; every other operation needs at least one permission.
  if (always.length === 0 && key !== 'GET /me') {
    const tag = op.tags[0] ?? ''
    const inferred = TAG_RULES[tag]?.({ ...op, method }, isRead) ?? null
    if (inferred) always = [{ permission: inferred, source: 'inferred', basis: `inferred from the ${tag} resource`, condition: null }]
  }
  const needs = [...always, ...conditional]
  const main = needs[0]
  return main ? { permission: main.permission, source: main.source, needs } : { permission: null, source: 'unknown', needs }
}

/** What a request tells about a condition: true (needed), false (not needed), null (cannot tell). */
export interface NeedContext {
  oauth: boolean
  /** Query parameters actually sent; absent when unknown. */
  query?: Readonly<Record<string, string>>
}

export function needApplies(need: PermissionNeed, context: NeedContext): boolean | null {
  const c = need.condition
  if (!c) return true
  if (c.undecidable) return null
  if (c.credential === 'oauth' && !context.oauth) return false
  if (c.query) {
    if (!context.query) return null
    return (context.query[c.query.name] ?? '').toLowerCase() === c.query.value
  }
  return true
}
