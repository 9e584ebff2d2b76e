// The one contract between main, preload and renderer. Every call the renderer may make and every
// event main may send is declared here, once; handlers, the preload bridge, the browser-mode
// HTTP bridge and the renderer's client are all derived from these declarations.
import { appCalls } from './app'
import { workspaceCalls, workspaceEvents } from './workspaces'
import { explorerCalls, explorerEvents } from './explorer'
import { libraryCalls, libraryEvents } from './library'
import { cliCalls, cliEvents, isCommandLineOnlyCall } from './cli'
import { draftCalls } from './drafts'
import { buildBridge, type Bridge, type Invoke, type Subscribe } from './define'
import type { z } from 'zod'

export const calls = {
  ...appCalls,
  ...workspaceCalls,
  ...explorerCalls,
  ...libraryCalls,
  ...cliCalls,
  ...draftCalls
}

export const events = {
  ...workspaceEvents,
  ...explorerEvents,
  ...libraryEvents,
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

/** The renderer's calls: all but the command line's own (`cli.*`), which its doors refuse anyway. */
export type RendererCalls = Omit<Calls, Extract<CallName, `cli.${string}`>>
const rendererCalls = Object.fromEntries(Object.entries(calls).filter(([name]) => !isCommandLineOnlyCall(name))) as RendererCalls

export type TokenDeskBridge = Bridge<RendererCalls, Events>

export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name)
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name)

export const createBridge = (invoke: Invoke, subscribe: Subscribe): TokenDeskBridge => buildBridge(rendererCalls, events, invoke, subscribe)

export * from './define'
