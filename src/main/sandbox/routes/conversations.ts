// Conversations: list, get, reply (as admin or contact), and close/open/snooze/assign via parts.
import type { ConversationPartRecord, ConversationRecord, WorkspaceData } from '../data'
import { asObject, badParameter, notFound, optionalString, requiredString } from '../http'
import { arraySource, paginate, parsePerPage } from '../pagination'
import { renderConversation, renderConversationItem } from '../render'
import type { HandlerTable } from '../router'

function findConversation(ws: WorkspaceData, id: string | undefined): ConversationRecord {
  const conv = id === undefined ? undefined : ws.conversations.get(id)
  if (!conv) throw notFound('Conversation')
  return conv
}

function adminAuthor(ws: WorkspaceData, input: Record<string, unknown>): ConversationPartRecord['author'] {
  const adminId = input.admin_id === undefined ? undefined : String(input.admin_id)
  if (adminId === undefined) throw badParameter('admin_id is required when type is "admin"')
  const admin = ws.admins.find((a) => a.id === adminId)
  if (!admin) throw notFound('Admin')
  return { type: 'admin', id: admin.id, name: admin.name, email: admin.email }
}

function contactAuthor(ws: WorkspaceData, input: Record<string, unknown>): ConversationPartRecord['author'] {
  const id = optionalString(input, 'intercom_user_id')
  const userId = optionalString(input, 'user_id')
  const email = optionalString(input, 'email')
  const contact = id ? ws.contacts.byId(id) : userId ? ws.contacts.byExternalId(userId) : email ? ws.contacts.byEmail(email) : null
  if (contact === null) throw badParameter('One of intercom_user_id, user_id or email is required when type is "user"')
  if (!contact) throw notFound('User')
  return { type: 'user', id: contact.id, name: contact.name, email: contact.email }
}

function addPart(
  ws: WorkspaceData,
  conv: ConversationRecord,
  partType: string,
  body: string | null,
  author: ConversationPartRecord['author']
) {
  const now = ws.nowSeconds()
  conv.parts.push({ id: String(ws.numericId()), partType, body, createdAt: now, author })
  conv.updatedAt = now
}

export const conversationHandlers = {
  listConversations: ({ ws, query }) => {
    const all = [...ws.conversations.values()]
    const perPage = parsePerPage(query.get('per_page'), 20)
    const { data, pages } = paginate((from) => arraySource(all, from), all.length, perPage, query.get('starting_after'))
    return {
      body: { type: 'conversation.list', conversations: data.map((c) => renderConversationItem(ws, c)), total_count: all.length, pages }
    }
  },
  retrieveConversation: ({ ws, params }) => ({ body: renderConversation(ws, findConversation(ws, params.conversation_id)) }),
  replyConversation: ({ ws, params, body }) => {
    const conv = findConversation(ws, params.conversation_id)
    const input = asObject(body, 'Request body')
    const messageType = requiredString(input, 'message_type')
    if (!['comment', 'note', 'quick_reply'].includes(messageType)) throw badParameter('message_type must be comment, note or quick_reply')
    const type = requiredString(input, 'type')
    if (type !== 'admin' && type !== 'user') throw badParameter('type must be "admin" or "user"')
    if (type === 'user' && messageType !== 'comment') throw badParameter('Contacts can only reply with message_type "comment"')
    const text = requiredString(input, 'body')
    const author = type === 'admin' ? adminAuthor(ws, input) : contactAuthor(ws, input)
    addPart(ws, conv, messageType, text, author)
    // A contact writing back reopens the conversation, as in the Inbox.
    if (type === 'user' && conv.state !== 'open') {
      conv.state = 'open'
      conv.snoozedUntil = null
    }
    return { body: renderConversation(ws, conv) }
  },
  manageConversation: ({ ws, params, body }) => {
    const conv = findConversation(ws, params.conversation_id)
    const input = asObject(body, 'Request body')
    const messageType = requiredString(input, 'message_type')
    if (requiredString(input, 'type') !== 'admin') throw badParameter('type must be "admin"')
    const author = adminAuthor(ws, input)
    const text = optionalString(input, 'body') ?? null
    switch (messageType) {
      case 'close':
        conv.state = 'closed'
        conv.snoozedUntil = null
        break
      case 'open':
        conv.state = 'open'
        conv.snoozedUntil = null
        break
      case 'snoozed': {
        const until = input.snoozed_until
        if (typeof until !== 'number' || !Number.isInteger(until)) throw badParameter('snoozed_until must be a Unix timestamp in seconds')
        conv.state = 'snoozed'
        conv.snoozedUntil = until
        break
      }
      case 'assignment': {
        const assignee = ws.admins.find((a) => a.id === String(input.assignee_id))
        if (!assignee) throw badParameter('assignee_id must be an admin of this workspace')
        conv.adminAssigneeId = Number(assignee.id)
        break
      }
      default:
        throw badParameter('message_type must be close, open, snoozed or assignment')
    }
    addPart(ws, conv, messageType, text, author)
    return { body: renderConversation(ws, conv) }
  }
} satisfies Partial<HandlerTable>
