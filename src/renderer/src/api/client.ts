// The renderer's typed client. It takes whichever bridge the host provides (the preload's
// `window.tokenDesk` in Electron, HTTP in browser mode) and turns result envelopes into values or
// thrown ApiErrors.
import type { Result, TokenDeskBridge } from '../../../shared/contract'
import type { AppErrorShape, ErrorCode } from '../../../shared/errors'
import { createHttpBridge } from './http-bridge'

declare global {
  interface Window {
    tokenDesk?: TokenDeskBridge
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.details = shape.details
  }
}

type Calls = Omit<TokenDeskBridge, 'on'>
export type Client = {
  [NS in keyof Calls]: {
    [M in keyof Calls[NS]]: Calls[NS][M] extends (...args: infer A) => Promise<Result<infer T>> ? (...args: A) => Promise<T> : never
  }
}

const bridge: TokenDeskBridge = window.tokenDesk ?? createHttpBridge()

function unwrapAll(source: TokenDeskBridge): Client {
  const client: Record<string, Record<string, unknown>> = {}
  for (const [ns, methods] of Object.entries(source)) {
    if (ns === 'on') continue
    client[ns] = {}
    for (const [method, fn] of Object.entries(methods as Record<string, (input?: unknown) => Promise<Result<unknown>>>)) {
      client[ns][method] = async (input?: unknown) => {
        const result = await fn(input)
        if (!result.ok) throw new ApiError(result.error)
        return result.value
      }
    }
  }
  return client as Client
}

export const api = unwrapAll(bridge)
export const on = bridge.on

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))
