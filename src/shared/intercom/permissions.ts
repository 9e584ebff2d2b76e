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

export interface RequiredPermission {
  /** null when nothing documents or suggests one. */
  permission: string | null
  source: PermissionSource
}

export interface OperationShape {
  method: string
  path: string
  /** Spec tags; the first one is the primary group. */
  tags: readonly string[]
  /** Scope identifiers the spec's description names, if any. */
  specScopes?: readonly string[]
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

/** Inferred rules by primary tag (facts file §4 table). Tags absent here have no known mapping. */
const TAG_RULES: Record<string, Rule> = {
  Admins: adminsRule,
  Contacts: peopleRule,
  Companies: peopleRule,
  Segments: () => 'read_users_companies',
  'Data Attributes': readWrite('read_users_companies', 'write_data_attributes'),
  Tags: readWrite('read_tags', 'write_tags'),
  Banners: () => 'read_write_users',
  Conversations: (op, isRead) =>
    isRead ? 'read_conversations' : op.method === 'DELETE' ? 'delete_conversations_and_metrics' : 'write_conversations',
  'Conversations Attributes': readWrite('read_conversations', 'write_conversations'),
  Macros: () => 'read_conversations',
  Tickets: readWrite('read_tickets', 'write_tickets'),
  'Ticket Types': readWrite('read_tickets', 'write_tickets'),
  'Ticket Type Attributes': readWrite('read_tickets', 'write_tickets'),
  'Ticket States': readWrite('read_tickets', 'write_tickets'),
  'Data Events': readWrite('read_events', 'write_events'),
  'Data Export': () => 'export_message_data',
  'Reporting Data Export': () => 'export_message_data',
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
  'IP Allowlist': () => 'manage_ip_allowlist'
}

/** Searches and listings sent as POST only read. */
const READ_ONLY_POST = /\/(search|list)$/

/** The permission an operation needs, and how sure we are of it. */
export function permissionFor(op: OperationShape): RequiredPermission {
  const method = op.method.toUpperCase()
  const isRead = method === 'GET' || (method === 'POST' && READ_ONLY_POST.test(op.path))
  const specScopes = (op.specScopes ?? []).filter((s) => byId.has(s))
  // The spec names the scope for a handful of operations; take its most demanding one.
  if (specScopes.length > 0) {
    return { permission: specScopes[0] ?? null, source: 'documented' }
  }
  // GET /me: the 2.6 reference says it requires "Read admins".
  if (method === 'GET' && op.path === '/me') return { permission: 'read_admins', source: 'documented' }
  const rule = TAG_RULES[op.tags[0] ?? '']
  const permission = rule ? rule({ ...op, method }, isRead) : null
  return permission ? { permission, source: 'inferred' } : { permission: null, source: 'unknown' }
}
