// "Lend to the command line": per workspace, whether the command line may use it and a record of
// every time it did. Sandbox workspaces are allowed from the start; the others are not until the
// user allows them in the app or approves on the terminal. Kept in its own store (lending.json).
import type { Lend, Lending } from '../../../shared/contract/cli'
import type { Clock, KeyValueStore } from '../ports'

/** Lends kept per workspace; older ones drop off. */
export const KEPT_LENDS = 50

interface Stored {
  allowed?: boolean
  lends?: Lend[]
}

export class LendingLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly onChange: (workspaceId: string) => void = () => undefined
  ) {}

  get(workspace: { id: string; sandbox: boolean }): Lending {
    const stored = this.#read(workspace.id)
    return { workspaceId: workspace.id, allowed: stored.allowed ?? workspace.sandbox, lends: stored.lends ?? [] }
  }

  set(workspace: { id: string; sandbox: boolean }, allowed: boolean): Lending {
    this.#write(workspace.id, { ...this.#read(workspace.id), allowed })
    return this.get(workspace)
  }

  record(workspaceId: string, lend: Omit<Lend, 'at'>): void {
    const stored = this.#read(workspaceId)
    const lends = [{ at: new Date(this.clock.now()).toISOString(), ...lend }, ...(stored.lends ?? [])].slice(0, KEPT_LENDS)
    this.#write(workspaceId, { ...stored, lends })
  }

  forget(workspaceId: string): void {
    this.store.delete(workspaceId)
  }

  #read(workspaceId: string): Stored {
    const value = this.store.get(workspaceId)
    return typeof value === 'object' && value !== null ? (value as Stored) : {}
  }

  #write(workspaceId: string, value: Stored): void {
    this.store.set(workspaceId, value)
    this.onChange(workspaceId)
  }
}
