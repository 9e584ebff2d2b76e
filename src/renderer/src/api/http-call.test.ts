import { describe, expect, it } from 'vitest'
import { holdsLargeString } from './http-call'

describe('which calls are encoded off the page', () => {
  it('finds a long string anywhere in the input, and nothing in small or odd inputs', () => {
    const big = 'x'.repeat(11)
    expect(holdsLargeString({ draft: { body: big } }, 10)).toBe(true)
    expect(holdsLargeString({ tabs: [{ draft: { headers: [{ value: big }] } }] }, 10)).toBe(true)
    expect(holdsLargeString(big, 10)).toBe(true)
    expect(holdsLargeString({ draft: { body: 'x'.repeat(10) } }, 10)).toBe(false)
    expect(holdsLargeString(undefined, 10)).toBe(false)
    expect(holdsLargeString({ n: 1, ok: true, none: null }, 10)).toBe(false)
  })
})
