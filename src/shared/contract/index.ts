// The one contract between main, preload and renderer. Every call the renderer may make and every
// event main may send is declared here, once; handlers, the preload bridge, the browser-mode
// HTTP bridge and the renderer's client are all derived from these declarations.
import { appCalls } from './app'
import { workspacesCalls, workspacesEvents } from './workspaces'
import { oauthCalls, oauthEvents } from './oauth'
import { requestsCalls } from './requests'
import { responsesCalls } from './responses'
import { paginationCalls, paginationEvents } from './pagination'
import { scopesCalls, scopesEvents } from './scopes'
import { libraryCalls } from './library'
import { historyCalls, historyEvents } from './history'
import { snippetsCalls } from './snippets'
import { importCalls } from './import'
import { cliCalls, cliEvents, isCommandLineOnlyCall, type CommandLineOnlyCall } from './cli'
import { draftsCalls } from './drafts'
import { buildBridge, type Bridge, type Invoke, type Subscribe } from './define'
import type { z } from 'zod'

// One file per namespace (see docs/ARCHITECTURE.md): a call's name starts with its file's name.
export const calls = {
  ...appCalls,
  ...workspacesCalls,
  ...oauthCalls,
  ...requestsCalls,
  ...responsesCalls,
  ...paginationCalls,
  ...scopesCalls,
  ...libraryCalls,
  ...historyCalls,
  ...snippetsCalls,
  ...importCalls,
  ...draftsCalls,
  ...cliCalls
}

export const events = {
  ...workspacesEvents,
  ...oauthEvents,
  ...paginationEvents,
  ...scopesEvents,
  ...historyEvents,
  ...cliEvents
}

export type Calls = typeof calls
export type Events = typeof events
export type CallName = keyof Calls
export type EventName = keyof Events
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>
export type EventPayload<E extends EventName> = z.output<Events[E]>

/** The renderer's calls: all but the command line's own, which its doors refuse anyway. */
export type RendererCalls = Omit<Calls, CommandLineOnlyCall>
const rendererCalls = Object.fromEntries(Object.entries(calls).filter(([name]) => !isCommandLineOnlyCall(name))) as RendererCalls

export type TokenDeskBridge = Bridge<RendererCalls, Events>

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name)
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name)

export const createBridge = (invoke: Invoke, subscribe: Subscribe): TokenDeskBridge => buildBridge(rendererCalls, events, invoke, subscribe)

export * from './define'
