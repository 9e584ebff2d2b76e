// Turns Electron's safeStorage into the SafeStorageLike the vault expects. The only vault code
// that imports electron.
import { safeStorage } from 'electron'
import type { SafeStorageLike } from '../services/vault/types'

/**
 * `allowBasicText` must reflect the user's explicit opt-in: on Linux it lets safeStorage run with
 * its hard-coded key when no keyring exists. Call after `app` is ready.
 */
export function createSafeStorageAdapter(options: { allowBasicText: boolean }): SafeStorageLike {
  if (process.platform === 'linux') safeStorage.setUsePlainTextEncryption(options.allowBasicText)
  return {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptStringAsync: (encrypted) => safeStorage.decryptStringAsync(encrypted),
    // Electron only names the backend on Linux; elsewhere the OS store is fixed per platform.
    getSelectedStorageBackend: () =>
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi'
  }
}
