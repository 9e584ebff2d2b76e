// What each workspace's token may do: the Scopes view and the composer's permission badge.
import './scopes.css'
export { ScopesView, useInspectScopesCommand } from './ScopesView'
export { PermissionBadge } from './PermissionBadge'
