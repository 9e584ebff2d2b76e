// Credentials found in a pasted curl command wait here, in memory only, until the user decides to
// put them into the vault; they expire unused.
import type { Clock } from '../ports'

/** How long a credential found in a pasted curl command waits in memory for the user's decision. */
const PENDING_CREDENTIAL_TTL_MS = 10 * 60_000

export interface PendingCredential {
  token: string
  /** The command was aimed at the embedded sandbox. */
  sandbox: boolean
}

export class PendingCredentials {
  readonly #pending = new Map<string, PendingCredential & { expiresAt: number }>()
  constructor(private readonly clock: Clock) {}

  hold(importId: string, credential: PendingCredential): void {
    const now = this.clock.now()
    for (const [key, pending] of this.#pending) if (pending.expiresAt < now) this.#pending.delete(key)
    this.#pending.set(importId, { ...credential, expiresAt: now + PENDING_CREDENTIAL_TTL_MS })
  }

  get(importId: string): PendingCredential | null {
    return this.#pending.get(importId) ?? null
  }

  release(importId: string): void {
    this.#pending.delete(importId)
  }
}
