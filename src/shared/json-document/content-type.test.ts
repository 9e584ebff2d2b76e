import { describe, expect, it } from 'vitest'
import { isJsonContentType } from './content-type'

describe('isJsonContentType', () => {
  it('knows JSON and its +json variants, with or without parameters', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(true)
    expect(isJsonContentType('text/html')).toBe(false)
    expect(isJsonContentType(null)).toBe(false)
  })
})
