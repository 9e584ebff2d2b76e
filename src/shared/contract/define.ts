// The machinery behind the one typed contract: how a call and an event are declared, the result
// envelope that crosses every transport, and the bridge object built from the declarations.
import { z } from 'zod'
import type { AppErrorShape } from '../errors'

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output
})

/** For calls that take nothing. */
export const NoInput = z.undefined()

/** A workspace's id; left out, the call applies to the active workspace. */
export const WorkspaceRef = z.string().min(1).max(100).optional()
/** Ids the renderer makes up so it can cancel what it started. */
export const JobId = z.string().min(1).max(100)
/** A stored item's id (saved request, history entry). */
export const ItemId = z.string().min(1).max(100)

/** Every call answers with this envelope, so typed errors survive IPC and HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

type CallMap = Record<`${string}.${string}`, CallSpec>
type EventMap = Record<string, z.ZodType>

type NamespaceOf<N> = N extends `${infer NS}.${string}` ? NS : never
type MethodOf<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never

type Args<I> = undefined extends I ? [input?: I] : [input: I]
type InputOf<S> = S extends CallSpec<infer I, z.ZodType> ? z.input<I> : never
type OutputOf<S> = S extends CallSpec<z.ZodType, infer O> ? z.output<O> : never

/** The object exposed as `window.tokenDesk`: one namespace per domain, one function per call. */
export type Bridge<C extends CallMap, E extends EventMap> = {
  [NS in NamespaceOf<keyof C>]: {
    [N in keyof C as MethodOf<N, NS>]: (...args: Args<InputOf<C[N]>>) => Promise<Result<OutputOf<C[N]>>>
  }
} & {
  on: { [K in keyof E]: (listener: (payload: z.output<E[K]>) => void) => () => void }
}

export type Invoke = (name: string, input: unknown) => Promise<Result<unknown>>
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

/**
 * Builds the bridge from the declarations. The preload passes IPC-backed `invoke`/`subscribe`,
 * browser mode passes HTTP-backed ones; the object has the same shape either way.
 */
export function buildBridge<C extends CallMap, E extends EventMap>(
  calls: C,
  events: E,
  invoke: Invoke,
  subscribe: Subscribe
): Bridge<C, E> {
  const bridge: Record<string, Record<string, unknown>> = { on: {} }
  for (const name of Object.keys(calls)) {
    const [ns, method] = name.split('.') as [string, string]
    bridge[ns] ??= {}
    bridge[ns][method] = (input?: unknown) => invoke(name, input)
  }
  for (const event of Object.keys(events)) {
    bridge.on![event] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`on.${event} needs a listener function`)
      return subscribe(event, listener)
    }
  }
  return bridge as Bridge<C, E>
}

/** IPC channel names are derived, never typed by hand. */
export const callChannel = (name: string) => `token-desk:call:${name}`
export const eventChannel = (name: string) => `token-desk:event:${name}`
