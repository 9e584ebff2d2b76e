// Test double for Electron's async safeStorage: real AES-256-GCM with a key per backend, so a
// record written under one backend cannot be decrypted under another, just like the real thing.
import crypto from 'node:crypto'
import type { SafeStorageLike } from './types'

export class FakeSafeStorage implements SafeStorageLike {
  available = true
  backend: string
  /** Makes every call hang, to exercise timeouts. */
  hang = false
  shouldReEncrypt = false
  encryptCalls = 0
  readonly #keys = new Map<string, Buffer>()

  constructor(backend = 'gnome_libsecret') {
    this.backend = backend
  }

  getSelectedStorageBackend(): string {
    return this.backend
  }

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    await this.#maybeHang()
    return this.available
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    await this.#maybeHang()
    this.encryptCalls++
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#key(), iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body])
  }

  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    await this.#maybeHang()
    const iv = encrypted.subarray(3, 15)
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#key(), iv)
    decipher.setAuthTag(encrypted.subarray(15, 31))
    const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8')
    return { result, shouldReEncrypt: this.shouldReEncrypt }
  }

  #key(): Buffer {
    let key = this.#keys.get(this.backend)
    if (!key) this.#keys.set(this.backend, (key = crypto.randomBytes(32)))
    return key
  }

  #maybeHang(): Promise<void> {
    return this.hang ? new Promise(() => undefined) : Promise.resolve()
  }
}
