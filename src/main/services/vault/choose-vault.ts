import type { KeyValueStore, Logger } from '../ports'
import { KeyringVault, type KeyringProbe } from './keyring-vault'
import { MemoryVault } from './memory-vault'
import { describeSafeStorageBackend, SafeStorageVault } from './safe-storage-vault'
import { withTimeout } from './timeout'
import { DEFAULT_VAULT_TIMEOUT_MS, type SafeStorageLike, type SecretVault, type VaultBackendInfo } from './types'

/** What was found on this machine; `chooseVault` turns it into a decision. */
export interface VaultFacts {
  mode: 'electron' | 'node'
  /** Electron only: `isAsyncEncryptionAvailable()` resolved true. */
  safeStorageAvailable: boolean
  /** Electron only: `getSelectedStorageBackend()` (Linux), or the platform's store elsewhere. */
  safeStorageBackend: string | null
  keyring: KeyringProbe
  /** The user explicitly accepted storing tokens under Linux's `basic_text` (the caller records it). */
  basicTextOptIn: boolean
}

export type VaultChoice =
  { kind: 'safeStorage' } | { kind: 'keyring' } | { kind: 'safeStorage-basic-text' } | { kind: 'memory'; notice: string }

const HOW_TO_GET_A_KEYRING =
  'To keep tokens securely across restarts, install and unlock a keyring (gnome-keyring or KWallet) and restart Token Desk; ' +
  'on a desktop Electron does not recognise, start it with --password-store=gnome-libsecret.'

const BASIC_TEXT_MEMORY_NOTICE =
  'No system keyring (GNOME Keyring or KWallet) was found for this desktop session, so Electron could only obfuscate tokens ' +
  'with a hard-coded key ("basic_text"): anyone who can read your files could recover them. Tokens are therefore kept in memory ' +
  `for this run only and must be entered again after a restart. ${HOW_TO_GET_A_KEYRING} ` +
  'You can also choose to save tokens with that weak obfuscation ("Use weaker encryption", from the next start).'

const BASIC_TEXT_OPT_IN_NOTICE =
  'Tokens are saved obfuscated with a hard-coded key ("basic_text"), not encrypted: anyone who can read your files could recover them. ' +
  HOW_TO_GET_A_KEYRING

const noSecureStoreNotice = (reason: string): string =>
  `No secure secret store is available (the system keychain did not answer: ${reason}). Tokens are kept in memory for this run ` +
  `only and must be entered again after a restart. ${HOW_TO_GET_A_KEYRING}`

/**
 * The storage policy. Electron's safeStorage comes first unless it is unavailable or is Linux's
 * `basic_text` (a hard-coded key, i.e. not encryption); then the OS keychain; then `basic_text`
 * only after an explicit opt-in; otherwise memory with a notice. Never plaintext, never silently.
 */
export function chooseVault(facts: VaultFacts): VaultChoice {
  const basicText = facts.safeStorageBackend === 'basic_text'
  if (facts.mode === 'electron' && facts.safeStorageAvailable && !basicText) return { kind: 'safeStorage' }
  if (facts.keyring.ok) return { kind: 'keyring' }
  if (facts.mode === 'electron' && basicText) {
    return facts.basicTextOptIn && facts.safeStorageAvailable
      ? { kind: 'safeStorage-basic-text' }
      : { kind: 'memory', notice: BASIC_TEXT_MEMORY_NOTICE }
  }
  return { kind: 'memory', notice: noSecureStoreNotice(facts.keyring.reason) }
}

export interface CreateVaultOptions {
  mode: 'electron' | 'node'
  /** Electron mode: the adapter from src/main/electron/safe-storage.ts. */
  safeStorage?: SafeStorageLike
  /** Electron mode: where safeStorage ciphertext is kept (electron-store). */
  store?: KeyValueStore
  basicTextOptIn?: boolean
  /** Injected for tests; `false` skips the keychain entirely. */
  keyring?: KeyringVault | false
  timeoutMs?: number
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
  logger?: Logger
}

/** Probes what is available and builds the vault `chooseVault` picks. */
export async function createVault(options: CreateVaultOptions): Promise<SecretVault> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VAULT_TIMEOUT_MS
  const { safeStorage, store } = options
  if (options.mode === 'electron' && (!safeStorage || !store)) throw new Error('createVault: electron mode needs safeStorage and store')

  const safeStorageBackend = safeStorage && options.mode === 'electron' ? safeStorage.getSelectedStorageBackend() : null
  const safeStorageAvailable =
    safeStorage && options.mode === 'electron'
      ? await withTimeout(safeStorage.isAsyncEncryptionAvailable(), timeoutMs, 'checking safeStorage').catch(() => false)
      : false
  const keyring = options.keyring === false ? null : (options.keyring ?? new KeyringVault({ timeoutMs, platform: options.platform }))
  // The keychain is only probed when safeStorage cannot serve.
  const keyringProbe: KeyringProbe =
    safeStorageAvailable && safeStorageBackend !== 'basic_text'
      ? { ok: false, reason: 'not needed' }
      : keyring
        ? await keyring.probe({ platform: options.platform, env: options.env })
        : { ok: false, reason: 'the system keychain is disabled' }

  const choice = chooseVault({
    mode: options.mode,
    safeStorageAvailable,
    safeStorageBackend,
    keyring: keyringProbe,
    basicTextOptIn: options.basicTextOptIn ?? false
  })
  if (choice.kind !== 'keyring') keyring?.close()
  options.logger?.info('vault backend chosen', { backend: choice.kind, safeStorageBackend })

  switch (choice.kind) {
    case 'safeStorage':
      return new SafeStorageVault({ safeStorage: safeStorage!, store: store!, timeoutMs, backend: safeStorageInfo(safeStorageBackend) })
    case 'safeStorage-basic-text':
      return new SafeStorageVault({
        safeStorage: safeStorage!,
        store: store!,
        timeoutMs,
        backend: {
          id: 'safeStorage-basic-text',
          label: 'Obfuscated on disk (basic_text)',
          secure: false,
          persistent: true,
          notice: BASIC_TEXT_OPT_IN_NOTICE
        }
      })
    case 'keyring':
      return keyring!
    case 'memory':
      return new MemoryVault({ id: 'memory', label: 'Memory only (this run)', secure: true, persistent: false, notice: choice.notice })
  }
}

function safeStorageInfo(backend: string | null): VaultBackendInfo {
  return {
    id: 'safeStorage',
    label: `Encrypted with ${describeSafeStorageBackend(backend ?? 'unknown')}`,
    secure: true,
    persistent: true,
    notice: null
  }
}
