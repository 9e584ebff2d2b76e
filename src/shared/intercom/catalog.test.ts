import { describe, expect, test } from 'vitest'
import { RequestDraft } from '../model'
import {
  catalog,
  DEFAULT_INTERCOM_VERSION,
  draftFromOperation,
  groups,
  INTERCOM_VERSIONS,
  matchOperation,
  operationById,
  searchOperations,
  type CatalogOperation
} from './catalog'
import { permissionById } from './permissions'

const op = (id: string): CatalogOperation => {
  const found = operationById(id)
  if (!found) throw new Error(`no operation ${id}`)
  return found
}
const describeOp = (o: CatalogOperation | undefined) => (o ? `${o.method} ${o.path}` : 'none')

describe('catalog data', () => {
  test('holds every 2.16 operation once, with unique ids and method+path pairs', () => {
    expect(catalog.operations).toHaveLength(231)
    expect(new Set(catalog.operations.map((o) => o.operationId)).size).toBe(231)
    expect(new Set(catalog.operations.map(describeOp)).size).toBe(231)
  })

  test('lists the accepted Intercom-Version values with 2.16 as default', () => {
    expect(DEFAULT_INTERCOM_VERSION).toBe('2.16')
    expect(INTERCOM_VERSIONS).toContain('2.16')
    expect(INTERCOM_VERSIONS).toContain('1.0')
    expect(INTERCOM_VERSIONS.indexOf('2.9')).toBeLessThan(INTERCOM_VERSIONS.indexOf('2.10'))
  })

  test('declares exactly the path parameters its template names', () => {
    for (const o of catalog.operations) {
      const inTemplate = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      expect(
        o.pathParams.map((p) => p.name),
        o.path
      ).toEqual(inTemplate)
      expect(o.pathParams.every((p) => p.required)).toBe(true)
    }
  })

  test('names only known permissions, and a list key for every paginated operation', () => {
    for (const o of catalog.operations) {
      if (o.permission !== null) expect(permissionById(o.permission), o.operationId).toBeDefined()
      expect(o.permission === null, o.operationId).toBe(o.permissionSource === 'unknown')
      expect(o.listKey === null, o.operationId).toBe(o.pagination === 'none')
      expect(o.hasBody || o.body === null).toBe(true)
    }
  })
})

describe('operationById', () => {
  test('finds an operation and rejects an unknown id', () => {
    expect(describeOp(operationById('identifyAdmin'))).toBe('GET /me')
    expect(operationById('noSuchOperation')).toBeUndefined()
  })
})

describe('groups', () => {
  test('follows the spec order and holds every operation in exactly one group, in order', () => {
    const list = groups()
    expect(list.map((g) => g.name)).toEqual(catalog.groups)
    expect(list[0]?.name).toBe('Admins')
    const flattened = list.flatMap((g) => g.operations)
    expect(flattened).toHaveLength(catalog.operations.length)
    for (const g of list) {
      expect(g.operations.length).toBeGreaterThan(0)
      expect(g.operations.every((o) => o.group === g.name)).toBe(true)
      const positions = g.operations.map((o) => catalog.operations.indexOf(o))
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })
})

describe('matchOperation', () => {
  test('maps a concrete path to its template and extracts the parameters', () => {
    const match = matchOperation('GET', '/contacts/123/tags')
    expect(match?.operation.operationId).toBe('listTagsForAContact')
    expect(match?.pathParams).toEqual({ contact_id: '123' })
  })

  test('prefers literal segments over parameters', () => {
    expect(describeOp(matchOperation('GET', '/articles/search')?.operation)).toBe('GET /articles/search')
    expect(describeOp(matchOperation('GET', '/articles/42')?.operation)).toBe('GET /articles/{article_id}')
    expect(describeOp(matchOperation('GET', '/conversations/attributes')?.operation)).toBe('GET /conversations/attributes')
    expect(describeOp(matchOperation('POST', '/contacts/search')?.operation)).toBe('POST /contacts/search')
  })

  test('accepts full URLs, query strings, trailing slashes, lower-case methods and encoded segments', () => {
    const match = matchOperation('delete', 'https://api.eu.intercom.io/contacts/a%2Fb/tags/7/?x=1#top')
    expect(match?.operation.operationId).toBe('detachTagFromContact')
    expect(match?.pathParams).toEqual({ contact_id: 'a/b', tag_id: '7' })
  })

  test('returns null when the method or the shape does not match', () => {
    expect(matchOperation('PATCH', '/contacts/123')).toBeNull()
    expect(matchOperation('GET', '/nowhere/at/all')).toBeNull()
    expect(matchOperation('GET', '/contacts/123/tags/4/extra')).toBeNull()
  })
})

describe('searchOperations', () => {
  test('puts an exact operationId or path first', () => {
    expect(searchOperations('identifyAdmin')[0]?.operationId).toBe('identifyAdmin')
    expect(searchOperations('/me')[0]?.operationId).toBe('identifyAdmin')
    expect(searchOperations('/contacts').slice(0, 2).map(describeOp).sort()).toEqual(['GET /contacts', 'POST /contacts'])
  })

  test('is case-insensitive and requires every word', () => {
    expect(searchOperations('SEARCH Contacts')[0]?.operationId).toBe('SearchContacts')
    const results = searchOperations('delete tag')
    expect(results.length).toBeGreaterThan(1)
    for (const o of results) expect(`${o.method} ${o.path} ${o.summary} ${o.operationId}`.toLowerCase()).toMatch(/delete/)
    expect(searchOperations('contacts qqqzzz')).toEqual([])
  })

  test('finds the templates of a concrete path, narrowed by a method word', () => {
    expect(searchOperations('/contacts/123/tags').slice(0, 2).map(describeOp).sort()).toEqual([
      'GET /contacts/{contact_id}/tags',
      'POST /contacts/{contact_id}/tags'
    ])
    expect(searchOperations('post /contacts/123/tags').map(describeOp)[0]).toBe('POST /contacts/{contact_id}/tags')
  })

  test('ranks a method word and a whole word above a partial match', () => {
    const results = searchOperations('get conversation')
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((o) => o.method === 'GET')).toBe(true)
    expect(results[0]?.group).toMatch(/^Conversations/)
  })

  test('honours the limit, and an empty query lists operations in catalog order', () => {
    expect(searchOperations('', 5)).toEqual(catalog.operations.slice(0, 5))
    expect(searchOperations('contacts', 3)).toHaveLength(3)
  })
})

describe('draftFromOperation', () => {
  test('builds a valid draft with blank path parameters and no body for a GET', () => {
    const draft = draftFromOperation(op('listTagsForAContact'))
    expect(draft).toMatchObject({ method: 'GET', path: '/contacts/{contact_id}/tags', body: null })
    expect(draft.pathParams).toEqual({ contact_id: '' })
    expect(draft.operationId).toBe('listTagsForAContact')
    expect(() => RequestDraft.parse(draft)).not.toThrow()
  })

  test('enables required query rows and leaves optional ones off', () => {
    const draft = draftFromOperation(op('listActivityLogs'))
    expect(draft.query).toContainEqual({ name: 'created_at_after', value: '', enabled: true })
    expect(draft.query).toContainEqual({ name: 'created_at_before', value: '', enabled: false })
  })

  test('pretty-prints the body skeleton with two spaces', () => {
    const operation = op('SearchContacts')
    const draft = draftFromOperation(operation)
    expect(draft.body).toBe(JSON.stringify(operation.body, null, 2))
    expect(draft.body).toMatch(/^\{\n {2}"query": \{/)
    expect(JSON.parse(draft.body ?? 'null')).toEqual(operation.body)
  })

  test('fills a header parameter that allows a single value', () => {
    const download = catalog.operations.find((o) => o.headerParams.some((h) => h.name === 'Accept'))
    expect(download).toBeDefined()
    expect(draftFromOperation(download!).headers).toContainEqual({
      name: 'Accept',
      value: 'application/octet-stream',
      enabled: true
    })
  })
})
