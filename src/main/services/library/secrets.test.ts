import { describe, expect, it } from 'vitest'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { detectSecrets, findSecretValues, maskSecret, redactText, stripSecrets } from './secrets'
import { CANARY_JWT as JWT, CANARY_TOKEN as FAKE_INTERCOM_TOKEN } from './fixtures/canary'

const draft = (d: Partial<RequestDraftInput>): RequestDraft => RequestDraft.parse({ method: 'GET', path: '/contacts', ...d })
const kv = (name: string, value: string) => ({ name, value, enabled: true })

describe('detectSecrets', () => {
  it('flags an Authorization header, bearer or basic, with a masked preview', () => {
    const found = detectSecrets(
      draft({ headers: [kv('Authorization', `Bearer ${FAKE_INTERCOM_TOKEN}`), kv('Accept', 'application/json')] })
    )
    expect(found).toEqual([
      { location: 'header', name: 'Authorization', preview: `${FAKE_INTERCOM_TOKEN.slice(0, 4)}…${FAKE_INTERCOM_TOKEN.slice(-4)}` }
    ])
    expect(detectSecrets(draft({ headers: [kv('authorization', 'Basic dXNlcjpwYXNz')] }))).toHaveLength(1)
  })

  it('flags secret-sounding names in headers and query, but not placeholders or empty values', () => {
    const found = detectSecrets(
      draft({
        headers: [kv('X-Api-Key', 'abc123abc123'), kv('Authorization', 'Bearer {{token}}'), kv('X-Secret', '')],
        query: [kv('access_token', 'short'), kv('password', '{{pw}}'), kv('per_page', '50')]
      })
    )
    expect(found.map((f) => `${f.location}:${f.name}`)).toEqual(['header:X-Api-Key', 'query:access_token'])
    expect(found.every((f) => !f.preview.includes('abc123') && !f.preview.includes('short'))).toBe(true)
  })

  it('flags credential-shaped values under innocent names (Intercom token, JWT)', () => {
    const found = detectSecrets(draft({ headers: [kv('X-Debug', FAKE_INTERCOM_TOKEN)], query: [kv('state', JWT)] }))
    expect(found.map((f) => f.location)).toEqual(['header', 'query'])
    expect(FAKE_INTERCOM_TOKEN.startsWith('dG9rO')).toBe(true)
  })

  it('finds secrets in JSON bodies (by key and by shape), in free-text bodies and in the path', () => {
    const body = JSON.stringify({ user: { password: 'hunter2hunter2' }, note: `see ${JWT}`, name: 'Basic troubleshooting' })
    const found = detectSecrets(draft({ method: 'POST', body, path: `/contacts?access_token=${FAKE_INTERCOM_TOKEN}` }))
    expect(found.filter((f) => f.location === 'body').map((f) => f.name)).toEqual(['user.password', '(value)'])
    expect(found.filter((f) => f.location === 'path')).toHaveLength(1)
    expect(detectSecrets(draft({ method: 'POST', body: `token=${FAKE_INTERCOM_TOKEN}` }))).toHaveLength(1)
  })

  it('does not flag ordinary Intercom requests', () => {
    const d = draft({
      method: 'POST',
      path: '/contacts/{contact_id}/tags',
      pathParams: { contact_id: '63a07ddf05a32042dffac965' },
      headers: [kv('Intercom-Version', '2.11'), kv('Content-Type', 'application/json')],
      body: JSON.stringify({ id: '7522907', name: 'Basic plan customers', query: { field: 'email', operator: '=', value: 'a@b.co' } })
    })
    expect(detectSecrets(d)).toEqual([])
  })

  it('findSecretValues returns the bare token (no "Bearer ") for the vault', () => {
    const [f] = findSecretValues(draft({ headers: [kv('Authorization', `Bearer ${FAKE_INTERCOM_TOKEN}`)] }))
    expect(f?.value).toBe(FAKE_INTERCOM_TOKEN)
  })
})

describe('stripSecrets', () => {
  it('drops flagged rows, cuts secrets out of path and body, and leaves the rest alone', () => {
    const d = draft({
      method: 'POST',
      path: `/contacts?access_token=${FAKE_INTERCOM_TOKEN}`,
      headers: [kv('Authorization', `Bearer ${FAKE_INTERCOM_TOKEN}`), kv('Accept', 'application/json')],
      query: [kv('api_key', 'k-1234567890'), kv('page', '2')],
      body: JSON.stringify({ password: 'hunter2hunter2', email: 'a@b.co' })
    })
    const s = stripSecrets(d)
    expect(s.headers).toEqual([kv('Accept', 'application/json')])
    expect(s.query).toEqual([kv('page', '2')])
    expect(s.path).toBe('/contacts?access_token={{redacted}}')
    expect(JSON.parse(s.body!)).toEqual({ password: '{{redacted}}', email: 'a@b.co' })
    expect(detectSecrets(s)).toEqual([])
    expect(JSON.stringify(s)).not.toContain(FAKE_INTERCOM_TOKEN)
  })

  it('drops Authorization even as a placeholder when asked, and cuts known values everywhere', () => {
    const d = draft({ headers: [kv('Authorization', 'Bearer {{token}}'), kv('X-Note', 'plainsecretvalue')], body: 'echo plainsecretvalue' })
    const s = stripSecrets(d, { dropAuthorization: true, alsoRemove: ['plainsecretvalue'] })
    expect(s.headers).toEqual([kv('X-Note', '{{redacted}}')])
    expect(s.body).toBe('echo {{redacted}}')
  })
})

describe('maskSecret / redactText', () => {
  it('shows at most the first and last four characters', () => {
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz')).toBe('abcd…wxyz')
    expect(maskSecret('short')).toBe('••••••••')
  })
  it('redacts token shapes in free text', () => {
    expect(redactText(`{"token":"${FAKE_INTERCOM_TOKEN}","n":1}`)).toBe('{"token":"{{redacted}}","n":1}')
  })
})
