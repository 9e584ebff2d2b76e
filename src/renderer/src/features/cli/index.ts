// Lending a workspace's token to the tokendesk command line.
export { LendingSection } from './LendingSection'
