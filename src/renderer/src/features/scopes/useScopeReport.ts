// The last scope report per workspace, shared by the Scopes view and the composer's permission
// badge: inspecting in one place updates the other.
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { ScopeReport } from '../../../../shared/contract/explorer'
import { api, errorMessage } from '../../api/client'

export type ScopeState = 'granted' | 'denied' | 'unknown'

interface Entry {
  report: ScopeReport | null
  loaded: boolean
  inspecting: boolean
  error: string | null
}

const EMPTY: Entry = { report: null, loaded: false, inspecting: false, error: null }
const entries = new Map<string, Entry>()
const listeners = new Set<() => void>()
const loading = new Set<string>()

function set(workspaceId: string, change: Partial<Entry>) {
  entries.set(workspaceId, { ...(entries.get(workspaceId) ?? EMPTY), ...change })
  for (const listener of listeners) listener()
}

async function load(workspaceId: string) {
  if (loading.has(workspaceId)) return
  loading.add(workspaceId)
  try {
    set(workspaceId, { report: await api.scopes.get({ workspaceId }), loaded: true, error: null })
  } catch (e) {
    set(workspaceId, { loaded: true, error: errorMessage(e) })
  } finally {
    loading.delete(workspaceId)
  }
}

export async function inspectScopes(workspaceId: string): Promise<void> {
  set(workspaceId, { inspecting: true, error: null })
  try {
    set(workspaceId, { report: await api.scopes.inspect({ workspaceId }), loaded: true, inspecting: false })
  } catch (e) {
    set(workspaceId, { inspecting: false, error: errorMessage(e) })
  }
}

export interface ScopeReportState extends Entry {
  /** What the last report says about one permission. */
  stateOf: (permission: string | null) => ScopeState
  inspect: () => Promise<void>
}

export function useScopeReport(workspaceId: string | null | undefined): ScopeReportState {
  const entry = useSyncExternalStore(
    (notify) => {
      listeners.add(notify)
      return () => listeners.delete(notify)
    },
    () => (workspaceId ? (entries.get(workspaceId) ?? EMPTY) : EMPTY)
  )
  useEffect(() => {
    if (workspaceId && !entries.get(workspaceId)?.loaded) void load(workspaceId)
  }, [workspaceId])
  const stateOf = useCallback(
    (permission: string | null): ScopeState => {
      if (!permission || !entry.report) return 'unknown'
      return entry.report.results.find((r) => r.permission === permission)?.state ?? 'unknown'
    },
    [entry.report]
  )
  const inspect = useCallback(() => (workspaceId ? inspectScopes(workspaceId) : Promise.resolve()), [workspaceId])
  return { ...entry, stateOf, inspect }
}
