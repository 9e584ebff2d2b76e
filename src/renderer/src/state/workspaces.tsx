// Workspaces and app info, loaded once and kept fresh by the workspacesChanged event.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo } from '../../../shared/contract/app'
import type { Workspace } from '../../../shared/model'
import { api, errorMessage, on } from '../api/client'

interface WorkspaceState {
  info: AppInfo | null
  workspaces: Workspace[]
  active: Workspace | null
  loading: boolean
  error: string | null
  setActive: (id: string) => Promise<void>
  refresh: () => Promise<void>
}

const Context = createContext<WorkspaceState | null>(null)

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [workspaces, setWorkspaces] = useState<Workspace[]>([])
  const [activeId, setActiveId] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [appInfo, list] = await Promise.all([api.app.info(), api.workspaces.list()])
      setInfo(appInfo)
      setWorkspaces(list.workspaces)
      setActiveId(list.activeId)
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void refresh()
    return on.workspacesChanged(({ workspaces: list, activeId: id }) => {
      setWorkspaces(list)
      setActiveId(id)
      // Notices can follow the workspaces (the sandbox ones created after a failed first try).
      api.app.info().then(setInfo, () => undefined)
    })
  }, [refresh])

  const setActive = useCallback(async (id: string) => {
    const { activeId: id2 } = await api.workspaces.setActive({ id })
    setActiveId(id2)
  }, [])

  const value = useMemo<WorkspaceState>(
    () => ({ info, workspaces, active: workspaces.find((w) => w.id === activeId) ?? null, loading, error, setActive, refresh }),
    [info, workspaces, activeId, loading, error, setActive, refresh]
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useWorkspaces(): WorkspaceState {
  const value = useContext(Context)
  if (!value) throw new Error('useWorkspaces needs a WorkspaceProvider')
  return value
}
