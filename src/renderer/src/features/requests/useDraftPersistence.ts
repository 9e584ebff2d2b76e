// Keeps the open tabs in the data folder: restores them once at start, then stores them a moment
// after each change (main strips any credential before writing).
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { composer, type ComposerState } from '../../state/composer'

const SAVE_DELAY_MS = 400

function session(state: ComposerState) {
  return {
    tabs: state.tabs.map(({ id, draft, baseline, saved, workspaceId }) => ({ id, draft, baseline, saved, workspaceId })),
    activeId: state.activeId
  }
}

/** True once the stored tabs are back (or there were none). */
export function useDraftPersistence(): boolean {
  const [restored, setRestored] = useState(false)
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
        setRestored(true)
        last = composer.get()
        // Only the draft matters on disk: responses and revisions change without a save.
        unsubscribe = composer.subscribe(() => {
          if (timer === undefined) timer = setTimeout(flush, SAVE_DELAY_MS)
        })
      })
    // A reload right after typing still keeps the last edit.
    const onHide = () => timer !== undefined && (clearTimeout(timer), flush())
    window.addEventListener('pagehide', onHide)
    return () => {
      live = false
      unsubscribe()
      window.removeEventListener('pagehide', onHide)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [])
  return restored
}
