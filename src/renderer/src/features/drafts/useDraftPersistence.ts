// Keeps the open tabs in the data folder: restores them once at start, then stores them a moment
// after each change (main strips any credential before writing).
import { useEffect } from 'react'
import { api } from '../../api/client'
import { composer, type ComposerState } from '../../state/composer'

const SAVE_DELAY_MS = 400

function session(state: ComposerState) {
  return {
    tabs: state.tabs.map(({ id, draft, baseline, saved, workspaceId }) => ({ id, draft, baseline, saved, workspaceId })),
    activeId: state.activeId
  }
}

/** Mounted once by the shell, for the page's whole life. */
export function useDraftPersistence(): void {
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let last: ComposerState | null = null
    const flush = () => {
      timer = undefined
      const state = composer.get()
      if (state === last) return
      last = state
      void api.drafts.save(session(state)).catch(() => undefined)
    }
    let unsubscribe = () => {}
    api.drafts
      .load()
      .then(
        (stored) => live && composer.restore(stored.tabs, stored.activeId),
        () => undefined
      )
      .finally(() => {
        if (!live) return
        last = composer.get()
        // Only the draft matters on disk: responses and revisions change without a save.
        unsubscribe = composer.subscribe(() => {
          if (timer === undefined) timer = setTimeout(flush, SAVE_DELAY_MS)
        })
      })
    // A reload (or an unmount) right after typing still keeps the last edit.
    const flushPending = () => {
      if (timer === undefined) return
      clearTimeout(timer)
      flush()
    }
    window.addEventListener('pagehide', flushPending)
    return () => {
      live = false
      unsubscribe()
      window.removeEventListener('pagehide', flushPending)
      flushPending()
    }
  }, [])
}
