import { describe, expect, it } from 'vitest'
import { matchOperation } from '../../../shared/intercom/catalog'
import { PERMISSIONS } from '../../../shared/intercom/permissions'
import { learnFromAnswer, mergeFindings, type Finding } from './findings'
import { OAUTH_NOTE, verdictFor } from './verdict'

const at = '2025-01-02T10:42:00.000Z'
const op = (method: string, path: string) => matchOperation(method, path)?.operation ?? null
const learn = (
  method: string,
  path: string,
  status: number,
  message?: string,
  options: { oauth?: boolean; query?: Record<string, string> } = {}
) =>
  learnFromAnswer(
    op(method, path),
    { method, path, query: options.query ?? {} },
    { status, intercomErrors: message ? [{ code: status === 403 ? 'forbidden' : 'token_unauthorized', message }] : null },
    { oauth: options.oauth ?? false, at }
  )

describe('learnFromAnswer', () => {
  it('grants the permission of an operation answered 2xx, with the request, status and time', () => {
    expect(learn('GET', '/contacts/abc', 200)).toEqual([
      {
        permission: 'read_single_user_company',
        state: 'granted',
        evidence: 'response',
        request: { method: 'GET', path: '/contacts/abc' },
        status: 200,
        at,
        message:
          'GET /contacts/abc answered 200 (that it needs read_single_user_company is inferred from the Contacts resource, not documented).'
      }
    ])
  })

  it('says nothing of inference when the map documents the need, or when the refusal names the scope', () => {
    expect(learn('GET', '/macros', 200)[0]?.message).toBe('GET /macros answered 200.')
    expect(learn('GET', '/admins', 403, 'You do not have the required scope (read_admins) to access this resource')[0]?.message).toBe(
      'You do not have the required scope (read_admins) to access this resource'
    )
    expect(learn('GET', '/tags', 403, 'Forbidden')[0]?.message).toBe(
      'Forbidden (that it needs read_tags is inferred from the Tags resource, not documented)'
    )
  })

  it('learns nothing about read_admins from GET /me with an Access Token, and grants it for OAuth', () => {
    expect(learn('GET', '/me', 200)).toEqual([])
    expect(learn('GET', '/me', 200, undefined, { oauth: true }).map((f) => [f.permission, f.state])).toEqual([['read_admins', 'granted']])
  })

  it('denies the scope a 403 names, even when the operation maps to another', () => {
    const found = learn(
      'GET',
      '/admins/activity_logs',
      403,
      'You do not have the required scope (read_single_admin) to access this resource'
    )
    expect(found.map((f) => [f.permission, f.state, f.evidence])).toEqual([['read_single_admin', 'denied', 'response']])
  })

  it('denies nothing of the operation on a 403 naming a scope it does not know', () => {
    expect(learn('GET', '/tags', 403, 'You do not have the required scope (read_tag_groups) to access this resource')).toEqual([])
  })

  it('denies the one applicable permission on a 403 that names none, and ignores refusals that are not about permissions', () => {
    expect(learn('GET', '/tags', 403, 'Forbidden').map((f) => [f.permission, f.state])).toEqual([['read_tags', 'denied']])
    expect(learn('GET', '/tags', 404)).toEqual([])
    expect(learn('GET', '/tags', 500)).toEqual([])
  })

  it('applies a parameter condition only when the request meets it', () => {
    const keep = learn('DELETE', '/conversations/5', 200, undefined, { query: { retain_metrics: 'true' } })
    expect(keep.map((f) => f.permission)).toEqual(['write_conversations'])
    const purge = learn('DELETE', '/conversations/5', 200, undefined, { query: { retain_metrics: 'false' } })
    expect(purge.map((f) => f.permission)).toEqual(['write_conversations', 'delete_conversations_and_metrics'])
  })
})

describe('mergeFindings', () => {
  const f = (permission: string, state: Finding['state'], status: number | null): Finding => ({
    permission,
    state,
    evidence: state === 'unknown' ? 'none' : 'response',
    request: null,
    status,
    at,
    message: null
  })
  it('lets the newest answer win and never lets an unknown erase what is known', () => {
    const merged = mergeFindings(
      [f('read_tags', 'denied', 403), f('read_admins', 'granted', 200)],
      [f('read_tags', 'granted', 200), f('read_admins', 'unknown', null)]
    )
    expect(merged.map((x) => [x.permission, x.state])).toEqual([
      ['read_tags', 'granted'],
      ['read_admins', 'granted']
    ])
  })
})

describe('mergeFindings and time', () => {
  const at = (permission: string, state: Finding['state'], time: string): Finding => ({
    permission,
    state,
    evidence: 'response',
    request: null,
    status: state === 'granted' ? 200 : 403,
    at: time,
    message: null
  })
  it('keeps an answer that came after the one being merged (a response during an inspection)', () => {
    const merged = mergeFindings(
      [at('read_tags', 'granted', '2025-01-02T10:42:05.000Z')],
      [at('read_tags', 'denied', '2025-01-02T10:42:01.000Z')]
    )
    expect(merged.map((x) => [x.permission, x.state])).toEqual([['read_tags', 'granted']])
    const later = mergeFindings(
      [at('read_tags', 'granted', '2025-01-02T10:42:05.000Z')],
      [at('read_tags', 'denied', '2025-01-02T10:43:00.000Z')]
    )
    expect(later.map((x) => [x.permission, x.state])).toEqual([['read_tags', 'denied']])
  })
})

describe('verdictFor', () => {
  const found = (states: Record<string, Finding['state']>): Finding[] =>
    Object.entries(states).map(([permission, state]) => ({
      permission,
      state,
      evidence: 'probe',
      request: null,
      status: null,
      at,
      message: null
    }))

  it('says "standard scopes only" and where to ask for the missing ones', () => {
    const v = verdictFor(found({ read_admins: 'denied', read_articles_scope: 'denied', read_tags: 'granted' }), { oauth: false })
    expect(v.kind).toBe('standard_only')
    expect(v.missing).toEqual(['read_admins', 'read_articles_scope'])
    expect(v.detail).toContain('Read admins')
    expect(v.detail).toContain('To call /admins or /articles, request them in Developer Hub → your app → Authentication → Edit scopes.')
    expect(v.oauthNote).toBeNull()
  })

  it('names every missing extended scope, the ones people ask about first', () => {
    const extended = PERMISSIONS.filter((p) => p.tier === 'extended')
    const v = verdictFor(found(Object.fromEntries(extended.map((p) => [p.id, 'denied' as const]))), { oauth: false })
    expect(v).toMatchObject({ kind: 'standard_only', title: 'Standard scopes only' })
    expect(`${v.title}: ${v.detail}`).toMatch(/^Standard scopes only: the extended scopes \(Read admins, Read and list articles, /)
    for (const p of extended) expect(v.detail).toContain(p.label)
    expect(v.detail).toMatch(
      /are not granted\. To call \/admins or \/articles, request them in Developer Hub → your app → Authentication → Edit scopes\.$/
    )
  })

  it('says extended scopes are granted when none is denied, and partial when some are', () => {
    expect(verdictFor(found({ read_admins: 'granted' }), { oauth: false }).kind).toBe('extended_granted')
    expect(verdictFor(found({ read_admins: 'granted', read_news: 'denied' }), { oauth: false })).toMatchObject({
      kind: 'extended_partial',
      missing: ['read_news']
    })
    expect(verdictFor(found({ read_tags: 'granted' }), { oauth: false }).kind).toBe('unknown')
  })

  it('adds the OAuth note for OAuth workspaces', () => {
    expect(verdictFor([], { oauth: true }).oauthNote).toBe(OAUTH_NOTE)
    expect(OAUTH_NOTE).toMatch(/Developer Hub/)
  })
})
