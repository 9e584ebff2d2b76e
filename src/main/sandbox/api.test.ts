// The REST resources over real HTTP, each body validated against the spec's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { call, specErrors, type AnyJson, type CallOptions } from './test-support'

let sb: Sandbox
let token: string

beforeAll(async () => {
  sb = await startSandbox({ contacts: 60, seed: 7 })
  token = sb.workspaces[0]!.tokens.extended
})
afterAll(() => sb.close())

/** Calls an operation and asserts the body matches the spec's schema for the answered status. */
async function op(operation: string, path: string, options: CallOptions = {}) {
  const method = operation.split(' ')[0]!
  const res = await call(sb, path, { token, method, ...options })
  expect(specErrors(operation, res.status, res.json), `${operation} → ${res.status}`).toEqual([])
  return res
}

describe('workspace resources', () => {
  it('GET /me identifies the admin and the workspace', async () => {
    const res = await op('GET /me', '/me')
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ type: 'admin', id: sb.workspaces[0]!.admin.id, email_verified: true })
    expect(res.json.app).toMatchObject({ type: 'app', id_code: sb.workspaces[0]!.appIdCode, region: 'US' })
  })

  it('the EU workspace answers with its own data', async () => {
    const eu = sb.workspaces[1]!
    const res = await call(sb, '/me', { token: eu.tokens.extended })
    expect(res.json.app).toMatchObject({ id_code: eu.appIdCode, region: 'EU' })
    expect(eu.appIdCode).not.toBe(sb.workspaces[0]!.appIdCode)
  })

  it('lists and gets admins', async () => {
    const list = await op('GET /admins', '/admins')
    expect(list.json.type).toBe('admin.list')
    const first = list.json.admins[0]
    const one = await op('GET /admins/{admin_id}', `/admins/${first.id}`)
    expect(one.json).toEqual(first)
    const missing = await op('GET /admins/{admin_id}', '/admins/1')
    expect(missing.status).toBe(404)
    expect(missing.json.errors[0].code).toBe('not_found')
  })

  it('lists teams, segments (with counts) and data attributes', async () => {
    const teams = await op('GET /teams', '/teams')
    expect(teams.json.teams.length).toBeGreaterThan(0)
    const segments = await op('GET /segments', '/segments?include_count=true')
    const all = segments.json.segments.find((s: { name: string }) => s.name === 'All users')
    const leads = segments.json.segments.find((s: { name: string }) => s.name === 'All leads')
    expect(all.count + leads.count).toBe(60)
    const attrs = await op('GET /data_attributes', '/data_attributes?model=company')
    expect(attrs.json.data.length).toBeGreaterThan(0)
    expect(attrs.json.data.every((a: { model: string }) => a.model === 'company')).toBe(true)
    const bad = await call(sb, '/data_attributes?model=planet', { token })
    expect(bad.status).toBe(400)
  })
})

describe('contacts', () => {
  it('pages through every contact with per_page and starting_after', async () => {
    const seen = new Set<string>()
    let path = '/contacts?per_page=25'
    let pages = 0
    for (;;) {
      const res = await op('GET /contacts', path)
      expect(res.json.total_count).toBe(60)
      expect(res.json.pages).toMatchObject({ type: 'pages', page: pages + 1, per_page: 25, total_pages: 3 })
      for (const c of res.json.data) seen.add(c.id)
      pages++
      const next = res.json.pages.next
      if (!next) break
      expect(next.page).toBe(pages + 1)
      path = `/contacts?per_page=25&starting_after=${encodeURIComponent(next.starting_after)}`
    }
    expect(pages).toBe(3)
    expect(seen.size).toBe(60)
  })

  it('clamps per_page to 150 and refuses a bad cursor', async () => {
    const res = await call(sb, '/contacts?per_page=500', { token })
    expect(res.json.pages.per_page).toBe(150)
    const bad = await call(sb, '/contacts?starting_after=not-a-cursor', { token })
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].message).toMatch(/starting_after/)
  })

  it('creates, reads, updates and deletes a contact', async () => {
    const created = await op('POST /contacts', '/contacts', {
      body: { email: 'new.person@example.com', name: 'New Person', custom_attributes: { plan: 'pro' } }
    })
    expect(created.status).toBe(200)
    const id = created.json.id as string
    expect(created.json).toMatchObject({ type: 'contact', email: 'new.person@example.com', role: 'user' })
    const dup = await call(sb, '/contacts', { token, method: 'POST', body: { email: 'NEW.person@example.com' } })
    expect(dup.status).toBe(409)
    expect(dup.json.errors[0].message).toContain(id)

    const updated = await op('PUT /contacts/{contact_id}', `/contacts/${id}`, {
      body: { name: 'Renamed', custom_attributes: { seats: 3 } }
    })
    expect(updated.json).toMatchObject({ name: 'Renamed', custom_attributes: { plan: 'pro', seats: 3 } })
    const read = await op('GET /contacts/{contact_id}', `/contacts/${id}`)
    expect(read.json.name).toBe('Renamed')

    const deleted = await op('DELETE /contacts/{contact_id}', `/contacts/${id}`)
    expect(deleted.json).toEqual({ type: 'contact', id, external_id: null, deleted: true })
    const gone = await op('GET /contacts/{contact_id}', `/contacts/${id}`)
    expect(gone.status).toBe(404)
  })

  it('rejects bad contact input with a message naming the field', async () => {
    const none = await call(sb, '/contacts', { token, method: 'POST', body: { name: 'No identifier' } })
    expect(none.status).toBe(400)
    const badEmail = await call(sb, '/contacts', { token, method: 'POST', body: { email: 'nope' } })
    expect(badEmail.json.errors[0].message).toMatch(/email/)
    const badJson = await fetch(`${sb.url}/contacts`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{oops' })
    expect(badJson.status).toBe(400)
    expect(((await badJson.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('parameter_invalid')
  })
})

describe('companies', () => {
  it('lists, gets, creates/updates companies and lists attached contacts', async () => {
    const list = await op('GET /companies', '/companies?per_page=2')
    expect(list.json.data).toHaveLength(2)
    expect(list.json.pages.next.page).toBe(2)
    const page2 = await op('GET /companies', '/companies?per_page=2&page=2')
    expect(page2.json.data[0].id).not.toBe(list.json.data[0].id)

    const company = list.json.data[0]
    const one = await op('GET /companies/{company_id}', `/companies/${company.id}`)
    expect(one.json.company_id).toBe(company.company_id)
    const attached = await op('GET /companies/{company_id}/contacts', `/companies/${company.id}/contacts`)
    expect(attached.json.data.length).toBe(company.user_count)
    for (const c of attached.json.data) expect(c.companies.data.map((x: { id: string }) => x.id)).toContain(company.id)

    const created = await op('POST /companies', '/companies', { body: { company_id: 'acme-42', name: 'Acme 42', plan: 'pro', size: 12 } })
    expect(created.json).toMatchObject({ type: 'company', company_id: 'acme-42', name: 'Acme 42', size: 12, plan: { name: 'pro' } })
    const again = await op('POST /companies', '/companies', { body: { company_id: 'acme-42', industry: 'Toys' } })
    expect(again.json).toMatchObject({ id: created.json.id, name: 'Acme 42', industry: 'Toys' })
    const byId = await call(sb, '/companies?company_id=acme-42', { token })
    expect(byId.json.data.map((c: { id: string }) => c.id)).toEqual([created.json.id])
    const missing = await call(sb, '/companies', { token, method: 'POST', body: { name: 'No id' } })
    expect(missing.status).toBe(400)
  })
})

describe('tags', () => {
  it('creates, tags and untags a contact, lists and deletes tags', async () => {
    const created = await op('POST /tags', '/tags', { body: { name: 'Sandbox test tag' } })
    const tagId = created.json.id as string
    const same = await call(sb, '/tags', { token, method: 'POST', body: { name: 'Sandbox test tag' } })
    expect(same.json.id).toBe(tagId)
    const found = await op('GET /tags/{tag_id}', `/tags/${tagId}`)
    expect(found.json.name).toBe('Sandbox test tag')

    const contact = (await call(sb, '/contacts?per_page=1', { token })).json.data[0]
    const tagged = await op('POST /contacts/{contact_id}/tags', `/contacts/${contact.id}/tags`, { body: { id: tagId } })
    expect(tagged.json).toMatchObject({ type: 'tag', id: tagId })
    const withTag = await call(sb, `/contacts/${contact.id}`, { token })
    expect(withTag.json.tags.data.map((t: { id: string }) => t.id)).toContain(tagId)

    const untagged = await op('DELETE /contacts/{contact_id}/tags/{tag_id}', `/contacts/${contact.id}/tags/${tagId}`)
    expect(untagged.json.id).toBe(tagId)
    const without = await call(sb, `/contacts/${contact.id}`, { token })
    expect(without.json.tags.data.map((t: { id: string }) => t.id)).not.toContain(tagId)

    const list = await op('GET /tags', '/tags')
    expect(list.json.data.map((t: { id: string }) => t.id)).toContain(tagId)
    const del = await call(sb, `/tags/${tagId}`, { token, method: 'DELETE' })
    expect(del.status).toBe(200)
    expect((await call(sb, `/tags/${tagId}`, { token })).status).toBe(404)
    expect((await call(sb, `/contacts/${contact.id}/tags`, { token, method: 'POST', body: { id: tagId } })).status).toBe(404)
  })
})

describe('data events', () => {
  it('accepts an event and lists it for the user, also as a summary', async () => {
    const contact = (await call(sb, '/contacts?per_page=1', { token })).json.data[0]
    const sent = await call(sb, '/events', {
      token,
      method: 'POST',
      body: { event_name: 'sandbox-tested', created_at: 1_700_000_000, id: contact.id, metadata: { a: 'b' } }
    })
    expect(sent.status).toBe(202)
    const list = await call(sb, `/events?type=user&intercom_user_id=${contact.id}`, { token })
    expect(list.status).toBe(200)
    expect(list.json.events.map((e: { event_name: string }) => e.event_name)).toContain('sandbox-tested')
    const summary = await op('GET /events', `/events?type=user&intercom_user_id=${contact.id}&summary=true`)
    expect(summary.json.events.find((e: { name: string }) => e.name === 'sandbox-tested')).toMatchObject({ count: 1 })
    const unknown = await call(sb, '/events', {
      token,
      method: 'POST',
      body: { event_name: 'x', created_at: 1, email: 'nobody@nowhere.test' }
    })
    expect(unknown.status).toBe(404)
    const noName = await call(sb, '/events', { token, method: 'POST', body: { created_at: 1, id: contact.id } })
    expect(noName.json.errors[0].message).toMatch(/event_name/)
  })
})

describe('conversations', () => {
  it('lists, gets, replies to and closes a conversation', async () => {
    const list = await op('GET /conversations', '/conversations?per_page=5')
    expect(list.json.conversations).toHaveLength(5)
    expect(list.json.pages.next).toBeTruthy()
    const id = list.json.conversations[0].id as string
    const one = await op('GET /conversations/{conversation_id}', `/conversations/${id}`)
    const partsBefore = one.json.conversation_parts.total_count as number
    const adminId = sb.workspaces[0]!.admin.id

    const reply = await op('POST /conversations/{conversation_id}/reply', `/conversations/${id}/reply`, {
      body: { message_type: 'comment', type: 'admin', admin_id: adminId, body: 'Hello from the sandbox' }
    })
    expect(reply.json.conversation_parts.total_count).toBe(partsBefore + 1)
    expect(reply.json.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: 'comment',
      body: 'Hello from the sandbox',
      author: { type: 'admin', id: adminId }
    })

    const closed = await op('POST /conversations/{conversation_id}/parts', `/conversations/${id}/parts`, {
      body: { message_type: 'close', type: 'admin', admin_id: adminId }
    })
    expect(closed.json).toMatchObject({ state: 'closed', open: false })

    const userReply = await call(sb, `/conversations/${id}/reply`, {
      token,
      method: 'POST',
      body: { message_type: 'comment', type: 'user', intercom_user_id: one.json.contacts.contacts[0].id, body: 'Still broken' }
    })
    expect(userReply.json.state).toBe('open')
    const badAdmin = await call(sb, `/conversations/${id}/parts`, {
      token,
      method: 'POST',
      body: { message_type: 'close', type: 'admin', admin_id: '1' }
    })
    expect(badAdmin.status).toBe(404)
  })
})

describe('search', () => {
  const search = (query: unknown, pagination?: unknown) =>
    op('POST /contacts/search', '/contacts/search', { body: { query, ...(pagination ? { pagination } : {}) } })

  it('filters with each operator and nested AND/OR', async () => {
    const all = (await call(sb, '/contacts?per_page=150', { token })).json.data as Array<Record<string, AnyJson>>
    const leads = all.filter((c) => c.role === 'lead')
    expect((await search({ field: 'role', operator: '=', value: 'lead' })).json.total_count).toBe(leads.length)
    expect((await search({ field: 'role', operator: '!=', value: 'lead' })).json.total_count).toBe(all.length - leads.length)
    const ids = all.slice(0, 3).map((c) => c.id)
    expect((await search({ field: 'id', operator: 'IN', value: ids })).json.data.map((c: { id: string }) => c.id)).toEqual(ids)
    expect((await search({ field: 'id', operator: 'NIN', value: ids })).json.total_count).toBe(all.length - 3)
    const pivot = all[10]!.created_at as number
    expect((await search({ field: 'created_at', operator: '>', value: pivot })).json.total_count).toBe(
      all.filter((c) => c.created_at > pivot).length
    )
    expect((await search({ field: 'created_at', operator: '<', value: pivot })).json.total_count).toBe(
      all.filter((c) => c.created_at < pivot).length
    )
    expect((await search({ field: 'email', operator: '~', value: 'example' })).json.total_count).toBe(
      all.filter((c) => c.email.includes('example')).length
    )
    expect((await search({ field: 'email', operator: '!~', value: 'example' })).json.total_count).toBe(
      all.filter((c) => !c.email.includes('example')).length
    )
    const first = all[0]!.name.split(' ')[0] as string
    expect((await search({ field: 'name', operator: '^', value: first })).json.total_count).toBe(
      all.filter((c) => c.name.startsWith(first)).length
    )
    expect((await search({ field: 'email', operator: '$', value: '.test' })).json.total_count).toBe(
      all.filter((c) => c.email.endsWith('.test')).length
    )
    const nested = await search({
      operator: 'OR',
      value: [
        {
          operator: 'AND',
          value: [
            { field: 'role', operator: '=', value: 'lead' },
            { field: 'email', operator: '~', value: 'example' }
          ]
        },
        { field: 'id', operator: '=', value: ids[0] }
      ]
    })
    const expected = all.filter((c) => (c.role === 'lead' && c.email.includes('example')) || c.id === ids[0])
    expect(nested.json.total_count).toBe(expected.length)
  })

  it('paginates in the body and rejects unknown operators and fields', async () => {
    const first = await search({ field: 'role', operator: '=', value: 'user' }, { per_page: 10 })
    const cursor = first.json.pages.next.starting_after
    const second = await search({ field: 'role', operator: '=', value: 'user' }, { per_page: 10, starting_after: cursor })
    expect(second.json.pages.page).toBe(2)
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id)
    const badOp = await call(sb, '/contacts/search', {
      token,
      method: 'POST',
      body: { query: { field: 'role', operator: 'LIKE', value: 'x' } }
    })
    expect(badOp.status).toBe(400)
    expect(badOp.json.errors[0].message).toContain('LIKE')
    const badField = await call(sb, '/contacts/search', {
      token,
      method: 'POST',
      body: { query: { field: 'shoe_size', operator: '=', value: 1 } }
    })
    expect(badField.json.errors[0].message).toContain('shoe_size')
  })
})

describe('scale', () => {
  it('starts with 100,000 contacts and lists a page', async () => {
    const big = await startSandbox({ contacts: 100_000, seed: 3 })
    try {
      const res = await call(big, '/contacts?per_page=150', { token: big.workspaces[0]!.tokens.extended })
      expect(res.json.total_count).toBe(100_000)
      expect(res.json.pages.total_pages).toBe(667)
      expect(res.json.data).toHaveLength(150)
    } finally {
      await big.close()
    }
  })
})
