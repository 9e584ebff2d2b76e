// Turns the saved requests and folders into the rows the tree shows: one list, so that the view
// can virtualise it and stay fast with thousands of requests.
import type { SavedFolder, SavedRequest, SavedScope } from '../../../../shared/library'
import { sameScope, scopeKey, scopeLabel } from './scope'

export type TreeRow =
  | { kind: 'scope'; key: string; scope: SavedScope; label: string; expanded: boolean; count: number }
  | { kind: 'folder'; key: string; scope: SavedScope; path: string; name: string; depth: number; expanded: boolean }
  | { kind: 'request'; key: string; request: SavedRequest; depth: number; position: number; siblings: number }

/** Keys of collapsed scopes and folders (`folderKey`). */
export type Collapsed = ReadonlySet<string>

export const folderKey = (scope: SavedScope, path: string): string => `${scopeKey(scope)}|${path}`

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const ancestors = (path: string): string[] => {
  const parts = path.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/**
 * The workspace's own requests first, then the shared ones; within a scope, folders (sorted by
 * name, nested by "/") before the requests at the same level, and requests in their saved order.
 */
export function treeRows(
  requests: readonly SavedRequest[],
  folders: readonly SavedFolder[],
  scopes: readonly SavedScope[],
  collapsed: Collapsed
): TreeRow[] {
  const rows: TreeRow[] = []
  for (const scope of scopes) {
    const inScope = requests.filter((r) => sameScope(r.scope, scope))
    const scopeRowKey = scopeKey(scope)
    const expanded = !collapsed.has(scopeRowKey)
    rows.push({ kind: 'scope', key: scopeRowKey, scope, label: scopeLabel(scope), expanded, count: inScope.length })
    if (!expanded) continue

    const byFolder = new Map<string, SavedRequest[]>()
    for (const r of inScope) pushTo(byFolder, r.folder, r)
    for (const list of byFolder.values()) list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))

    const paths = new Set<string>()
    for (const f of folders) if (sameScope(f.scope, scope) && f.folder) ancestors(f.folder).forEach((p) => paths.add(p))
    for (const r of inScope) if (r.folder) ancestors(r.folder).forEach((p) => paths.add(p))
    const children = new Map<string, string[]>()
    for (const p of paths) {
      const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : ''
      pushTo(children, parent, p)
    }

    const walk = (folder: string, depth: number) => {
      for (const path of (children.get(folder) ?? []).sort((a, b) => a.localeCompare(b))) {
        const key = folderKey(scope, path)
        const open = !collapsed.has(key)
        rows.push({ kind: 'folder', key, scope, path, name: path.slice(path.lastIndexOf('/') + 1), depth, expanded: open })
        if (open) walk(path, depth + 1)
      }
      const here = byFolder.get(folder) ?? []
      here.forEach((request, position) => rows.push({ kind: 'request', key: request.id, request, depth, position, siblings: here.length }))
    }
    walk('', 1)
  }
  return rows
}

/** The ids of a folder's requests after moving one of them up (-1) or down (+1); null at an end. */
export function reorderedIds(requests: readonly SavedRequest[], moved: SavedRequest, delta: -1 | 1): string[] | null {
  const siblings = requests
    .filter((r) => r.folder === moved.folder && sameScope(r.scope, moved.scope))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  const from = siblings.findIndex((r) => r.id === moved.id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= siblings.length) return null
  const ids = siblings.map((r) => r.id)
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  return ids
}
