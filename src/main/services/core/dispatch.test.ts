import { describe, expect, it, vi } from 'vitest'
import { createDispatch, type Handlers } from './dispatch'
import { AppError } from '../../../shared/errors'
import type { Logger } from '../ports'

const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof Handlers] ?? (() => Promise.reject(new Error(`no handler ${key}`)))
  }) as Handlers
}

const workspace = {
  id: 'w1',
  name: 'Acme',
  color: '#123456',
  region: 'US',
  intercomVersion: '2.16',
  authKind: 'access_token',
  sandbox: false,
  appIdCode: 'abc',
  appName: 'Acme',
  adminName: null,
  adminEmail: null,
  tokenPreview: 'dG9r…abcd',
  vaultBackend: 'memory',
  verifiedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z'
}

describe('dispatch', () => {
  it('refuses an unknown call with a typed error', async () => {
    const dispatch = createDispatch(handlersWith({}), logger)
    await expect(dispatch('app.doesNotExist', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('unknown request') }
    })
    expect(JSON.stringify(await dispatch('app.doesNotExist', undefined))).not.toContain('app.doesNotExist')
  })

  it('validates input and names the bad field, without calling the handler', async () => {
    const setActive = vi.fn()
    const dispatch = createDispatch(handlersWith({ 'workspaces.setActive': setActive }), logger)
    const result = await dispatch('workspaces.setActive', { id: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/id/) } })
    expect(setActive).not.toHaveBeenCalled()
  })

  it('passes AppErrors through and hides unexpected ones behind a safe message', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'workspaces.setActive': async () => {
          throw new AppError('not_found', 'No workspace w9.')
        },
        'workspaces.reveal': async () => {
          throw new Error('db exploded with token dG9rOmFiY2RlZmdo')
        }
      }),
      logger
    )
    await expect(dispatch('workspaces.setActive', { id: 'w9' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No workspace w9.' }
    })
    const hidden = await dispatch('workspaces.reveal', { id: 'w1' })
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(hidden)).not.toContain('dG9rOmFiY2RlZmdo')
  })

  it('names no internal call in any message: bad input, a failure inside, an answer off the contract', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'workspaces.reveal': async () => {
          throw new TypeError('x is undefined')
        },
        'workspaces.update': async () => ({ id: 42 }) as never
      }),
      logger
    )
    const results = [
      await dispatch('workspaces.addByToken', { token: 'has a space in it', region: 'US' }),
      await dispatch('workspaces.addByToken', null),
      await dispatch('workspaces.setActive', { id: 42 }),
      await dispatch('workspaces.reveal', { id: 'w1' }),
      await dispatch('workspaces.update', { id: 'w1', changes: {} })
    ]
    for (const result of results) {
      expect(result.ok).toBe(false)
      const message = result.ok ? '' : result.error.message
      expect(message).not.toMatch(/\b(workspaces|app|requests)\.[a-zA-Z]+/)
      expect(message).not.toMatch(/invalid input for/i)
    }
  })

  it('strips fields the contract does not declare from outputs', async () => {
    const dispatch = createDispatch(
      handlersWith({ 'workspaces.update': async () => ({ ...workspace, token: 'dG9rOnNlY3JldA==' }) as never }),
      logger
    )
    const result = await dispatch('workspaces.update', { id: 'w1', changes: { name: 'x' } })
    expect(result.ok).toBe(true)
    expect(JSON.stringify(result)).not.toContain('dG9rOnNlY3JldA==')
  })

  it('survives a fuzz of wrong types and oversized strings without throwing', async () => {
    const dispatch = createDispatch(handlersWith({}), logger)
    const inputs: unknown[] = [null, 1, 'x', [], { id: 'a'.repeat(10_000) }, { token: 5 }, { region: 'MARS', token: 'abcdefghij' }]
    for (const input of inputs) {
      const result = await dispatch('workspaces.addByToken', input)
      expect(result.ok).toBe(false)
    }
  })
})
