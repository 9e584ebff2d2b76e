// The open requests (tabs) and, for the rest of the app, "the request being composed": the active
// tab's draft. Shared by the explorer (edits and sends it), the library (saves and restores it),
// snippets (render it) and curl import (fills it). One small external store.
import { createStore, useStore } from '../lib/store'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { operationFor as sharedOperationFor } from '../../../shared/intercom/operation-for'
import type { ResponseSummary } from '../../../shared/contract/requests'
import type { HistoryEntry } from '../../../shared/library'

export type SavedRef = { id: string; name: string } | null

/** What a tab shows under its request: always the answer to that tab's request, or nothing. */
export type TabResponse =
  | { phase: 'idle' }
  | { phase: 'sending'; requestId: string }
  | { phase: 'done'; summary: ResponseSummary; sent: RequestDraft }
  | { phase: 'failed'; message: string; cancelled: boolean }
  /** Opened from history: the response stored with the entry, or a note that none was kept. */
  | { phase: 'history'; entry: HistoryEntry; summary: ResponseSummary | null; note: string | null }

export interface RequestTab {
  id: string
  draft: RequestDraft
  /** Set when the draft came from (or was saved as) a saved request. */
  saved: SavedRef
  /** The draft as opened or last saved; the tab is dirty while its draft differs. */
  baseline: RequestDraft
  /** The workspace this tab sends as; null until one exists. */
  workspaceId: string | null
  /** Bumped whenever a draft is loaded from elsewhere, so editors can reset their local state. */
  revision: number
  response: TabResponse
}

export interface ComposerState {
  tabs: RequestTab[]
  activeId: string
  /** The active tab's draft, saved source and revision (what most of the app needs). */
  draft: RequestDraft
  saved: SavedRef
  revision: number
}

const DEFAULT_DRAFT: RequestDraftInput = { method: 'GET', path: '/me', operationId: 'identifyAdmin' }
const IDLE: TabResponse = { phase: 'idle' }

let nextId = 1
const newId = () => `tab-${Date.now().toString(36)}-${nextId++}`

function makeTab(
  draftInput: RequestDraftInput,
  opts: { saved?: SavedRef; workspaceId?: string | null; response?: TabResponse } = {}
): RequestTab {
  const draft = RequestDraft.parse(draftInput)
  return {
    id: newId(),
    draft,
    saved: opts.saved ?? null,
    baseline: draft,
    workspaceId: opts.workspaceId ?? null,
    revision: 0,
    response: opts.response ?? IDLE
  }
}

function snapshot(tabs: RequestTab[], activeId: string): ComposerState {
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0]!
  return { tabs, activeId: active.id, draft: active.draft, saved: active.saved, revision: active.revision }
}

const store = createStore<ComposerState>(snapshot([makeTab(DEFAULT_DRAFT)], ''))

function publish(tabs: RequestTab[], activeId: string = store.get().activeId) {
  store.set(snapshot(tabs, activeId))
}

function patchTab(id: string, patch: (tab: RequestTab) => RequestTab): void {
  if (!store.get().tabs.some((t) => t.id === id)) return
  publish(store.get().tabs.map((t) => (t.id === id ? patch(t) : t)))
}

/** A workspace for new tabs when none is given: the one the active tab sends as. */
const activeWorkspace = () => store.get().tabs.find((t) => t.id === store.get().activeId)?.workspaceId ?? null

export const composer = {
  get: store.get,
  active: (): RequestTab => store.get().tabs.find((t) => t.id === store.get().activeId)!,

  /** Edits from the composer itself, to the active tab. */
  update(change: Partial<RequestDraft>): void {
    patchTab(store.get().activeId, (tab) => {
      const draft = { ...tab.draft, ...change }
      const retargeted = 'method' in change || 'path' in change
      // Editing the method or path can make it another operation (or none): keep operationId true.
      if (retargeted && !('operationId' in change)) draft.operationId = operationFor(draft.method, draft.path, draft.operationId)
      // An answer belongs to the request that produced it: a new target drops the old answer.
      const targetChanged = retargeted && (draft.method !== tab.draft.method || draft.path !== tab.draft.path)
      return { ...tab, draft, response: targetChanged && tab.response.phase !== 'sending' ? IDLE : tab.response }
    })
  },
  /** Replaces the active tab's draft from elsewhere (catalog, saved request, curl import). */
  load(draft: RequestDraftInput, saved: SavedRef = null): void {
    const parsed = RequestDraft.parse(draft)
    patchTab(store.get().activeId, (tab) => ({
      ...tab,
      draft: parsed,
      baseline: parsed,
      saved,
      revision: tab.revision + 1,
      response: IDLE
    }))
  },
  /**
   * Opens a saved request: its tab if one is open, else in the active tab when that is an untouched
   * scratch tab, else in a new tab.
   */
  openSaved(draft: RequestDraftInput, saved: NonNullable<SavedRef>): void {
    const existing = store.get().tabs.find((t) => t.saved?.id === saved.id)
    if (existing) return composer.select(existing.id)
    const current = composer.active()
    if (!current.saved && !isDirty(current) && current.response.phase === 'idle') composer.load(draft, saved)
    else composer.open(draft, { saved })
  },
  /** A tab (the active one by default) was saved (as `saved`): its current draft is the new baseline. */
  markSaved(saved: SavedRef, tabId: string = store.get().activeId): void {
    patchTab(tabId, (tab) => ({ ...tab, saved, baseline: saved ? tab.draft : tab.baseline }))
  },
  /** A saved request changed elsewhere (renamed, deleted): every tab opened from it follows. */
  renameSaved(id: string, saved: SavedRef): void {
    publish(store.get().tabs.map((t) => (t.saved?.id === id ? { ...t, saved } : t)))
  },

  /** Opens a new tab and makes it active. */
  open(
    draft: RequestDraftInput = DEFAULT_DRAFT,
    opts: { saved?: SavedRef; workspaceId?: string | null; response?: TabResponse } = {}
  ): string {
    const tab = makeTab(draft, { ...opts, workspaceId: opts.workspaceId === undefined ? activeWorkspace() : opts.workspaceId })
    const at = store.get().tabs.findIndex((t) => t.id === store.get().activeId)
    const tabs = [...store.get().tabs]
    tabs.splice(at + 1, 0, tab)
    publish(tabs, tab.id)
    return tab.id
  },
  /** Closes a tab (without asking: see isDirty). The last tab is replaced by a fresh one. */
  close(id: string): void {
    const at = store.get().tabs.findIndex((t) => t.id === id)
    if (at < 0) return
    const rest = store.get().tabs.filter((t) => t.id !== id)
    if (rest.length === 0) {
      const fresh = makeTab(DEFAULT_DRAFT, { workspaceId: store.get().tabs[at]!.workspaceId })
      publish([fresh], fresh.id)
      return
    }
    const activeId = store.get().activeId === id ? rest[Math.min(at, rest.length - 1)]!.id : store.get().activeId
    publish(rest, activeId)
  },
  select(id: string): void {
    if (id !== store.get().activeId && store.get().tabs.some((t) => t.id === id)) publish(store.get().tabs, id)
  },
  /** Moves a tab to another position (drag and drop, or by keyboard one step at a time). */
  move(id: string, toIndex: number): void {
    const from = store.get().tabs.findIndex((t) => t.id === id)
    if (from < 0) return
    const to = Math.max(0, Math.min(store.get().tabs.length - 1, toIndex))
    if (to === from) return
    const tabs = [...store.get().tabs]
    const [tab] = tabs.splice(from, 1)
    tabs.splice(to, 0, tab!)
    publish(tabs)
  },
  /** Binds a tab to a workspace; an answer from another workspace no longer belongs to it. */
  bind(id: string, workspaceId: string): void {
    patchTab(id, (tab) =>
      tab.workspaceId === workspaceId ? tab : { ...tab, workspaceId, response: tab.response.phase === 'sending' ? tab.response : IDLE }
    )
  },
  setResponse(id: string, response: TabResponse): void {
    patchTab(id, (tab) => ({ ...tab, response }))
  },
  /**
   * Replaces every tab, e.g. with the drafts stored before a reload. The app's active workspace
   * (restored by main, or changed meanwhile by `tokendesk use`) wins over the active tab's stored one.
   */
  restore(tabs: Array<Pick<RequestTab, 'id' | 'draft' | 'baseline' | 'saved' | 'workspaceId'>>, activeId: string | null): void {
    if (tabs.length === 0) return
    const current = activeWorkspace()
    const shown = tabs.some((t) => t.id === activeId) ? activeId! : tabs[0]!.id
    const restored = tabs.map((t) => ({
      ...t,
      workspaceId: t.id === shown && current ? current : t.workspaceId,
      revision: 0,
      response: IDLE
    }))
    publish(restored, shown)
  },
  subscribe: store.subscribe
}

/** A tab has unsaved edits when its draft differs from the one it was opened (or last saved) with. */
export function isDirty(tab: RequestTab): boolean {
  return tab.draft !== tab.baseline && !sameDraft(tab.draft, tab.baseline)
}

export function sameDraft(a: RequestDraft, b: RequestDraft): boolean {
  return (
    a.method === b.method &&
    a.path === b.path &&
    a.body === b.body &&
    a.intercomVersion === b.intercomVersion &&
    a.authMode === b.authMode &&
    JSON.stringify([a.pathParams, a.query, a.headers]) === JSON.stringify([b.pathParams, b.query, b.headers])
  )
}

/** What a tab is called: its saved name, else method and path. */
export function tabTitle(tab: RequestTab): string {
  return tab.saved?.name ?? `${tab.draft.method} ${tab.draft.path}`
}

/** The catalog operation a method and path are, preferring the current one when it still fits. */
function operationFor(method: string, path: string, current: string | null): string | null {
  return sharedOperationFor({ method, path, operationId: current })?.operationId ?? null
}

export function useComposer(): ComposerState {
  return useStore(store)
}
