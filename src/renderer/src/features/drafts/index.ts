// The open request tabs: the strip above the composer, and keeping their drafts across restarts.
import './drafts.css'
export { RequestTabs } from './RequestTabs'
export { useDraftPersistence } from './useDraftPersistence'
