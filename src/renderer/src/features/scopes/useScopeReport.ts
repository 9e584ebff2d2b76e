// What is known of each workspace's permissions, shared by the Scopes view and the composer's
// permission badge. Main learns from every response and from inspections, and says so with the
// scopesChanged event; both places then show the same knowledge.
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { ScopeReport, ScopeResult } from '../../../../shared/contract/scopes'
import { api, errorMessage, on } from '../../api/client'

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

let subscribed = false
/** Reloads a workspace's knowledge whenever main learned something (a response, an inspection). */
function followMain() {
  if (subscribed) return
  subscribed = true
  on.scopesChanged(({ workspaceId }) => {
    if (entries.has(workspaceId)) void load(workspaceId)
  })
}

export async function inspectScopes(workspaceId: string, writes = false): Promise<void> {
  set(workspaceId, { inspecting: true, error: null })
  try {
    set(workspaceId, { report: await api.scopes.inspect({ workspaceId, writes }), loaded: true, inspecting: false })
  } catch (e) {
    set(workspaceId, { inspecting: false, error: errorMessage(e) })
  }
}

export interface ScopeReportState extends Entry {
  /** What is known of one permission. */
  stateOf: (permission: string | null) => ScopeState
  /** The state of one permission with the request and answer it rests on. */
  resultOf: (permission: string | null) => ScopeResult | null
  inspect: (writes?: boolean) => Promise<void>
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
    followMain()
    if (workspaceId && !entries.get(workspaceId)?.loaded) void load(workspaceId)
  }, [workspaceId])
  const resultOf = useCallback(
    (permission: string | null): ScopeResult | null =>
      (permission && entry.report?.results.find((r) => r.permission === permission)) || null,
    [entry.report]
  )
  const stateOf = useCallback((permission: string | null): ScopeState => resultOf(permission)?.state ?? 'unknown', [resultOf])
  const inspect = useCallback((writes = false) => (workspaceId ? inspectScopes(workspaceId, writes) : Promise.resolve()), [workspaceId])
  return { ...entry, stateOf, resultOf, inspect }
}
