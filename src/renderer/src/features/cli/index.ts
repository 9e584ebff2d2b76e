// Lending a workspace's token to the tokendesk command line, and installing `tokendesk`.
export { LendingSection } from './LendingSection'
export { CliCommands } from './CliCommands'
