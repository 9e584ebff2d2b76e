import { describe, expect, it } from 'vitest'
import { queryAsSent } from './build'
import { editPathField, pathWithParams, splitPathQuery } from './query-sync'

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled })

describe('path field and Params table', () => {
  it('writes enabled rows into the path as the builder encodes them', () => {
    expect(pathWithParams('/contacts', [row('q', 'a b&c'), row('off', '1', false), row('', 'x')])).toBe('/contacts?q=a%20b%26c')
    expect(pathWithParams('/contacts?x=1', [row('y', '2')])).toBe('/contacts?x=1&y=2')
    expect(pathWithParams('/contacts', [])).toBe('/contacts')
  })

  it('turns a typed query into rows and keeps disabled rows after them', () => {
    expect(editPathField('/c?a=1&flag=&b=x%3Dy%20z&at=me@x.io&e=%C3%BC', { path: '/c', query: [row('old', '9', false)] })).toEqual({
      path: '/c',
      query: [row('a', '1'), row('flag', ''), row('b', 'x=y z'), row('at', 'me@x.io'), row('e', 'ü'), row('old', '9', false)]
    })
  })

  it('keeps a query in the path, as typed, when rows would send it differently', () => {
    // `+` would go out as %20, `flag` as `flag=`, `a=b=c` as `a=b%3Dc`, `&&` as `&`: the bytes stay as typed.
    for (const typed of ['/c?a+b=c', '/c?flag', '/c?x=a=b', '/c?a=1&&b=2', '/c?a=1&', '/c?=v'])
      expect(editPathField(typed, { path: '/c', query: [row('old', '9', false)] })).toEqual({
        path: typed,
        query: [row('old', '9', false)]
      })
    expect(splitPathQuery('/contacts?a+b=c&flag')).toEqual({ path: '/contacts?a+b=c&flag', query: [] })
    expect(splitPathQuery('/contacts?per_page=2')).toEqual({ path: '/contacts', query: [row('per_page', '2')] })
    // What stays in the path is sent byte for byte; rows are sent as the same bytes the path would carry.
    expect(queryAsSent('a+b=c&flag')).toBe('a+b=c&flag')
  })

  it('gives the same rows back when only the path part changed', () => {
    const rows = [row('q', 'a+b')]
    expect(editPathField('/d?q=a%2Bb', { path: '/c', query: rows }).query).toEqual(rows)
  })

  it('keeps the rows when the field still reads the same', () => {
    const rows = [row('q', 'ü')]
    expect(editPathField(pathWithParams('/c', rows), { path: '/c', query: rows })).toEqual({ path: '/c', query: rows })
  })

  it('reads a stray % as text, and an escape of a plain character as that character', () => {
    expect(editPathField('/c?p=100%&q=%41', { path: '/c', query: [] }).query).toEqual([row('p', '100%'), row('q', 'A')])
  })

  it('removes the rows when the query is deleted from the field', () => {
    expect(editPathField('/c', { path: '/c', query: [row('a', '1')] })).toEqual({ path: '/c', query: [] })
  })
})
