import { describe, expect, it } from 'vitest'
import { composer } from './composer'

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
