import { describe, expect, it } from 'vitest'
import { jsonSyntaxError } from './json-syntax'

describe('JSON syntax errors', () => {
  it('locates JSON syntax errors by line and column', () => {
    expect(jsonSyntaxError('{"a": 1}')).toBeNull()
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": \n}')).toMatchObject({ line: 4, column: 1 })
    expect(jsonSyntaxError('{\n  "a": 1')).toMatchObject({ line: 2 })
  })
})
