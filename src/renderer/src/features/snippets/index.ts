// The request as a curl command or as code.
export { SnippetPanel } from './SnippetPanel'
