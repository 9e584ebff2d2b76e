import { describe, expect, it } from 'vitest'
import { explainAuthFailure, hintFor, parseIntercomErrors } from './intercom-errors'

const list = (...errors: Array<Record<string, string>>) => JSON.stringify({ type: 'error.list', request_id: null, errors })

describe('parseIntercomErrors', () => {
  it('reads codes, messages and fields, with a hint per code', () => {
    const errors = parseIntercomErrors(
      list({ code: 'parameter_invalid', message: 'Email is invalid', field: 'email' }, { code: 'conflict' })
    )
    expect(errors).toEqual([
      { code: 'parameter_invalid', message: 'Email is invalid', field: 'email', hint: hintFor('parameter_invalid') },
      { code: 'conflict', message: '', hint: hintFor('conflict') }
    ])
    expect(hintFor('conflict')).not.toBe(hintFor('parameter_invalid'))
  })

  it('returns null for anything that is not an error.list', () => {
    expect(parseIntercomErrors('not json')).toBeNull()
    expect(parseIntercomErrors('{"type":"list","data":[]}')).toBeNull()
    expect(parseIntercomErrors('[1,2]')).toBeNull()
  })

  it('gives a generic hint for an unknown code', () => {
    expect(hintFor('something_new')).toMatch(/message/)
  })
})

describe('explainAuthFailure', () => {
  const parsed = (code: string, message = '') => parseIntercomErrors(list({ code, message }))

  it('ignores statuses other than 401 and 403', () => {
    expect(explainAuthFailure(404, parsed('not_found'))).toBeNull()
  })

  it('names an invalid token', () => {
    expect(explainAuthFailure(401, parsed('unauthorized', 'Access Token Invalid'))?.cause).toBe('invalid_token')
    expect(explainAuthFailure(401, null)?.cause).toBe('invalid_token')
  })

  it('tells a revoked token to re-authorize or regenerate', () => {
    const e = explainAuthFailure(401, parsed('token_revoked'))
    expect(e?.cause).toBe('revoked_token')
    expect(e?.detail).toMatch(/re-authorize/i)
    expect(e?.detail).toMatch(/new access token/i)
  })

  it('names the missing scope from the 403 message, with extended-scope advice', () => {
    const e = explainAuthFailure(403, parsed('forbidden', 'You do not have the required scope (read_admins) to access this resource'))
    expect(e).toMatchObject({ cause: 'missing_permission', permission: 'read_admins' })
    expect(e?.title).toContain('Read admins')
    expect(e?.detail).toMatch(/extended scope/)
    expect(e?.detail).toMatch(/Developer Hub/)
  })

  it('does not call a standard scope extended', () => {
    const e = explainAuthFailure(
      403,
      parsed('forbidden', 'You do not have the required scope (read_conversations) to access this resource')
    )
    expect(e?.permission).toBe('read_conversations')
    expect(e?.detail).not.toMatch(/extended/)
  })

  it('falls back to the permission the catalog says is required', () => {
    const e = explainAuthFailure(401, parsed('token_unauthorized', 'not allowed'), { requiredPermission: 'read_tickets' })
    expect(e).toMatchObject({ cause: 'missing_permission', permission: 'read_tickets' })
  })

  it('separates a plan restriction from a permission problem', () => {
    expect(explainAuthFailure(403, parsed('api_plan_restricted', 'Active subscription needed.'))?.cause).toBe('plan_restricted')
  })
})
