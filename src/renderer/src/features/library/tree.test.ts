import { describe, expect, it } from 'vitest'
import { RequestDraft } from '../../../../shared/model'
import type { SavedRequest, Sharing } from '../../../../shared/library'
import { folderKey, reorderedIds, treeRows } from './tree'

const WS: Sharing = { kind: 'workspace', workspaceId: 'ws1' }
const SHARED: Sharing = { kind: 'shared' }
let n = 0
const req = (name: string, folder: string, sharing: Sharing, order: number): SavedRequest => ({
  id: `r${++n}`,
  name,
  folder,
  sharing,
  order,
  draft: RequestDraft.parse({ method: 'GET', path: `/${name}` }),
  updatedAt: '2024-01-01T00:00:00Z'
})

const labels = (rows: ReturnType<typeof treeRows>) =>
  rows.map((r) =>
    r.kind === 'sharing'
      ? `# ${r.label}`
      : r.kind === 'folder'
        ? `${'  '.repeat(r.depth)}[${r.name}]`
        : `${'  '.repeat(r.depth)}${r.request.name}`
  )

describe('treeRows', () => {
  const requests = [req('b', '', WS, 1), req('a', '', WS, 0), req('deep', 'Contacts/Search', WS, 0), req('shared', 'Team', SHARED, 0)]

  it('nests folders, keeps saved order and puts the workspace sharing before the shared one', () => {
    const rows = treeRows(requests, [{ sharing: WS, folder: 'Empty' }], [WS, SHARED], new Set())
    expect(labels(rows)).toEqual([
      '# This workspace',
      '  [Contacts]',
      '    [Search]',
      '      deep',
      '  [Empty]',
      '  a',
      '  b',
      '# Shared by all workspaces',
      '  [Team]',
      '    shared'
    ])
  })

  it('hides what is inside a collapsed folder or sharing', () => {
    const rows = treeRows(requests, [], [WS, SHARED], new Set([folderKey(WS, 'Contacts'), 'shared']))
    expect(labels(rows)).toEqual(['# This workspace', '  [Contacts]', '  a', '  b', '# Shared by all workspaces'])
  })
})

describe('reorderedIds', () => {
  const a = req('a', 'F', WS, 0)
  const b = req('b', 'F', WS, 1)
  const other = req('c', 'G', WS, 0)
  it('swaps a request with its neighbour within its folder only', () => {
    expect(reorderedIds([b, a, other], b, -1)).toEqual([b.id, a.id])
    expect(reorderedIds([a, b, other], a, 1)).toEqual([b.id, a.id])
  })
  it('returns null at either end', () => {
    expect(reorderedIds([a, b], a, -1)).toBeNull()
    expect(reorderedIds([a, b], b, 1)).toBeNull()
  })
})

describe('treeRows at scale', () => {
  it('lays out 10,000 requests in one folder', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => req(`r${i}`, 'Big', WS, i))
    const rows = treeRows(many, [], [WS, SHARED], new Set())
    expect(rows).toHaveLength(10_000 + 3)
    expect(rows[2]).toMatchObject({ kind: 'request', position: 0, siblings: 10_000 })
  })
})
