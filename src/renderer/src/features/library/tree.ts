// Turns the saved requests and folders into the rows the tree shows: one list, so that the view
// can virtualise it and stay fast with thousands of requests.
import type { SavedFolder, SavedRequest, Sharing } from '../../../../shared/library'
import { sameSharing, sharingKey, sharingLabel } from './sharing'

export type TreeRow =
  | { kind: 'sharing'; key: string; sharing: Sharing; label: string; expanded: boolean; count: number }
  | { kind: 'folder'; key: string; sharing: Sharing; path: string; name: string; depth: number; expanded: boolean }
  | { kind: 'request'; key: string; request: SavedRequest; depth: number; position: number; siblings: number }

/** Keys of collapsed sharings and folders (`folderKey`). */
export type Collapsed = ReadonlySet<string>

export const folderKey = (sharing: Sharing, path: string): string => `${sharingKey(sharing)}|${path}`

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
 * The workspace's own requests first, then the shared ones; within a sharing, folders (sorted by
 * name, nested by "/") before the requests at the same level, and requests in their saved order.
 */
export function treeRows(
  requests: readonly SavedRequest[],
  folders: readonly SavedFolder[],
  sharings: readonly Sharing[],
  collapsed: Collapsed
): TreeRow[] {
  const rows: TreeRow[] = []
  for (const sharing of sharings) {
    const inSharing = requests.filter((r) => sameSharing(r.sharing, sharing))
    const sharingRowKey = sharingKey(sharing)
    const expanded = !collapsed.has(sharingRowKey)
    rows.push({ kind: 'sharing', key: sharingRowKey, sharing, label: sharingLabel(sharing), expanded, count: inSharing.length })
    if (!expanded) continue

    const byFolder = new Map<string, SavedRequest[]>()
    for (const r of inSharing) pushTo(byFolder, r.folder, r)
    for (const list of byFolder.values()) list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))

    const paths = new Set<string>()
    for (const f of folders) if (sameSharing(f.sharing, sharing) && f.folder) ancestors(f.folder).forEach((p) => paths.add(p))
    for (const r of inSharing) if (r.folder) ancestors(r.folder).forEach((p) => paths.add(p))
    const children = new Map<string, string[]>()
    for (const p of paths) {
      const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : ''
      pushTo(children, parent, p)
    }

    const walk = (folder: string, depth: number) => {
      for (const path of (children.get(folder) ?? []).sort((a, b) => a.localeCompare(b))) {
        const key = folderKey(sharing, path)
        const open = !collapsed.has(key)
        rows.push({ kind: 'folder', key, sharing, path, name: path.slice(path.lastIndexOf('/') + 1), depth, expanded: open })
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
    .filter((r) => r.folder === moved.folder && sameSharing(r.sharing, moved.sharing))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  const from = siblings.findIndex((r) => r.id === moved.id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= siblings.length) return null
  const ids = siblings.map((r) => r.id)
  ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
  return ids
}
