// The Explorer view: request tabs, composer and response side by side with the library.
export { ExplorerView } from './ExplorerView'
