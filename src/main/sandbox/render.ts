// Turns stored records into the JSON shapes of Intercom's 2.16 schemas.
import type {
  AdminRecord,
  CompanyRecord,
  ContactRecord,
  ConversationPartRecord,
  ConversationRecord,
  TagRecord,
  TeamRecord,
  WorkspaceData
} from './data'

const AVATAR_URL = 'https://static.intercomassets.com/assets/default-avatars/admins/128.png'

export function renderAdmin(admin: AdminRecord) {
  return {
    type: 'admin',
    id: admin.id,
    name: admin.name,
    email: admin.email,
    job_title: admin.jobTitle,
    away_mode_enabled: false,
    away_mode_reassign: false,
    away_status_reason_id: null,
    has_inbox_seat: true,
    team_ids: admin.teamIds,
    avatar: AVATAR_URL
  }
}

export function renderMe(ws: WorkspaceData, admin: AdminRecord) {
  const { avatar: _avatar, away_status_reason_id: _reason, ...base } = renderAdmin(admin)
  return {
    ...base,
    avatar: { type: 'avatar', image_url: AVATAR_URL },
    email_verified: true,
    app: {
      type: 'app',
      id_code: ws.profile.appIdCode,
      name: ws.profile.appName,
      created_at: ws.profile.createdAt,
      secure: false,
      identity_verification: false,
      timezone: ws.profile.timezone,
      region: ws.profile.region
    }
  }
}

export function renderTeam(team: TeamRecord) {
  return { type: 'team', id: team.id, name: team.name, admin_ids: team.adminIds, admin_priority_level: null }
}

export const renderTagBasic = (tag: TagRecord) => ({ type: 'tag', id: tag.id, name: tag.name })

export function renderContact(ws: WorkspaceData, c: ContactRecord) {
  const tagIds = c.tagIds.filter((id) => ws.tags.has(id))
  const companyIds = c.companyIds.filter((id) => ws.companies.has(id))
  return {
    type: 'contact',
    id: c.id,
    workspace_id: ws.profile.appIdCode,
    external_id: c.externalId,
    role: c.role,
    email: c.email,
    email_domain: c.email.split('@')[1] ?? '',
    phone: c.phone,
    name: c.name,
    owner_id: c.ownerId,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: c.unsubscribed,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    signed_up_at: c.signedUpAt,
    last_seen_at: c.lastSeenAt,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: c.browser,
    browser_version: null,
    browser_language: null,
    os: c.os,
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: c.customAttributes,
    avatar: { type: 'avatar', image_url: null },
    tags: addressableList('tag', tagIds, '/tags', `/contacts/${c.id}/tags`),
    notes: addressableList('note', [], '/notes', `/contacts/${c.id}/notes`),
    companies: addressableList('company', companyIds, '/companies', `/contacts/${c.id}/companies`),
    location: { type: 'location', ...c.location },
    social_profiles: { type: 'list', data: [] }
  }
}

function addressableList(type: string, ids: string[], base: string, url: string) {
  return {
    type: 'list',
    data: ids.map((id) => ({ type, id, url: `${base}/${id}` })),
    url,
    total_count: ids.length,
    has_more: false
  }
}

export function renderCompany(ws: WorkspaceData, c: CompanyRecord, userCount: number) {
  return {
    type: 'company',
    id: c.id,
    name: c.name,
    app_id: ws.profile.appIdCode,
    plan: c.plan ? { type: 'plan', id: planId(c.plan), name: c.plan } : {},
    company_id: c.companyId,
    remote_created_at: c.remoteCreatedAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    last_request_at: c.updatedAt,
    size: c.size,
    website: c.website,
    industry: c.industry,
    monthly_spend: c.monthlySpend,
    session_count: c.sessionCount,
    user_count: userCount,
    custom_attributes: c.customAttributes,
    tags: { type: 'tag.list', tags: c.tagIds.flatMap((id) => (ws.tags.has(id) ? [renderTagBasic(ws.tags.get(id) as TagRecord)] : [])) },
    segments: { type: 'segment.list', segments: [] }
  }
}

/** A stable numeric id per plan name. */
function planId(plan: string): string {
  let h = 0
  for (const ch of plan) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 1_000_000
  return String(100_000 + h)
}

function renderPart(part: ConversationPartRecord) {
  return {
    type: 'conversation_part',
    id: part.id,
    part_type: part.partType,
    body: part.body,
    created_at: part.createdAt,
    updated_at: part.createdAt,
    notified_at: part.createdAt,
    author: { type: part.author.type, id: part.author.id, name: part.author.name, email: part.author.email },
    attachments: [],
    external_id: null,
    redacted: false
  }
}

/** The list item; the full conversation adds its parts. */
export function renderConversationItem(ws: WorkspaceData, conv: ConversationRecord) {
  const contact = ws.contacts.get(conv.contactIndex)
  return {
    type: 'conversation',
    id: conv.id,
    title: conv.title,
    created_at: conv.createdAt,
    updated_at: conv.updatedAt,
    waiting_since: conv.state === 'open' ? conv.updatedAt : null,
    snoozed_until: conv.snoozedUntil,
    open: conv.state === 'open',
    state: conv.state,
    read: conv.read,
    priority: conv.priority,
    ...(conv.adminAssigneeId !== null ? { admin_assignee_id: conv.adminAssigneeId } : {}),
    ...(conv.teamAssigneeId !== null ? { team_assignee_id: conv.teamAssigneeId } : {}),
    tags: { type: 'tag.list', tags: [] },
    conversation_rating: null,
    source: {
      type: 'conversation',
      id: conv.id,
      delivered_as: 'customer_initiated',
      subject: '',
      body: conv.sourceBody,
      author: { type: 'user', id: contact?.id ?? null, name: contact?.name ?? null, email: contact?.email ?? null },
      attachments: [],
      url: null,
      redacted: false
    },
    contacts: {
      type: 'contact.list',
      contacts: contact ? [{ type: 'contact', id: contact.id, external_id: contact.externalId }] : []
    },
    teammates: {
      type: 'admin.list',
      teammates: conv.adminAssigneeId !== null ? [{ type: 'admin', id: String(conv.adminAssigneeId) }] : []
    },
    custom_attributes: {},
    sla_applied: null,
    statistics: null,
    linked_objects: { type: 'list', total_count: 0, has_more: false, data: [] },
    ai_agent_participated: false
  }
}

export function renderConversation(ws: WorkspaceData, conv: ConversationRecord) {
  return {
    ...renderConversationItem(ws, conv),
    conversation_parts: {
      type: 'conversation_part.list',
      conversation_parts: conv.parts.map(renderPart),
      total_count: conv.parts.length
    }
  }
}
