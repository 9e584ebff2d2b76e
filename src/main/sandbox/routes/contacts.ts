// Contacts: list, get, create, update, delete and search.
import type { AttributeValue, ContactRecord, WorkspaceData } from '../data'
import { ApiError, asObject, badParameter, notFound, optionalInteger, optionalString } from '../http'
import { paginate, parsePerPage } from '../pagination'
import { renderContact } from '../render'
import type { ApiRequest, HandlerTable } from '../router'
import { compileContactQuery, type ContactPredicate } from '../search'

const DEFAULT_PER_PAGE = 50

export function findContact(ws: WorkspaceData, id: string | undefined): ContactRecord {
  const contact = id === undefined ? undefined : ws.contacts.byId(id)
  if (!contact) throw notFound('User')
  return contact
}

/** Cursor-paginated contacts, optionally filtered; the total counts every match. */
export function contactPage(ws: WorkspaceData, perPage: number, startingAfter: unknown, filter?: ContactPredicate) {
  const source = function* (from: number) {
    for (const c of ws.contacts.iterate(from)) if (!filter || filter(c)) yield [c.index, c] as const
  }
  let total = ws.contacts.size
  if (filter) {
    total = 0
    for (const c of ws.contacts.iterate(0)) if (filter(c)) total++
  }
  const { data, pages } = paginate(source, total, perPage, startingAfter)
  return { type: 'list', data: data.map((c) => renderContact(ws, c)), total_count: total, pages }
}

function customAttributes(body: Record<string, unknown>): Record<string, AttributeValue> | undefined {
  if (body.custom_attributes === undefined) return undefined
  const attrs = asObject(body.custom_attributes, 'custom_attributes')
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw badParameter(`custom_attributes.${key} must be a string, number, boolean or null`)
    }
  }
  return attrs as Record<string, AttributeValue>
}

/** The writable contact fields in a create/update body, validated. */
function contactFields(ws: WorkspaceData, body: Record<string, unknown>): Partial<ContactRecord> {
  const fields: Partial<ContactRecord> = {}
  const role = optionalString(body, 'role')
  if (role !== undefined) {
    if (role !== 'user' && role !== 'lead') throw badParameter('role must be "user" or "lead"')
    fields.role = role
  }
  const email = optionalString(body, 'email')
  if (email !== undefined) {
    if (email !== '' && !/^[^@\s]+@[^@\s]+$/.test(email)) throw badParameter(`email "${email}" is not a valid email address`)
    fields.email = email
  }
  const externalId = optionalString(body, 'external_id')
  if (externalId !== undefined) fields.externalId = externalId
  const phone = optionalString(body, 'phone')
  if (phone !== undefined) fields.phone = phone
  const name = optionalString(body, 'name')
  if (name !== undefined) fields.name = name
  const ownerId = body.owner_id === undefined || body.owner_id === null ? undefined : String(body.owner_id)
  if (ownerId !== undefined) {
    if (!ws.admins.some((a) => a.id === ownerId)) throw badParameter(`owner_id ${ownerId} is not an admin of this workspace`)
    fields.ownerId = ownerId
  }
  const signedUpAt = optionalInteger(body, 'signed_up_at')
  if (signedUpAt !== undefined) fields.signedUpAt = signedUpAt
  const lastSeenAt = optionalInteger(body, 'last_seen_at')
  if (lastSeenAt !== undefined) fields.lastSeenAt = lastSeenAt
  if (body.unsubscribed_from_emails !== undefined) {
    if (typeof body.unsubscribed_from_emails !== 'boolean') throw badParameter('unsubscribed_from_emails must be a boolean')
    fields.unsubscribed = body.unsubscribed_from_emails
  }
  const attrs = customAttributes(body)
  if (attrs) fields.customAttributes = attrs
  return fields
}

/** Intercom refuses a second contact with the same email or external id. */
function assertUnique(ws: WorkspaceData, fields: Partial<ContactRecord>, self?: string): void {
  const clash =
    (fields.email ? ws.contacts.byEmail(fields.email) : undefined) ??
    (fields.externalId ? ws.contacts.byExternalId(fields.externalId) : undefined)
  if (clash && clash.id !== self) {
    throw new ApiError(409, 'conflict', `A contact matching those details already exists with id=${clash.id}`)
  }
}

function search(req: ApiRequest) {
  const body = asObject(req.body, 'Request body')
  if (body.query === undefined) throw badParameter('query is required')
  const filter = compileContactQuery(body.query)
  const pagination = body.pagination === undefined ? {} : asObject(body.pagination, 'pagination')
  const perPage = parsePerPage(pagination.per_page, DEFAULT_PER_PAGE)
  return { body: contactPage(req.ws, perPage, pagination.starting_after, filter) }
}

export const contactHandlers = {
  ListContacts: ({ ws, query }) => ({
    body: contactPage(ws, parsePerPage(query.get('per_page'), DEFAULT_PER_PAGE), query.get('starting_after'))
  }),
  SearchContacts: search,
  ShowContact: ({ ws, params }) => ({ body: renderContact(ws, findContact(ws, params.contact_id)) }),
  CreateContact: ({ ws, body }) => {
    const input = asObject(body, 'Request body')
    const fields = contactFields(ws, input)
    if (!fields.email && !fields.externalId && !fields.role) {
      throw new ApiError(400, 'parameter_not_found', 'One of email, external_id or role is required')
    }
    assertUnique(ws, fields)
    const contact = ws.contacts.create({ ...fields, signedUpAt: fields.signedUpAt ?? (fields.role === 'lead' ? null : ws.nowSeconds()) })
    return { body: renderContact(ws, contact) }
  },
  UpdateContact: ({ ws, params, body }) => {
    const current = findContact(ws, params.contact_id)
    const fields = contactFields(ws, asObject(body, 'Request body'))
    assertUnique(ws, fields, current.id)
    const updated = ws.contacts.edit(current.id, (c) => {
      const { customAttributes: attrs, ...rest } = fields
      Object.assign(c, rest)
      if (attrs) c.customAttributes = { ...c.customAttributes, ...attrs }
      c.updatedAt = ws.nowSeconds()
    })
    return { body: renderContact(ws, updated as ContactRecord) }
  },
  DeleteContact: ({ ws, params }) => {
    const contact = ws.contacts.delete(findContact(ws, params.contact_id).id) as ContactRecord
    return { body: { type: 'contact', id: contact.id, external_id: contact.externalId, deleted: true } }
  }
} satisfies Partial<HandlerTable>
