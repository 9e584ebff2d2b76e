export { createApp, type TokenDeskApp } from './create-app'
export type { AppDeps } from './context'
