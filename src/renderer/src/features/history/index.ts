// The request history: the list, and opening an entry with the response kept with it.
import './history.css'
export { HistoryPanel } from './HistoryPanel'
export { HistoryResponse, openHistoryEntry } from './HistoryResponse'
