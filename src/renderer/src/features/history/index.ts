// The request history: the list, and opening an entry with the response kept with it.
export { HistoryPanel } from './HistoryPanel'
export { HistoryResponse, openHistoryEntry } from './HistoryResponse'
