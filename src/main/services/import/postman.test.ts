import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { RequestDraft } from '../../../shared/model'
import { exportPostmanCollection, importPostmanCollection, POSTMAN_SCHEMA_V21, type ExportableRequest } from './postman'

const FIXTURE = readFileSync(new URL('../library/fixtures/intercom-collection.postman.json', import.meta.url), 'utf8')
const LITERAL_TOKEN = 'dG9rOjljMWQyZTNmLWZpeHR1cmUtMDAwMC1hYWFhLTEyMzQ1Njc4OWFiYzoxOjA='

describe('importPostmanCollection (Intercom-style fixture)', () => {
  const { requests, report, credentialValues } = importPostmanCollection(FIXTURE)
  const byName = (n: string) => {
    const r = requests.find((x) => x.name === n)
    if (!r) throw new Error(`no request "${n}"`)
    return r
  }

  it('keeps nested folders, methods, {{baseUrl}} as relative paths, query, headers and Intercom-Version', () => {
    expect(report).toMatchObject({ collectionName: 'Intercom API (fixture)', requestCount: 11, folderCount: 5 })
    expect(requests.map((r) => `${r.folder} :: ${r.name}`)).toEqual([
      'Contacts :: List all contacts',
      'Contacts :: Retrieve a contact',
      'Contacts/Tags :: Add tag to a contact',
      'Conversations :: Reply to a conversation',
      'Conversations :: Upload an attachment',
      'Admins :: Identify an admin (EU, Basic)',
      'Admins :: List admins (legacy key header)',
      'Admins :: Admins via OAuth',
      'Data Events :: Submit a data event',
      'Data Events :: Bulk upload (file)',
      'Data Events :: Forward to a webhook'
    ])
    expect(byName('List all contacts').draft).toEqual(
      RequestDraft.parse({
        method: 'GET',
        path: '/contacts',
        query: [
          { name: 'per_page', value: '50', enabled: true },
          { name: 'starting_after', value: '{{cursor}}', enabled: true },
          { name: 'email', value: 'a@example.com', enabled: false }
        ],
        headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
        intercomVersion: '2.11',
        authMode: 'bearer'
      })
    )
    expect(byName('Retrieve a contact').draft).toMatchObject({
      path: '/contacts/{contact_id}',
      pathParams: { contact_id: '63a07ddf05a32042dffac965' },
      intercomVersion: null
    })
    expect(byName('Add tag to a contact').draft).toMatchObject({
      method: 'POST',
      path: '/contacts/{contact_id}/tags',
      body: '{\n  "id": "{{tag_id}}"\n}'
    })
    // A literal Intercom regional host becomes a relative path too; Basic with {{token}} sets the mode.
    expect(byName('Identify an admin (EU, Basic)').draft).toMatchObject({ path: '/me', authMode: 'basic' })
    expect(byName('Reply to a conversation').draft).toMatchObject({ path: '/conversations/123/reply', authMode: 'bearer' })
    expect(byName('Forward to a webhook').draft).toMatchObject({ path: 'https://hooks.example.com/{{webhook_id}}', body: '' })
  })

  it('reports literal credentials (auth block and header) without putting them into any draft', () => {
    expect(report.credentials.map((c) => [c.itemPath, c.source, c.preview])).toEqual([
      ['Conversations / Reply to a conversation', 'auth_bearer', `${LITERAL_TOKEN.slice(0, 4)}…${LITERAL_TOKEN.slice(-4)}`],
      ['Admins / List admins (legacy key header)', 'header', 'lega…cdef']
    ])
    expect(credentialValues.get(report.credentials[0]!.id)).toBe(LITERAL_TOKEN)
    expect(credentialValues.get(report.credentials[1]!.id)).toBe('legacy_1234567890abcdef')
    const everything = JSON.stringify({ requests, report })
    expect(everything).not.toContain(LITERAL_TOKEN)
    expect(everything).not.toContain('legacy_1234567890abcdef')
    expect(byName('List admins (legacy key header)').draft.headers).toEqual([])
  })

  it('names every part it could not carry over, with the item it came from', () => {
    const w = report.warnings.map((x) => `${x.kind} @ ${x.itemPath}`)
    expect(w).toEqual(
      expect.arrayContaining([
        'script @ ',
        'response_examples @ Contacts / Retrieve a contact',
        'body_mode @ Conversations / Upload an attachment',
        'auth @ Admins / Admins via OAuth',
        'script @ Data Events / Submit a data event',
        'body_mode @ Data Events / Submit a data event',
        'file_body @ Data Events / Bulk upload (file)',
        'method @ Data Events / Purge cache',
        'other @ Data Events / Forward to a webhook',
        'description @ '
      ])
    )
    expect(report.warnings.find((x) => x.kind === 'body_mode')?.message).toMatch(/"formdata" body \(2 fields\)/)
    expect(report.warnings.find((x) => x.kind === 'other')?.message).toMatch(/protocolProfileBehavior/)
    expect(report.warnings.find((x) => x.kind === 'description')?.message).toMatch(/^2 descriptions/)
    expect(report.variables.map((v) => v.name)).toEqual(['contact_id', 'cursor', 'tag_id', 'webhook_id'])
    expect(report.variables.find((v) => v.name === 'webhook_id')?.itemPaths).toEqual(['Data Events / Forward to a webhook'])
  })

  it('refuses what is not a v2.x collection, with a clear message', () => {
    const err = (input: unknown) => {
      try {
        importPostmanCollection(input)
      } catch (e) {
        expect(e).toBeInstanceOf(AppError)
        return (e as AppError).message
      }
      throw new Error('expected an error')
    }
    expect(err('{nope')).toMatch(/not valid JSON/)
    expect(err({ hello: 1 })).toMatch(/"info" and an "item" list/)
    expect(err({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' }, item: [] })).toMatch(
      /unsupported .*v1\.0\.0/
    )
  })
})

describe('exportPostmanCollection', () => {
  const drafts: ExportableRequest[] = [
    {
      name: 'List contacts',
      folder: 'Contacts',
      draft: RequestDraft.parse({
        method: 'GET',
        path: '/contacts',
        query: [
          { name: 'per_page', value: '5' },
          { name: 'x', value: 'a&b', enabled: false }
        ],
        intercomVersion: '2.11'
      })
    },
    {
      name: 'Get contact',
      folder: 'Contacts/Deep/Deeper',
      draft: RequestDraft.parse({ method: 'GET', path: '/contacts/{contact_id}', pathParams: { contact_id: '42' }, authMode: 'basic' })
    },
    {
      name: 'Create ticket',
      folder: '',
      draft: RequestDraft.parse({
        method: 'POST',
        path: '/tickets',
        headers: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'X-Off', value: '1', enabled: false }
        ],
        body: '{"ticket_type_id":"1"}'
      })
    },
    {
      name: 'Legacy',
      folder: 'Old',
      draft: RequestDraft.parse({
        method: 'DELETE',
        path: '/contacts/{id}/tags/{tag_id}',
        pathParams: { id: '1', tag_id: '{{tag}}' },
        authMode: 'legacy'
      })
    },
    {
      name: 'No auth',
      folder: 'Old',
      draft: RequestDraft.parse({
        method: 'PUT',
        path: 'https://example.com:8443/hook/{id}',
        pathParams: { id: '9' },
        authMode: 'none',
        body: ''
      })
    }
  ]

  it('writes v2.1 with a {{baseUrl}} host and Bearer {{token}} auth, never a real token', () => {
    type Item = { name: string; item: Item[]; request: { url: { raw: string }; header: unknown } }
    const col = exportPostmanCollection('Mine', drafts) as { info: unknown; auth: unknown; item: Item[] }
    expect(col.info).toEqual({ name: 'Mine', schema: POSTMAN_SCHEMA_V21 })
    expect(col.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] })
    const contacts = col.item.find((i) => i.name === 'Contacts')!
    const list = contacts.item.find((i) => i.name === 'List contacts')!
    expect(list.request.url).toMatchObject({ raw: '{{baseUrl}}/contacts?per_page=5', host: ['{{baseUrl}}'], path: ['contacts'] })
    expect(list.request.header).toEqual([{ key: 'Intercom-Version', value: '2.11' }])
    expect(contacts.item.find((i) => i.name === 'Deep')!.item[0]!.item[0]!.request.url.raw).toBe('{{baseUrl}}/contacts/:contact_id')

    const leaky: ExportableRequest = {
      name: 'Leak',
      folder: '',
      draft: RequestDraft.parse({ method: 'GET', path: '/me', headers: [{ name: 'Authorization', value: `Bearer ${LITERAL_TOKEN}` }] })
    }
    expect(JSON.stringify(exportPostmanCollection('x', [leaky]))).not.toContain(LITERAL_TOKEN)
  })

  it('round-trips: export then import gives equal drafts, names and folders', () => {
    const back = importPostmanCollection(JSON.stringify(exportPostmanCollection('Mine', drafts)))
    expect(back.report.warnings).toEqual([])
    expect(back.report.credentials).toEqual([])
    const key = (r: ExportableRequest) => `${r.folder}/${r.name}`
    expect(back.requests.map(key).sort()).toEqual(drafts.map(key).sort())
    for (const d of drafts) expect(back.requests.find((r) => key(r) === key(d))?.draft).toEqual(d.draft)

    // And the fixture survives a second trip unchanged.
    const first = importPostmanCollection(FIXTURE).requests
    const second = importPostmanCollection(exportPostmanCollection('again', first)).requests
    expect(second).toEqual(first)
  })
})
