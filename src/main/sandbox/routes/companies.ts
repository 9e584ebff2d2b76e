// Companies: list (with filters), get, create-or-update, and their attached contacts.
import type { CompanyRecord, WorkspaceData } from '../data'
import { asObject, badParameter, missingParameter, notFound, optionalInteger, optionalString } from '../http'
import { arraySource, encodeCursor, paginate, parsePerPage } from '../pagination'
import { renderCompany } from '../render'
import type { HandlerTable } from '../router'
import { contactPage } from './contacts'

const DEFAULT_PER_PAGE = 15

const render = (ws: WorkspaceData, c: CompanyRecord) => renderCompany(ws, c, ws.companyUserCount(c.id))

function findCompany(ws: WorkspaceData, id: string | undefined): CompanyRecord {
  const company = id === undefined ? undefined : ws.companies.get(id)
  if (!company) throw notFound('Company')
  return company
}

function stringMap(value: unknown): Record<string, string> {
  const attrs = asObject(value, 'custom_attributes')
  return Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => {
      if (!['string', 'number', 'boolean'].includes(typeof v))
        throw badParameter(`custom_attributes.${k} must be a string, number or boolean`)
      return [k, String(v)]
    })
  )
}

export const companyHandlers = {
  retrieveCompany: ({ ws, query }) => {
    const name = query.get('name')
    const companyId = query.get('company_id')
    const tagId = query.get('tag_id')
    const segmentId = query.get('segment_id')
    if (segmentId !== null) throw badParameter('segment_id filtering is not supported by the sandbox')
    const matches = [...ws.companies.values()].filter(
      (c) =>
        (name === null || c.name === name) &&
        (companyId === null || c.companyId === companyId) &&
        (tagId === null || c.tagIds.includes(tagId))
    )
    if ((name !== null || companyId !== null) && matches.length === 0) throw notFound('Company')
    const perPage = parsePerPage(query.get('per_page'), DEFAULT_PER_PAGE)
    // This endpoint is page-numbered; a page number becomes the equivalent cursor.
    const pageParam = query.get('page')
    let cursor: unknown = query.get('starting_after')
    if (pageParam !== null) {
      const page = Number(pageParam)
      if (!Number.isInteger(page) || page < 1) throw badParameter('page must be a positive integer')
      cursor = page === 1 ? null : encodeCursor({ page, next: (page - 1) * perPage })
    }
    const { data, pages } = paginate((from) => arraySource(matches, from), matches.length, perPage, cursor)
    return { body: { type: 'list', data: data.map((c) => render(ws, c)), total_count: matches.length, pages } }
  },
  RetrieveACompanyById: ({ ws, params }) => ({ body: render(ws, findCompany(ws, params.company_id)) }),
  createOrUpdateCompany: ({ ws, body }) => {
    const input = asObject(body, 'Request body')
    const companyId = optionalString(input, 'company_id')
    if (!companyId) throw missingParameter('company_id')
    const now = ws.nowSeconds()
    const company: CompanyRecord = ws.findCompanyByExternalId(companyId) ?? {
      id: ws.objectId(),
      companyId,
      name: companyId,
      plan: null,
      size: 0,
      website: '',
      industry: '',
      monthlySpend: 0,
      sessionCount: 0,
      createdAt: now,
      updatedAt: now,
      remoteCreatedAt: now,
      customAttributes: {},
      tagIds: []
    }
    const name = optionalString(input, 'name')
    if (name !== undefined) company.name = name
    const plan = optionalString(input, 'plan')
    if (plan !== undefined) company.plan = plan
    const website = optionalString(input, 'website')
    if (website !== undefined) company.website = website
    const industry = optionalString(input, 'industry')
    if (industry !== undefined) company.industry = industry
    const size = optionalInteger(input, 'size')
    if (size !== undefined) company.size = size
    const spend = input.monthly_spend
    if (spend !== undefined) {
      if (typeof spend !== 'number') throw badParameter('monthly_spend must be a number')
      company.monthlySpend = Math.round(spend)
    }
    const remote = optionalInteger(input, 'remote_created_at')
    if (remote !== undefined) company.remoteCreatedAt = remote
    if (input.custom_attributes !== undefined)
      company.customAttributes = { ...company.customAttributes, ...stringMap(input.custom_attributes) }
    company.updatedAt = now
    ws.companies.set(company.id, company)
    return { body: render(ws, company) }
  },
  ListAttachedContacts: ({ ws, params, query }) => {
    const company = findCompany(ws, params.company_id)
    const perPage = parsePerPage(query.get('per_page'), 50)
    return { body: contactPage(ws, perPage, query.get('starting_after'), (c) => c.companyIds.includes(company.id)) }
  }
} satisfies Partial<HandlerTable>
