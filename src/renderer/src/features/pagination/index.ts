// Fetching every page of a list and exporting the rows.
import './pagination.css'
export { PaginationPanel } from './PaginationPanel'
