export * from './registry'
export { fetchIntercomIdentity, intercomError, type IntercomIdentity } from './intercom-identity'
