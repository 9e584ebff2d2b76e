// The spec operations the sandbox implements: method, path template and spec tags. The router uses
// them to pick each route's permission; scripts/codegen/gen-spec-schemas.ts uses them to pick schemas.
import type { OperationShape } from '../../shared/intercom/permissions'

export interface SandboxOperation extends OperationShape {
  operationId: string
}

const op = <Id extends string>(
  method: string,
  path: string,
  operationId: Id,
  ...tags: string[]
): SandboxOperation & { operationId: Id } => ({
  method,
  path,
  operationId,
  tags
})

export const SANDBOX_OPERATIONS = [
  op('GET', '/me', 'identifyAdmin', 'Admins'),
  op('GET', '/admins', 'listAdmins', 'Admins'),
  op('GET', '/admins/{admin_id}', 'retrieveAdmin', 'Admins'),
  op('GET', '/contacts', 'ListContacts', 'Contacts'),
  op('POST', '/contacts', 'CreateContact', 'Contacts'),
  op('POST', '/contacts/search', 'SearchContacts', 'Contacts'),
  op('GET', '/contacts/{contact_id}', 'ShowContact', 'Contacts'),
  op('PUT', '/contacts/{contact_id}', 'UpdateContact', 'Contacts'),
  op('DELETE', '/contacts/{contact_id}', 'DeleteContact', 'Contacts'),
  op('POST', '/contacts/{contact_id}/tags', 'attachTagToContact', 'Tags', 'Contacts'),
  op('DELETE', '/contacts/{contact_id}/tags/{tag_id}', 'detachTagFromContact', 'Tags', 'Contacts'),
  op('GET', '/companies', 'retrieveCompany', 'Companies'),
  op('POST', '/companies', 'createOrUpdateCompany', 'Companies'),
  op('GET', '/companies/{company_id}', 'RetrieveACompanyById', 'Companies'),
  op('GET', '/companies/{company_id}/contacts', 'ListAttachedContacts', 'Companies', 'Contacts'),
  op('GET', '/tags', 'listTags', 'Tags'),
  op('POST', '/tags', 'createTag', 'Tags'),
  op('GET', '/tags/{tag_id}', 'findTag', 'Tags'),
  op('DELETE', '/tags/{tag_id}', 'deleteTag', 'Tags'),
  op('POST', '/events', 'createDataEvent', 'Data Events'),
  op('GET', '/events', 'lisDataEvents', 'Data Events'),
  op('GET', '/conversations', 'listConversations', 'Conversations'),
  op('GET', '/conversations/{conversation_id}', 'retrieveConversation', 'Conversations'),
  op('POST', '/conversations/{conversation_id}/reply', 'replyConversation', 'Conversations'),
  op('POST', '/conversations/{conversation_id}/parts', 'manageConversation', 'Conversations'),
  op('GET', '/segments', 'listSegments', 'Segments'),
  op('GET', '/data_attributes', 'lisDataAttributes', 'Data Attributes'),
  op('GET', '/teams', 'listTeams', 'Teams')
] as const satisfies readonly SandboxOperation[]

export type OperationId = (typeof SANDBOX_OPERATIONS)[number]['operationId']
