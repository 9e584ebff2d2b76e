import { describe, expect, it } from 'vitest'
import { PendingCredentials } from './pending-credentials'

describe('PendingCredentials', () => {
  it('holds a found credential until released', () => {
    const pending = new PendingCredentials({ now: () => 0 })
    pending.hold('a', { token: 'tok-a', sandbox: true })
    expect(pending.get('a')).toMatchObject({ token: 'tok-a', sandbox: true })
    pending.release('a')
    expect(pending.get('a')).toBeNull()
  })

  it('drops credentials left waiting longer than ten minutes when the next one arrives', () => {
    let now = 0
    const pending = new PendingCredentials({ now: () => now })
    pending.hold('old', { token: 'tok-old', sandbox: false })
    now = 10 * 60_000 + 1
    pending.hold('new', { token: 'tok-new', sandbox: false })
    expect(pending.get('old')).toBeNull()
    expect(pending.get('new')).toMatchObject({ token: 'tok-new' })
  })
})
