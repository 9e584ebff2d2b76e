// Data events: submit one for a contact, and list a contact's events (or their summary).
import type { ContactRecord, WorkspaceData } from '../data'
import { ApiError, asObject, badParameter, missingParameter, notFound, optionalString, requiredString } from '../http'
import type { HandlerTable } from '../router'

/** Finds the contact by Intercom id, external user id or email, whichever is given. */
function contactFor(ws: WorkspaceData, ids: { id?: string | null; userId?: string | null; email?: string | null }): ContactRecord {
  let contact: ContactRecord | undefined
  if (ids.id) contact = ws.contacts.byId(ids.id)
  else if (ids.userId) contact = ws.contacts.byExternalId(ids.userId)
  else if (ids.email) contact = ws.contacts.byEmail(ids.email)
  else throw new ApiError(400, 'parameter_not_found', 'One of id, user_id or email is required to identify the contact')
  if (!contact) throw notFound('User')
  return contact
}

const isoDate = (seconds: number) => new Date(seconds * 1000).toISOString()

export const eventHandlers = {
  createDataEvent: ({ ws, body }) => {
    const input = asObject(body, 'Request body')
    const eventName = requiredString(input, 'event_name')
    const createdAt = input.created_at
    if (createdAt === undefined) throw missingParameter('created_at')
    if (typeof createdAt !== 'number' || !Number.isInteger(createdAt)) throw badParameter('created_at must be a Unix timestamp in seconds')
    const metadata = input.metadata === undefined ? {} : asObject(input.metadata, 'metadata')
    const contact = contactFor(ws, {
      id: optionalString(input, 'id'),
      userId: optionalString(input, 'user_id'),
      email: optionalString(input, 'email')
    })
    ws.addEvent(contact, {
      eventName,
      createdAt,
      metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
    })
    return { status: 202 }
  },
  lisDataEvents: ({ ws, query }) => {
    if (query.get('type') !== 'user') throw badParameter('type must be "user"')
    const contact = contactFor(ws, { id: query.get('intercom_user_id'), userId: query.get('user_id'), email: query.get('email') })
    const events = ws.eventsFor(contact)
    const who = { email: contact.email, intercom_user_id: contact.id, ...(contact.externalId ? { user_id: contact.externalId } : {}) }
    if (query.get('summary') === 'true') {
      const byName = new Map<string, { first: number; last: number; count: number }>()
      for (const e of events) {
        const s = byName.get(e.eventName) ?? { first: e.createdAt, last: e.createdAt, count: 0 }
        s.first = Math.min(s.first, e.createdAt)
        s.last = Math.max(s.last, e.createdAt)
        s.count++
        byName.set(e.eventName, s)
      }
      const summary = [...byName].map(([name, s]) => ({
        name,
        first: isoDate(s.first),
        last: isoDate(s.last),
        count: s.count,
        description: ''
      }))
      return { body: { type: 'event.summary', ...who, events: summary } }
    }
    return {
      body: {
        type: 'event.list',
        events: events.map((e, i) => ({
          type: 'event',
          id: `${contact.id}-${i}`,
          event_name: e.eventName,
          created_at: e.createdAt,
          ...who,
          metadata: e.metadata
        })),
        pages: {}
      }
    }
  }
} satisfies Partial<HandlerTable>
