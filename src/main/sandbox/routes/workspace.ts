// Workspace-level resources: /me, admins, teams, segments and data attributes.
import type { WorkspaceData } from '../data'
import { badParameter, notFound } from '../http'
import { renderAdmin, renderMe, renderTeam } from '../render'
import type { ApiRequest, HandlerTable } from '../router'
import { compileContactQuery } from '../search'

type DataType = 'string' | 'integer' | 'float' | 'boolean' | 'date'
type AttributeSpec = [name: string, label: string, dataType: DataType, custom: boolean]

const CONTACT_ATTRIBUTES: AttributeSpec[] = [
  ['name', 'Name', 'string', false],
  ['email', 'Email', 'string', false],
  ['phone', 'Phone', 'string', false],
  ['external_id', 'User ID', 'string', false],
  ['role', 'Role', 'string', false],
  ['created_at', 'Signed up', 'date', false],
  ['last_seen_at', 'Last seen', 'date', false],
  ['plan', 'Plan', 'string', true],
  ['seats', 'Seats', 'integer', true]
]
const COMPANY_ATTRIBUTES: AttributeSpec[] = [
  ['name', 'Company name', 'string', false],
  ['company_id', 'Company ID', 'string', false],
  ['size', 'Company size', 'integer', false],
  ['website', 'Company website', 'string', false],
  ['industry', 'Company industry', 'string', false],
  ['monthly_spend', 'Monthly spend', 'float', false],
  ['tier', 'Tier', 'string', true]
]

function dataAttributes(ws: WorkspaceData, model: 'contact' | 'company', specs: AttributeSpec[], firstId: number) {
  return specs.map(([name, label, dataType, custom], i) => ({
    type: 'data_attribute',
    id: firstId + i,
    model,
    name,
    full_name: custom ? `custom_attributes.${name}` : name,
    label,
    description: custom ? `Custom ${model} attribute seeded by the sandbox` : `Standard ${model} attribute`,
    data_type: dataType,
    ...(name === 'plan' ? { options: ['free', 'starter', 'pro', 'enterprise'] } : {}),
    api_writable: custom,
    messenger_writable: false,
    ui_writable: custom,
    custom,
    archived: false,
    created_at: ws.profile.createdAt,
    updated_at: ws.profile.createdAt,
    ...(custom ? { admin_id: ws.admins[0]?.id ?? '' } : {})
  }))
}

function findAdmin(req: ApiRequest) {
  const admin = req.ws.admins.find((a) => a.id === req.params.admin_id)
  if (!admin) throw notFound('Admin')
  return admin
}

export const workspaceHandlers = {
  identifyAdmin: ({ ws }) => ({ body: renderMe(ws, ws.admins[0] as (typeof ws.admins)[number]) }),
  listAdmins: ({ ws }) => ({ body: { type: 'admin.list', admins: ws.admins.map(renderAdmin) } }),
  retrieveAdmin: (req) => ({ body: renderAdmin(findAdmin(req)) }),
  listTeams: ({ ws }) => ({ body: { type: 'team.list', teams: ws.teams.map(renderTeam) } }),
  listSegments: ({ ws, query }) => {
    const withCount = query.get('include_count') === 'true'
    const segments = ws.segments.map((s) => {
      let count: number | undefined
      if (withCount) {
        const matches = compileContactQuery(s.query)
        count = 0
        for (const c of ws.contacts.iterate(0)) if (matches(c)) count++
      }
      return {
        type: 'segment',
        id: s.id,
        name: s.name,
        created_at: s.createdAt,
        updated_at: s.createdAt,
        person_type: s.personType,
        ...(count !== undefined ? { count } : {})
      }
    })
    return { body: { type: 'segment.list', segments, pages: {} } }
  },
  lisDataAttributes: ({ ws, query }) => {
    const model = query.get('model')
    if (model !== null && !['contact', 'company', 'conversation'].includes(model)) {
      throw badParameter('model must be one of contact, company, conversation')
    }
    const all = [...dataAttributes(ws, 'contact', CONTACT_ATTRIBUTES, 1000), ...dataAttributes(ws, 'company', COMPANY_ATTRIBUTES, 2000)]
    return { body: { type: 'list', data: model ? all.filter((a) => a.model === model) : all } }
  }
} satisfies Partial<HandlerTable>
