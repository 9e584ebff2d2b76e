// The request being composed, shared by the explorer (edits and sends it), the library (saves and
// restores it), snippets (render it) and curl import (fills it). One small external store.
import { useSyncExternalStore } from 'react'
import { RequestDraft, type RequestDraftInput } from '../../../shared/model'
import { operationFor as sharedOperationFor } from '../../../shared/intercom/operation-for'

export interface ComposerState {
  draft: RequestDraft
  /** Set when the draft came from (or was saved as) a saved request. */
  saved: { id: string; name: string } | null
  /** Bumped whenever a draft is loaded from elsewhere, so editors can reset their local state. */
  revision: number
}

const DEFAULT_DRAFT: RequestDraftInput = { method: 'GET', path: '/me', operationId: 'identifyAdmin' }

let state: ComposerState = { draft: RequestDraft.parse(DEFAULT_DRAFT), saved: null, revision: 0 }
const listeners = new Set<() => void>()

function publish(next: ComposerState) {
  state = next
  for (const listener of listeners) listener()
}

export const composer = {
  get: (): ComposerState => state,
  /** Edits from the composer itself. */
  update(change: Partial<RequestDraft>): void {
    const draft = { ...state.draft, ...change }
    // Editing the method or path can make it another operation (or none): keep operationId true.
    if (('method' in change || 'path' in change) && !('operationId' in change))
      draft.operationId = operationFor(draft.method, draft.path, draft.operationId)
    publish({ ...state, draft })
  },
  /** Replaces the draft from elsewhere (catalog, saved request, history, curl import). */
  load(draft: RequestDraftInput, saved: ComposerState['saved'] = null): void {
    publish({ draft: RequestDraft.parse(draft), saved, revision: state.revision + 1 })
  },
  markSaved(saved: ComposerState['saved']): void {
    publish({ ...state, saved })
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}

/** The catalog operation a method and path are, preferring the current one when it still fits. */
function operationFor(method: string, path: string, current: string | null): string | null {
  return sharedOperationFor({ method, path, operationId: current })?.operationId ?? null
}

export function useComposer(): ComposerState {
  return useSyncExternalStore(composer.subscribe, composer.get)
}
