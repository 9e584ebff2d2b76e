// Fetching every page of a list and exporting the rows.
export { PaginationPanel } from './PaginationPanel'
