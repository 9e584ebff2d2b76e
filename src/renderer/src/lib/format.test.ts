import { describe, expect, it } from 'vitest'
import { bodyFilename, formatBytes, formatCountdown, pathPlaceholders } from './format'

describe('explorer formatting', () => {
  it('reports sizes in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(50_000_000)).toBe('50.0 MB')
    expect(formatBytes(1_500)).toBe('1.5 kB')
  })

  it('counts down in minutes and seconds', () => {
    expect(formatCountdown(65_000)).toBe('1m 05s')
    expect(formatCountdown(1_200)).toBe('2s')
    expect(formatCountdown(-5)).toBe('0s')
  })

  it('names saved bodies after the operation, status and time', () => {
    const at = new Date('2025-01-02T03:04:05.678Z')
    expect(bodyFilename('listContacts', 200, 'application/json; charset=utf-8', at)).toBe('listContacts-200-2025-01-02T03-04-05Z.json')
    expect(bodyFilename(null, 404, 'text/plain', at)).toBe('response-404-2025-01-02T03-04-05Z.txt')
    expect(bodyFilename('../../etc', 200, null, at)).toBe('etc-200-2025-01-02T03-04-05Z.bin')
  })

  it('finds path placeholders once each, ignoring the query', () => {
    expect(pathPlaceholders('/contacts/{contact_id}/tags/{id}?x={y}')).toEqual(['contact_id', 'id'])
    expect(pathPlaceholders('/a/{x}/b/{x}')).toEqual(['x'])
  })
})
