// The Explorer view: request tabs, composer and response side by side with the library.
import './explorer.css'
export { ExplorerView } from './ExplorerView'
