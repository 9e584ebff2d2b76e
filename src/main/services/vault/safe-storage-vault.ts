import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import type { KeyValueStore } from '../ports'
import { withTimeout } from './timeout'
import { DEFAULT_VAULT_TIMEOUT_MS, type Credential, type SafeStorageLike, type SecretVault, type VaultBackendInfo } from './types'

/** One encrypted secret as stored: which safeStorage backend wrote it travels with the ciphertext. */
const SecretRecord = z.object({ v: z.literal(1), backend: z.string().min(1), data: z.string() })
type SecretRecord = z.infer<typeof SecretRecord>
export const SecretTable = z.record(z.string(), z.record(z.string(), SecretRecord))
type SecretTable = z.infer<typeof SecretTable>

const BACKEND_NAMES: Record<string, string> = {
  gnome_libsecret: 'GNOME Keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  keychain: 'macOS Keychain',
  dpapi: 'Windows DPAPI',
  basic_text: 'a hard-coded key (basic_text)'
}
export const describeSafeStorageBackend = (backend: string): string => BACKEND_NAMES[backend] ?? backend

export interface SafeStorageVaultOptions {
  safeStorage: SafeStorageLike
  /** Where ciphertext records live (electron-store in the app, a JsonFileStore in tests). */
  store: KeyValueStore
  backend: VaultBackendInfo
  /** The store key holding the records. */
  storeKey?: string
  timeoutMs?: number
}

/** Encrypts each secret with Electron's safeStorage and keeps only ciphertext in the store. */
export class SafeStorageVault implements SecretVault {
  readonly backend: VaultBackendInfo
  readonly #safeStorage: SafeStorageLike
  readonly #store: KeyValueStore
  readonly #key: string
  readonly #timeoutMs: number

  constructor(options: SafeStorageVaultOptions) {
    this.backend = options.backend
    this.#safeStorage = options.safeStorage
    this.#store = options.store
    this.#key = options.storeKey ?? 'secrets'
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_VAULT_TIMEOUT_MS
  }

  async get(service: string, account: string): Promise<string | null> {
    const record = this.#table()[service]?.[account]
    return record ? this.#decrypt(service, account, record) : null
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    const backend = this.#safeStorage.getSelectedStorageBackend()
    const encrypted = await withTimeout(this.#safeStorage.encryptStringAsync(secret), this.#timeoutMs, 'encrypting a secret')
    const table = this.#table()
    table[service] = { ...table[service], [account]: { v: 1, backend, data: encrypted.toString('base64') } }
    this.#store.set(this.#key, table)
  }

  async delete(service: string, account: string): Promise<boolean> {
    const table = this.#table()
    const accounts = table[service]
    if (!accounts || !(account in accounts)) return false
    delete accounts[account]
    if (Object.keys(accounts).length === 0) delete table[service]
    this.#store.set(this.#key, table)
    return true
  }

  async findCredentials(service: string): Promise<Credential[]> {
    const entries = Object.entries(this.#table()[service] ?? {})
    const credentials: Credential[] = []
    for (const [account, record] of entries) credentials.push({ account, password: await this.#decrypt(service, account, record) })
    return credentials
  }

  async #decrypt(service: string, account: string, record: SecretRecord): Promise<string> {
    const current = this.#safeStorage.getSelectedStorageBackend()
    // A record from another backend is never decrypted with what we have now: that would either
    // fail or, worse, quietly accept a downgrade (e.g. gnome_libsecret → basic_text).
    if (record.backend !== current) {
      throw new AppError(
        'vault_unavailable',
        `This secret was encrypted with ${describeSafeStorageBackend(record.backend)}, but this run uses ` +
          `${describeSafeStorageBackend(current)}. It was not decrypted; enter the token again.`,
        { reason: 'backend_changed', storedBackend: record.backend, currentBackend: current }
      )
    }
    let decrypted: { result: string; shouldReEncrypt: boolean }
    try {
      decrypted = await withTimeout(
        this.#safeStorage.decryptStringAsync(Buffer.from(record.data, 'base64')),
        this.#timeoutMs,
        'decrypting a secret'
      )
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('vault_unavailable', 'A stored secret could not be decrypted (its key may have changed); enter the token again.', {
        reason: 'decrypt_failed'
      })
    }
    // The OS rotated or upgraded the key: store the secret again under the new one.
    if (decrypted.shouldReEncrypt) await this.set(service, account, decrypted.result).catch(() => undefined)
    return decrypted.result
  }

  #table(): SecretTable {
    const raw = this.#store.get(this.#key)
    if (raw === undefined) return {}
    const parsed = SecretTable.safeParse(raw)
    if (!parsed.success) throw new AppError('storage', `The encrypted secrets in the settings store ("${this.#key}") are malformed.`)
    return parsed.data
  }
}
