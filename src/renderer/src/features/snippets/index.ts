// The request as a curl command or as code.
import './snippets.css'
export { SnippetPanel } from './SnippetPanel'
