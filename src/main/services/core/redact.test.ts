import { describe, expect, it, vi } from 'vitest'
import { redact, redactText } from './redact'
import { createLogger } from './logger'
import { createSecretClipboard } from './clipboard'

const TOKEN = 'dG9rOjBiZGVhZGJlZWY6MTIzNDU2Nzg5MA=='

describe('redaction', () => {
  it('removes bearer and basic credentials, Intercom-shaped tokens, JWTs and query values', () => {
    const text = redactText(
      `Authorization: Bearer ${TOKEN} and Basic YWJjOg== jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig https://x.test/cb?code=abc&state=xyz`
    )
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('YWJjOg==')
    expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9')
    expect(text).toContain('?code=[REDACTED]&state=[REDACTED]')
    expect(text).toContain('Bearer [REDACTED]')
  })

  it('redacts secret keys in nested objects and keeps the rest', () => {
    expect(redact({ headers: { Authorization: 'x', accept: 'json' }, client_secret: 's', nested: [{ token: 't', ok: 1 }] })).toEqual({
      headers: { Authorization: '[REDACTED]', accept: 'json' },
      client_secret: '[REDACTED]',
      nested: [{ token: '[REDACTED]', ok: 1 }]
    })
  })

  it('the logger never writes a token to its sink', () => {
    const lines: string[] = []
    const logger = createLogger((_level, line) => lines.push(line))
    logger.info(`sending with ${TOKEN}`, { authorization: `Bearer ${TOKEN}`, url: `https://api.intercom.io/me?access_token=${TOKEN}` })
    logger.error('failed', { body: { token: TOKEN } })
    expect(lines.join('\n')).not.toContain(TOKEN)
    expect(lines).toHaveLength(2)
  })
})

describe('secret clipboard', () => {
  it('clears the clipboard later only if it still holds the secret', async () => {
    let content = ''
    const raw = { readText: vi.fn(async () => content), writeText: vi.fn(async (t: string) => void (content = t)) }
    const scheduled: Array<() => void> = []
    const clipboard = createSecretClipboard(raw, (fn) => scheduled.push(fn))
    await clipboard.copySecret('secret-1', 60_000)
    expect(content).toBe('secret-1')
    scheduled.shift()!()
    await vi.waitFor(() => expect(content).toBe(''))

    await clipboard.copySecret('secret-2', 60_000)
    content = 'something the user copied since'
    scheduled.shift()!()
    await new Promise((r) => setTimeout(r, 10))
    expect(content).toBe('something the user copied since')
  })
})
