import { describe, expect, it } from 'vitest'
import { RequestDraft } from '../model'
import { addedHeaders } from './added-headers'

const draft = (input: Partial<RequestDraft>) => RequestDraft.parse({ method: 'GET', path: '/me', ...input })

describe('headers the composer previews as added', () => {
  it('lists the defaults, Intercom-Version, Content-Type and Content-Length exactly as sent', () => {
    expect(addedHeaders(draft({ method: 'POST', path: '/notes', body: '{"é":1}' }), '2.14')).toEqual([
      ['Accept', 'application/json'],
      ['Accept-Encoding', 'gzip, deflate'],
      ['User-Agent', 'TokenDesk/0.1'],
      ['Intercom-Version', '2.14'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '8']
    ])
  })

  it('leaves out what a row replaces, sends Content-Length 0 for a body-less POST and none for GET', () => {
    const rows = [{ name: 'accept', value: 'text/plain', enabled: true }]
    expect(addedHeaders(draft({ method: 'POST', headers: rows, intercomVersion: '2.16' }), '2.14')).toEqual([
      ['Accept-Encoding', 'gzip, deflate'],
      ['User-Agent', 'TokenDesk/0.1'],
      ['Intercom-Version', '2.16'],
      ['Content-Length', '0']
    ])
    expect(addedHeaders(draft({}), '2.14')?.map(([n]) => n)).not.toContain('Content-Length')
  })

  it('is null for a draft Send refuses', () => {
    const twice = [
      { name: 'X-A', value: '1', enabled: true },
      { name: 'x-a', value: '2', enabled: true }
    ]
    expect(addedHeaders(draft({ headers: twice }), '2.14')).toBeNull()
  })
})
