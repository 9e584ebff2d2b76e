// Adding, editing and removing workspaces.
export { AddWorkspaceDialog } from './AddWorkspaceDialog'
export { WorkspacePanel } from './WorkspacePanel'
