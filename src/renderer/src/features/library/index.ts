// Saved requests: the library pane, its commands and dialogs, and the parts import reuses.
import './library.css'
export { LibraryPanel } from './LibraryPanel'
export { LibraryCommands } from './LibraryCommands'
export { notifyLibraryChanged } from './events'
export { LocationFields, tidyFolder, type Location } from './LocationFields'
export { workspaceSharing } from './sharing'
