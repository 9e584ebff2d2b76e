import { describe, expect, it } from 'vitest'
import { editPathField, pathWithParams } from './query-sync'

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled })

describe('path field and Params table', () => {
  it('writes enabled rows into the path as the builder encodes them', () => {
    expect(pathWithParams('/contacts', [row('q', 'a b&c'), row('off', '1', false), row('', 'x')])).toBe('/contacts?q=a%20b%26c')
    expect(pathWithParams('/contacts?x=1', [row('y', '2')])).toBe('/contacts?x=1&y=2')
    expect(pathWithParams('/contacts', [])).toBe('/contacts')
  })

  it('turns a typed query into rows and keeps disabled rows after them', () => {
    expect(editPathField('/c?a=1&flag&&b=x%3Dy+z', { path: '/c', query: [row('old', '9', false)] })).toEqual({
      path: '/c',
      query: [row('a', '1'), row('flag', ''), row('b', 'x=y z'), row('old', '9', false)]
    })
  })

  it('gives the same rows back when only the path part changed', () => {
    const rows = [row('q', 'a+b')]
    expect(editPathField('/d?q=a%2Bb', { path: '/c', query: rows }).query).toEqual(rows)
  })

  it('keeps the rows when the field still reads the same', () => {
    const rows = [row('q', 'ü')]
    expect(editPathField(pathWithParams('/c', rows), { path: '/c', query: rows })).toEqual({ path: '/c', query: rows })
  })

  it('keeps a stray % as typed', () => {
    expect(editPathField('/c?p=100%&q=%41', { path: '/c', query: [] }).query).toEqual([row('p', '100%'), row('q', 'A')])
  })

  it('removes the rows when the query is deleted from the field', () => {
    expect(editPathField('/c', { path: '/c', query: [row('a', '1')] })).toEqual({ path: '/c', query: [] })
  })
})
