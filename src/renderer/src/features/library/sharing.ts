import type { Sharing } from '../../../../shared/library'

export const SHARED: Sharing = { kind: 'shared' }
export const workspaceSharing = (workspaceId: string): Sharing => ({ kind: 'workspace', workspaceId })

export { sameSharing } from '../../../../shared/library'

export const sharingKey = (sharing: Sharing): string => (sharing.kind === 'shared' ? 'shared' : `ws:${sharing.workspaceId}`)

export const sharingLabel = (sharing: Sharing): string => (sharing.kind === 'shared' ? 'Shared by all workspaces' : 'This workspace')
