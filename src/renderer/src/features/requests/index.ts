// Composing a request: the composer and its parts, the catalog palette.
import './requests.css'
export { Composer } from './Composer'
export { AsSent } from './AsSent'
export { CatalogPalette } from './CatalogPalette'
export { usePaletteRequests } from './usePaletteRequests'
export { focusPathField } from './focus'
export type { JsonSyntaxError } from './json-syntax'
/** The JSON syntax check loads with CodeMirror's grammar, so only when a body needs it. */
export const loadJsonSyntax = () => import('./json-syntax')
