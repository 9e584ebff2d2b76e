// The vault: a keytar-style async secret store with interchangeable backends. Everything above
// this interface (the workspace registry, OAuth client secrets, the loopback TLS key) is
// backend-agnostic.

/** The one service name every Token Desk secret is filed under. */
export const VAULT_SERVICE = 'token-desk'

export type VaultBackendId = 'safeStorage' | 'keyring' | 'memory' | 'safeStorage-basic-text'

export interface VaultBackendInfo {
  id: VaultBackendId
  /** Shown in the UI next to each workspace, e.g. "System keychain (Secret Service)". */
  label: string
  /** True when secrets are protected by an OS-held key, not a hard-coded one. */
  secure: boolean
  /** True when secrets survive a restart. */
  persistent: boolean
  /** Shown to the user once when set: what this backend means and how to get a better one. */
  notice: string | null
}

export interface Credential {
  account: string
  password: string
}

export interface SecretVault {
  readonly backend: VaultBackendInfo
  get(service: string, account: string): Promise<string | null>
  set(service: string, account: string, secret: string): Promise<void>
  /** Resolves true when something was deleted. */
  delete(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Credential[]>
}

/**
 * Mirrors the async half of Electron 45's `safeStorage` (electron.d.ts, `interface SafeStorage`),
 * so services can be tested without Electron. `getSelectedStorageBackend` is Linux-only in
 * Electron; the adapter reports a platform name elsewhere.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
  getSelectedStorageBackend(): string
}

/** The default limit on every backend call: a hung keyring must never hang the app. */
export const DEFAULT_VAULT_TIMEOUT_MS = 3_000
