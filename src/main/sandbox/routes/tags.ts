// Tags: list, find, create-or-update (optionally tagging companies and contacts), delete, and
// tagging/untagging one contact.
import type { TagRecord, WorkspaceData } from '../data'
import { asObject, badParameter, notFound, optionalString, requiredString } from '../http'
import { renderTagBasic } from '../render'
import type { HandlerTable } from '../router'
import { findContact } from './contacts'

function findTag(ws: WorkspaceData, id: unknown): TagRecord {
  const tag = typeof id === 'string' ? ws.tags.get(id) : undefined
  if (!tag) throw notFound('Tag')
  return tag
}

const withTag = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id])
const withoutTag = (ids: string[], id: string) => ids.filter((x) => x !== id)

function entries(value: unknown, field: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw badParameter(`${field} must be an array of objects`)
  return value.map((item) => asObject(item, `Each entry of ${field}`))
}

/** `companies: [{id | company_id, untag?}]` on POST /tags. */
function tagCompanies(ws: WorkspaceData, tag: TagRecord, value: unknown): void {
  for (const entry of entries(value, 'companies')) {
    const company =
      typeof entry.id === 'string'
        ? ws.companies.get(entry.id)
        : typeof entry.company_id === 'string'
          ? ws.findCompanyByExternalId(entry.company_id)
          : undefined
    if (!company) throw notFound('Company')
    company.tagIds = entry.untag === true ? withoutTag(company.tagIds, tag.id) : withTag(company.tagIds, tag.id)
  }
}

/** `users: [{id}]` on POST /tags. */
function tagUsers(ws: WorkspaceData, tag: TagRecord, value: unknown): void {
  for (const entry of entries(value, 'users')) {
    const contact = findContact(ws, typeof entry.id === 'string' ? entry.id : undefined)
    ws.contacts.edit(contact.id, (c) => {
      c.tagIds = withTag(c.tagIds, tag.id)
    })
  }
}

export const tagHandlers = {
  listTags: ({ ws }) => ({ body: { type: 'list', data: [...ws.tags.values()].map(renderTagBasic) } }),
  findTag: ({ ws, params }) => ({ body: renderTagBasic(findTag(ws, params.tag_id)) }),
  createTag: ({ ws, body }) => {
    const input = asObject(body, 'Request body')
    const name = requiredString(input, 'name')
    const id = optionalString(input, 'id')
    let tag: TagRecord
    if (id !== undefined) {
      tag = findTag(ws, id)
      tag.name = name
    } else {
      tag = ws.findTagByName(name) ?? ws.addTag(name)
    }
    if (input.companies !== undefined) tagCompanies(ws, tag, input.companies)
    if (input.users !== undefined) tagUsers(ws, tag, input.users)
    return { body: renderTagBasic(tag) }
  },
  deleteTag: ({ ws, params }) => {
    ws.tags.delete(findTag(ws, params.tag_id).id)
    return {}
  },
  attachTagToContact: ({ ws, params, body }) => {
    const contact = findContact(ws, params.contact_id)
    const tag = findTag(ws, requiredString(asObject(body, 'Request body'), 'id'))
    ws.contacts.edit(contact.id, (c) => {
      c.tagIds = withTag(c.tagIds, tag.id)
    })
    return { body: renderTagBasic(tag) }
  },
  detachTagFromContact: ({ ws, params }) => {
    const contact = findContact(ws, params.contact_id)
    const tag = findTag(ws, params.tag_id)
    ws.contacts.edit(contact.id, (c) => {
      c.tagIds = withoutTag(c.tagIds, tag.id)
    })
    return { body: renderTagBasic(tag) }
  }
} satisfies Partial<HandlerTable>
