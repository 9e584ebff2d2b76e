import { describe, expect, it } from 'vitest'
import { composer, isDirty } from './composer'
import { RequestDraft } from '../../../shared/model'

describe('composer store', () => {
  it('keeps operationId true to the method and path being edited', () => {
    composer.load({ method: 'GET', path: '/me', operationId: 'identifyAdmin' })
    composer.update({ path: '/contacts' })
    expect(composer.get().draft.operationId).toBe('ListContacts')
    composer.update({ path: '/contacts/123' })
    expect(composer.get().draft.operationId).toBe('ShowContact')
    composer.update({ method: 'DELETE' })
    expect(composer.get().draft.operationId).toBe('DeleteContact')
    composer.update({ path: '/not/an/intercom/path' })
    expect(composer.get().draft.operationId).toBeNull()
  })

  it('leaves operationId alone for edits that do not touch method or path', () => {
    composer.load({ method: 'POST', path: '/contacts/search', operationId: 'SearchContacts' })
    composer.update({ body: '{}' })
    expect(composer.get().draft.operationId).toBe('SearchContacts')
    const revision = composer.get().revision
    composer.update({ path: '/contacts/search' })
    expect(composer.get().draft.operationId).toBe('SearchContacts')
    expect(composer.get().revision).toBe(revision)
  })
})

describe('request tabs', () => {
  it('keeps a draft, a workspace and an answer per tab', () => {
    composer.restore(
      [
        {
          id: 'a',
          draft: RequestDraft.parse({ method: 'GET', path: '/me' }),
          baseline: RequestDraft.parse({ method: 'GET', path: '/me' }),
          saved: null,
          workspaceId: 'ws1'
        }
      ],
      'a'
    )
    const b = composer.open({ method: 'GET', path: '/contacts' }, { workspaceId: 'ws2' })
    expect(composer.get().tabs.map((t) => t.id)).toEqual(['a', b])
    expect(composer.get().draft.path).toBe('/contacts')
    composer.update({ path: '/contacts/1' })
    composer.select('a')
    expect(composer.get().draft.path).toBe('/me')
    expect(composer.active().workspaceId).toBe('ws1')
    composer.select(b)
    expect(composer.get().draft.path).toBe('/contacts/1')
  })

  it('drops an answer when the method or path changes, or the tab moves to another workspace', () => {
    const id = composer.open({ method: 'GET', path: '/me' }, { workspaceId: 'ws1' })
    const failed = { phase: 'failed', message: 'no', cancelled: false } as const
    composer.setResponse(id, failed)
    composer.update({ headers: [{ name: 'X', value: '1', enabled: true }] })
    expect(composer.active().response).toBe(failed)
    composer.update({ method: 'DELETE' })
    expect(composer.active().response.phase).toBe('idle')
    composer.setResponse(id, failed)
    composer.bind(id, 'ws1')
    expect(composer.active().response).toBe(failed)
    composer.bind(id, 'ws2')
    expect(composer.active().response.phase).toBe('idle')
  })

  it('marks edits to a saved request until saved, and reorders and closes tabs', () => {
    const id = composer.open({ method: 'GET', path: '/contacts' }, { saved: { id: 's1', name: 'Contacts' } })
    expect(isDirty(composer.active())).toBe(false)
    composer.update({ path: '/contacts?per_page=1' })
    expect(isDirty(composer.active())).toBe(true)
    composer.update({ path: '/contacts' })
    expect(isDirty(composer.active())).toBe(false)
    composer.update({ body: '{}' })
    composer.markSaved({ id: 's1', name: 'Contacts' })
    expect(isDirty(composer.active())).toBe(false)

    const ids = composer.get().tabs.map((t) => t.id)
    composer.move(id, 0)
    expect(composer.get().tabs.map((t) => t.id)).toEqual([id, ...ids.filter((x) => x !== id)])
    composer.close(id)
    expect(composer.get().tabs.some((t) => t.id === id)).toBe(false)
    for (const t of composer.get().tabs) composer.close(t.id)
    // The last tab closed leaves one fresh tab.
    expect(composer.get().tabs).toHaveLength(1)
    expect(composer.get().draft.path).toBe('/me')
  })

  it('opens a saved request in its own tab, or in an untouched scratch tab', () => {
    for (const t of composer.get().tabs) composer.close(t.id)
    const scratch = composer.get().activeId
    composer.openSaved({ method: 'GET', path: '/admins' }, { id: 's2', name: 'Admins' })
    expect(composer.get().activeId).toBe(scratch)
    expect(composer.get().saved?.name).toBe('Admins')
    composer.update({ path: '/admins/1' })
    composer.openSaved({ method: 'GET', path: '/tags' }, { id: 's3', name: 'Tags' })
    expect(composer.get().tabs).toHaveLength(2)
    composer.openSaved({ method: 'GET', path: '/admins' }, { id: 's2', name: 'Admins' })
    // Its tab comes forward with the edits kept.
    expect(composer.get().activeId).toBe(scratch)
    expect(composer.get().draft.path).toBe('/admins/1')
  })
})
