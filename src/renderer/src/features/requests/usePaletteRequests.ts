// Saved requests and history entries matching the command palette's query, as palette items that
// open the request in a tab.
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { composer } from '../../state/composer'
import { openHistoryEntry } from '../history'

export interface PaletteItem {
  id: string
  section: string
  title: string
  run: () => void
}

const LIMIT = 8

export function usePaletteRequests(query: string, workspaceId: string | null): PaletteItem[] {
  const [items, setItems] = useState<PaletteItem[]>([])
  useEffect(() => {
    const q = query.trim()
    if (!q || !workspaceId) {
      setItems([])
      return
    }
    let live = true
    const timer = setTimeout(() => {
      void Promise.all([
        api.library.search({ workspaceId, query: q, limit: LIMIT }).catch(() => ({ hits: [] })),
        api.history.list({ workspaceId, query: q }).catch(() => ({ entries: [] }))
      ]).then(([saved, history]) => {
        if (!live) return
        setItems([
          ...saved.hits.map((hit) => ({
            id: `saved:${hit.id}`,
            section: 'Saved request',
            title: `${hit.name} — ${hit.method} ${hit.path}`,
            run: () =>
              void api.library.list({ workspaceId }).then(({ requests }) => {
                const request = requests.find((r) => r.id === hit.id)
                if (request) composer.openSaved(request.draft, { id: request.id, name: request.name })
              })
          })),
          ...history.entries.slice(0, LIMIT).map((entry) => ({
            id: `history:${entry.id}`,
            section: 'History',
            title: `${entry.draft.method} ${entry.draft.path} · ${entry.status ?? 'error'} · ${new Date(entry.sentAt).toLocaleTimeString()}`,
            run: () => openHistoryEntry(entry)
          }))
        ])
      })
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, workspaceId])
  return items
}
