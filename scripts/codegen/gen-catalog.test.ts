import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { permissionById } from '../../src/shared/intercom/permissions'
import type { CatalogData, CatalogOperation } from '../../src/shared/intercom/catalog'
import { buildCatalog, CATALOG_PATH, scopesNamedIn, serializeCatalog } from './gen-catalog'

// A small spec exercising each rule of the generator; it needs nothing outside the repo.
const MINI_SPEC = `
openapi: 3.0.1
info: { title: Mini, version: '9.9' }
tags: [{ name: Zebra }, { name: Contacts }, { name: Unused }]
paths:
  /contacts:
    get:
      summary: List contacts
      operationId: listContacts
      tags: [Contacts]
      parameters:
        - { name: Intercom-Version, in: header, schema: { $ref: '#/components/schemas/intercom_version' } }
        - { name: per_page, in: query, schema: { type: integer }, example: 50 }
        - { name: starting_after, in: query, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/contact_list' }
    post:
      summary: Create a contact
      operationId: createContact
      tags: [Contacts]
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/contact_create' }
      responses: { '200': { description: ok } }
  /contacts/search:
    post:
      summary: Search contacts
      operationId: searchContacts
      tags: [Contacts]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [query]
              properties:
                query:
                  oneOf:
                    - { type: object, required: [field], properties: { field: { type: string, example: created_at } } }
                    - { type: object, properties: { operator: { type: string } } }
                pagination: { type: object, properties: { starting_after: { type: string } } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/contact_list' }
  /contacts/{contact_id}:
    parameters:
      - { name: contact_id, in: path, required: true, schema: { type: string }, example: abc }
      - { name: shared_flag, in: query, schema: { type: boolean } }
    delete:
      summary: Delete a contact
      description: Needs the write_users_companies scope, and also mentions read_tags.
      tags: [Contacts, Extra]
      parameters:
        - { name: shared_flag, in: query, required: true, schema: { type: string, enum: [a, b] } }
      responses: { '200': { description: ok } }
  /zebras/{zebra_id}/stripes:
    get:
      summary: List stripes
      operationId: listStripes
      tags: [Zebra]
      parameters:
        - { name: zebra_id, in: query, required: true, schema: { type: integer } }
        - { name: page, in: query, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  result:
                    type: object
                    properties: { stripes: { type: array, items: { type: string } } }
  /zebras/scroll:
    get:
      summary: Scroll zebras
      operationId: scrollZebras
      tags: [Zebra]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties: { scroll_param: { type: string }, data: { type: array, items: { type: string } } }
components:
  schemas:
    intercom_version: { type: string, default: '2.1', enum: ['1.0', '2.0', '2.1'] }
    contact_list:
      type: object
      properties:
        type: { type: string }
        contacts: { type: array, items: { $ref: '#/components/schemas/contact' } }
        pages:
          type: object
          properties:
            next: { type: object, properties: { starting_after: { type: string } } }
    contact:
      type: object
      properties:
        id: { type: string, readOnly: true }
        parent: { $ref: '#/components/schemas/contact' }
    contact_create:
      allOf:
        - type: object
          required: [role, parent]
          properties:
            id: { type: string, readOnly: true }
            role: { type: string, enum: [user, lead] }
            parent: { $ref: '#/components/schemas/contact_create' }
        - type: object
          required: [email, age, tags]
          properties:
            email: { type: string, example: This is prose, not a value }
            age: { type: integer }
            tags: { type: array, items: { type: boolean } }
            nickname: { type: string }
`

function opIn(data: CatalogData, method: string, path: string): CatalogOperation {
  const found = data.operations.find((o) => o.method === method && o.path === path)
  if (!found) throw new Error(`no ${method} ${path}`)
  return found
}

describe('buildCatalog on a small spec', () => {
  const data = buildCatalog(MINI_SPEC)

  test('reads versions, groups in spec order, and every operation', () => {
    expect(data.versions).toEqual(['1.0', '2.0', '2.1'])
    expect(data.defaultVersion).toBe('2.1')
    expect(data.groups).toEqual(['Zebra', 'Contacts'])
    expect(data.source).toBe('Intercom OpenAPI 9.9 (MIT)')
    expect(data.operations).toHaveLength(6)
  })

  test('merges path-level parameters, letting the operation override them, and drops Intercom-Version', () => {
    const del = opIn(data, 'DELETE', '/contacts/{contact_id}')
    expect(del.pathParams).toEqual([{ name: 'contact_id', type: 'string', required: true, example: 'abc' }])
    expect(del.queryParams).toEqual([{ name: 'shared_flag', type: 'string', enum: ['a', 'b'], required: true }])
    expect(opIn(data, 'GET', '/contacts').queryParams).toEqual([
      { name: 'per_page', type: 'integer', required: false, example: '50' },
      { name: 'starting_after', type: 'string', required: false }
    ])
    expect(opIn(data, 'GET', '/contacts').headerParams).toEqual([])
  })

  test('treats a template parameter declared in the query as a path parameter', () => {
    const stripes = opIn(data, 'GET', '/zebras/{zebra_id}/stripes')
    expect(stripes.pathParams).toEqual([{ name: 'zebra_id', type: 'integer', required: true }])
    expect(stripes.queryParams.map((q) => q.name)).toEqual(['page'])
  })

  test('names an operation without operationId from its summary and keeps all its tags', () => {
    const del = opIn(data, 'DELETE', '/contacts/{contact_id}')
    expect(del.operationId).toBe('deleteAContact')
    expect(del.tags).toEqual(['Contacts', 'Extra'])
    expect(del.group).toBe('Contacts')
  })

  test('takes the permission the description names first as documented, else infers it', () => {
    expect(scopesNamedIn('needs write_users_companies then read_tags; not read_write_content_snippets_x')).toEqual([
      'write_users_companies',
      'read_tags'
    ])
    const del = opIn(data, 'DELETE', '/contacts/{contact_id}')
    expect([del.permission, del.permissionSource]).toEqual(['write_users_companies', 'documented'])
    const list = opIn(data, 'GET', '/contacts')
    expect([list.permission, list.permissionSource]).toEqual(['read_users_companies', 'inferred'])
    const stripes = opIn(data, 'GET', '/zebras/{zebra_id}/stripes')
    expect([stripes.permission, stripes.permissionSource]).toEqual([null, 'unknown'])
  })

  test('classifies pagination and finds where the items are', () => {
    const kind = (m: string, p: string) => {
      const o = opIn(data, m, p)
      return [o.pagination, o.paginationIn, o.listKey]
    }
    expect(kind('GET', '/contacts')).toEqual(['cursor', 'query', 'contacts'])
    expect(kind('POST', '/contacts/search')).toEqual(['search', 'body', 'contacts'])
    expect(kind('GET', '/zebras/{zebra_id}/stripes')).toEqual(['page', 'query', 'result.stripes'])
    expect(kind('GET', '/zebras/scroll')).toEqual(['scroll', 'query', 'data'])
    expect(kind('POST', '/contacts')).toEqual(['none', null, null])
  })

  test('builds body skeletons through allOf, oneOf and cycles, skipping read-only fields', () => {
    const create = opIn(data, 'POST', '/contacts')
    expect(create.hasBody).toBe(true)
    // The self-reference stops at an empty object instead of recursing forever.
    expect(create.body).toEqual({ role: 'user', parent: {}, email: '', age: 0, tags: [false] })
    expect(opIn(data, 'POST', '/contacts/search').body).toEqual({ query: { field: 'created_at' } })
    expect(opIn(data, 'GET', '/contacts')).toMatchObject({ hasBody: false, body: null })
  })

  test('rejects input that is not a usable spec, naming the problem', () => {
    expect(() => buildCatalog('just: text')).toThrow(/no "paths" object/)
    expect(() => buildCatalog('paths: [')).toThrow(/not valid YAML/)
    expect(() => buildCatalog(MINI_SPEC.replace(/intercom_version:/, 'renamed_version:'))).toThrow(/intercom_version/)
    expect(() => buildCatalog(MINI_SPEC.replace("'#/components/schemas/contact_list'", "'#/components/schemas/missing'"))).toThrow(
      /names no schema/
    )
    expect(() => buildCatalog(MINI_SPEC.replace('tags: [Zebra]\n      parameters', 'tags: []\n      parameters'))).toThrow(
      /GET \/zebras\/\{zebra_id\}\/stripes has no tag/
    )
  })
})

// The real spec lives outside the repo; without it these checks cannot run.
const SPEC_PATH = '/work/shared/intercom/openapi-2.16.yaml'
const hasSpec = existsSync(SPEC_PATH)
if (!hasSpec) console.log(`gen-catalog: skipping the real-spec checks because ${SPEC_PATH} is not present`)
const withSpec = test.skipIf(!hasSpec)

let built: CatalogData | undefined
const real = (): CatalogData => (built ??= buildCatalog(readFileSync(SPEC_PATH, 'utf8')))

describe('buildCatalog on Intercom 2.16', () => {
  withSpec('finds all 231 operations, version 2.16 by default', () => {
    const data = real()
    expect(data.operations).toHaveLength(231)
    expect(data.defaultVersion).toBe('2.16')
    expect(data.versions.at(-1)).toBe('2.16')
  })

  withSpec('derives the known facts of a few operations', () => {
    const data = real()
    // GET /me needs Read admins only for OAuth tokens; an Access Token calls it freely.
    const me = opIn(data, 'GET', '/me')
    expect(me).toMatchObject({ operationId: 'identifyAdmin', group: 'Admins', permission: 'read_admins', permissionSource: 'documented' })
    expect(me.needs).toEqual([
      expect.objectContaining({ permission: 'read_admins', condition: expect.objectContaining({ credential: 'oauth' }) })
    ])
    // Deleting a conversation needs delete_conversations_and_metrics only with retain_metrics=false.
    const del = opIn(data, 'DELETE', '/conversations/{conversation_id}')
    expect(del.needs.map((n) => [n.permission, n.source, n.condition?.query ?? null])).toEqual([
      ['write_conversations', 'inferred', null],
      ['delete_conversations_and_metrics', 'documented', { name: 'retain_metrics', value: 'false' }]
    ])
    // Scopes named only by a 403 example or by the tag's description are documented too.
    expect(opIn(data, 'GET', '/macros')).toMatchObject({ permission: 'read_conversations', permissionSource: 'documented' })
    expect(opIn(data, 'GET', '/office_hours_schedules')).toMatchObject({
      permission: 'read_write_office_hours',
      permissionSource: 'documented'
    })
    expect(opIn(data, 'GET', '/ip_allowlist')).toMatchObject({ permission: 'manage_ip_allowlist', permissionSource: 'documented' })
    expect(opIn(data, 'GET', '/contacts/{id}/banners')).toMatchObject({ permission: 'read_write_users', permissionSource: 'documented' })
    expect(opIn(data, 'GET', '/companies/{company_id}/contacts')).toMatchObject({
      permission: 'read_users_companies',
      permissionSource: 'documented'
    })
    expect(opIn(data, 'POST', '/contacts/search')).toMatchObject({ pagination: 'search', paginationIn: 'body', hasBody: true })
    expect(opIn(data, 'GET', '/contacts')).toMatchObject({ pagination: 'cursor', listKey: 'data' })
    expect(opIn(data, 'GET', '/companies')).toMatchObject({ pagination: 'page' })
    expect(opIn(data, 'GET', '/companies/scroll')).toMatchObject({ pagination: 'scroll' })
  })

  withSpec('documents exactly the scopes the spec text names, and leaves no operation without a permission', () => {
    const data = real()
    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as {
      tags: { name: string; description?: string }[]
      paths: Record<
        string,
        Record<string, { description?: string; tags?: string[]; parameters?: unknown; responses?: Record<string, unknown> }>
      >
    }
    const tagText = new Map(spec.tags.map((t) => [t.name, t.description ?? '']))
    let documented = 0
    for (const op of data.operations) {
      const raw = spec.paths[op.path]?.[op.method.toLowerCase()]
      if (!raw) throw new Error(`${op.method} ${op.path} is not in the spec`)
      // Every word the spec says about this operation (its whole object: description, parameters,
      // body, every response and example), its path's parameters and all its tags' descriptions,
      // read here independently of the generator.
      const text = [
        JSON.stringify(raw),
        JSON.stringify((spec.paths[op.path] as { parameters?: unknown } | undefined)?.parameters ?? ''),
        ...(raw.tags ?? []).map((tag) => tagText.get(tag) ?? '')
      ].join(' ')
      const named = [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [])].filter((w) => permissionById(w))
      const where = `${op.method} ${op.path}`
      expect(op.permission, where).not.toBeNull()
      for (const n of op.needs) expect(n.basis, where).toBeTruthy()
      const documentedIds = op.needs.filter((n) => n.source === 'documented').map((n) => n.permission)
      if (named.length > 0) {
        documented++
        expect(new Set(documentedIds), where).toEqual(new Set(named))
      } else if (!['GET /me', 'GET /companies/{company_id}/contacts'].includes(where)) {
        // Not named by the spec: inferred from the resource, and said so.
        expect(
          op.needs.map((n) => n.source),
          where
        ).toEqual(op.needs.map(() => 'inferred'))
        expect(op.needs[0]?.basis, where).toMatch(/^inferred from the /)
      }
    }
    expect(documented).toBe(39)
  })

  withSpec('matches the committed catalog.json, so a stale file fails', () => {
    const fresh = serializeCatalog(real())
    expect(fresh.length).toBeLessThan(400 * 1024)
    const committed = readFileSync(CATALOG_PATH, 'utf8')
    // Compare parsed first for a readable diff, then byte for byte.
    expect(JSON.parse(committed)).toEqual(JSON.parse(fresh))
    expect(committed).toBe(fresh)
  })
})
