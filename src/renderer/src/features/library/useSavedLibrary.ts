// The saved requests and folders a workspace sees (its own and the shared ones), kept fresh.
import { useCallback, useEffect, useState } from 'react'
import type { CorruptSavedFile, SavedFolder, SavedRequest } from '../../../../shared/library'
import { api, errorMessage } from '../../api/client'
import { useLibraryVersion } from './events'

export interface SavedLibrary {
  requests: SavedRequest[]
  folders: SavedFolder[]
  corrupt: CorruptSavedFile[]
  loaded: boolean
  error: string | null
  reload: () => void
}

export function useSavedLibrary(workspaceId: string | undefined): SavedLibrary {
  const version = useLibraryVersion()
  const [tick, setTick] = useState(0)
  const [state, setState] = useState<Omit<SavedLibrary, 'reload'>>({ requests: [], folders: [], corrupt: [], loaded: false, error: null })

  useEffect(() => {
    if (!workspaceId) return
    let current = true
    api.library.list({ workspaceId }).then(
      (r) => current && setState({ requests: r.requests, folders: r.folders, corrupt: r.corrupt, loaded: true, error: null }),
      (e: unknown) => current && setState((s) => ({ ...s, loaded: true, error: errorMessage(e) }))
    )
    return () => {
      current = false
    }
  }, [workspaceId, version, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}
