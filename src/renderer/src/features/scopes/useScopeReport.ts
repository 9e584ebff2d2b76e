// What is known of each workspace's permissions, shared by the Scopes view and the composer's
// permission badge. Main learns from every response and from inspections, and says so with the
// scopesChanged event; both places then show the same knowledge.
import { useCallback, useEffect } from 'react'
import type { ScopeReport, ScopeResult } from '../../../../shared/contract/scopes'
import { api, errorMessage, on } from '../../api/client'
import { createStore, useStore } from '../../lib/store'

export type ScopeState = 'granted' | 'denied' | 'unknown'

interface Entry {
  report: ScopeReport | null
  loaded: boolean
  inspecting: boolean
  error: string | null
}

const EMPTY: Entry = { report: null, loaded: false, inspecting: false, error: null }
const entries = createStore<ReadonlyMap<string, Entry>>(new Map())

function set(workspaceId: string, change: Partial<Entry>) {
  entries.set((current) => new Map(current).set(workspaceId, { ...(current.get(workspaceId) ?? EMPTY), ...change }))
}

/** Loads in flight, and whether main changed the report again meanwhile (then it loads once more). */
const loading = new Map<string, boolean>()

async function load(workspaceId: string) {
  if (loading.has(workspaceId)) {
    loading.set(workspaceId, true)
    return
  }
  loading.set(workspaceId, false)
  try {
    set(workspaceId, { report: await api.scopes.get({ workspaceId }), loaded: true, error: null })
  } catch (e) {
    set(workspaceId, { loaded: true, error: errorMessage(e) })
  } finally {
    const changedMeanwhile = loading.get(workspaceId)
    loading.delete(workspaceId)
    if (changedMeanwhile) void load(workspaceId)
  }
}

let subscribed = false
/**
 * Reloads a workspace's knowledge whenever main learned something (a response, an inspection), and
 * when the workspaces changed: a rotated or replaced token starts with nothing known.
 */
function followMain() {
  if (subscribed) return
  subscribed = true
  on.scopesChanged(({ workspaceId }) => {
    if (entries.get().has(workspaceId)) void load(workspaceId)
  })
  on.workspacesChanged(() => {
    for (const workspaceId of entries.get().keys()) void load(workspaceId)
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
  const entry = useStore(entries, (all) => (workspaceId ? (all.get(workspaceId) ?? EMPTY) : EMPTY))
  useEffect(() => {
    followMain()
    if (workspaceId && !entries.get().get(workspaceId)?.loaded) void load(workspaceId)
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
