import { REGION_HOSTS, type Workspace } from '../model'

/** The host a workspace's requests go to: its region's, or the embedded sandbox's address (null when it is not running). */
export function workspaceBaseUrl(workspace: Pick<Workspace, 'sandbox' | 'region'>, sandboxUrl: string | null): string | null {
  return workspace.sandbox ? sandboxUrl : REGION_HOSTS[workspace.region]
}
