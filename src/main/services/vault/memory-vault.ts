import type { Credential, SecretVault, VaultBackendInfo } from './types'

export const MEMORY_BACKEND: VaultBackendInfo = {
  id: 'memory',
  label: 'Memory only (this run)',
  secure: true,
  persistent: false,
  notice: null
}

/** Keeps secrets for this run only; nothing reaches disk. */
export class MemoryVault implements SecretVault {
  readonly #secrets = new Map<string, Map<string, string>>()

  constructor(readonly backend: VaultBackendInfo = MEMORY_BACKEND) {}

  async get(service: string, account: string): Promise<string | null> {
    return this.#secrets.get(service)?.get(account) ?? null
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    let accounts = this.#secrets.get(service)
    if (!accounts) this.#secrets.set(service, (accounts = new Map()))
    accounts.set(account, secret)
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.#secrets.get(service)?.delete(account) ?? false
  }

  async findCredentials(service: string): Promise<Credential[]> {
    return [...(this.#secrets.get(service) ?? [])].map(([account, password]) => ({ account, password }))
  }
}
