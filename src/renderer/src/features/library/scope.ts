import type { SavedScope } from '../../../../shared/library'

export const SHARED: SavedScope = { kind: 'shared' }
export const workspaceScope = (workspaceId: string): SavedScope => ({ kind: 'workspace', workspaceId })

export const sameScope = (a: SavedScope, b: SavedScope): boolean =>
  a.kind === b.kind && (a.kind === 'shared' || (b.kind === 'workspace' && a.workspaceId === b.workspaceId))

export const scopeKey = (scope: SavedScope): string => (scope.kind === 'shared' ? 'shared' : `ws:${scope.workspaceId}`)

export const scopeLabel = (scope: SavedScope): string => (scope.kind === 'shared' ? 'Shared by all workspaces' : 'This workspace')
