// The open request tabs, stored in the data folder (drafts.json) so they come back after a reload
// or a restart. A draft never keeps a credential: the saved-request rules find and strip them.
import type { KeyValueStore, Logger } from '../ports'
import { DraftSession, type DraftTab } from '../../../shared/contract/drafts'
import { findSecretValues, stripSecrets } from '../library/secrets'

const KEY = 'session'
const EMPTY: DraftSession = { tabs: [], activeId: null }

export class DraftStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger?: Logger
  ) {}

  load(): DraftSession {
    const parsed = DraftSession.safeParse(this.store.get(KEY) ?? EMPTY)
    if (parsed.success) return parsed.data
    // An unreadable session is dropped rather than half-restored; the user starts with one tab.
    this.logger?.warn('stored drafts could not be read', { issues: parsed.error.issues.length })
    return EMPTY
  }

  save(session: DraftSession): { stripped: number } {
    let stripped = 0
    const clean = (draft: DraftTab['draft'], count: boolean) => {
      const found = findSecretValues(draft)
      if (found.length === 0) return draft
      if (count) stripped += found.length
      return stripSecrets(draft, { alsoRemove: found.map((f) => f.value) })
    }
    const tabs = session.tabs.map((tab) => ({ ...tab, draft: clean(tab.draft, true), baseline: clean(tab.baseline, false) }))
    this.store.set(KEY, { tabs, activeId: session.activeId })
    return { stripped }
  }
}
