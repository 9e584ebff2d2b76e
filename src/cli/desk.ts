// How a `tokendesk` command reaches the services: through the Token Desk that writes the data
// folder (over its local endpoint), or, when none does, by running the same services as browser
// mode in this process for the length of the command. While it does, it holds the folder's writer
// lock and serves the same endpoint, so a second command talks to it instead of opening the files.
import type { CallInput, CallName, CallOutput } from '../shared/contract'
import type { AppErrorShape } from '../shared/errors'
import { connectLocalEndpoint, tryAcquireWriter } from '../main/node/local-endpoint'
import type { Dispatch } from '../main/services/core/dispatch'

export class CallFailed extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message)
  }
}

export interface Desk {
  /** 'app': a running Token Desk answers; 'own': this process runs the services. */
  readonly mode: 'app' | 'own'
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
  close(): Promise<void>
}

export function deskOver(mode: Desk['mode'], dispatch: Dispatch, close: () => Promise<void>): Desk {
  return {
    mode,
    async call(name, input) {
      const result = await dispatch(name, input)
      if (!result.ok) throw new CallFailed(result.error)
      return result.value as never
    },
    close
  }
}

/** Connects to the folder's writer, or becomes it; waits while another process is starting up. */
export async function openDesk(userData: string, timeoutMs = 120_000): Promise<Desk> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = await connectLocalEndpoint(userData)
    if (client) return deskOver('app', client.call, async () => client.close())
    const lock = tryAcquireWriter(userData, 'cli')
    // Loaded only here: a command that talks to a running app starts without the services' code.
    if (lock) return (await import('./own-services')).runOwnServices(lock)
    if (Date.now() > deadline) throw new Error(`Another process keeps the data folder ${userData} busy; try again.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
