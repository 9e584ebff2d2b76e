// The Electron safeStorage adapter, with electron mocked: it passes the async API through and only
// allows Linux's plain-text "encryption" when the user opted in.
import { describe, expect, it, vi, beforeEach } from 'vitest'

const safeStorage = {
  setUsePlainTextEncryption: vi.fn(),
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  encryptStringAsync: vi.fn(async (s: string) => Buffer.from(`enc:${s}`)),
  decryptStringAsync: vi.fn(async (b: Buffer) => ({ result: b.toString().slice(4), shouldReEncrypt: false })),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret')
}
vi.mock('electron', () => ({ safeStorage }))
const { createSafeStorageAdapter } = await import('./safe-storage')

describe('safeStorage adapter', () => {
  beforeEach(() => vi.clearAllMocks())

  it('round-trips through the async API', async () => {
    const adapter = createSafeStorageAdapter({ allowBasicText: false })
    expect(await adapter.isAsyncEncryptionAvailable()).toBe(true)
    const encrypted = await adapter.encryptStringAsync('dG9rOnNlY3JldA==')
    expect(encrypted.toString()).not.toBe('dG9rOnNlY3JldA==')
    expect(await adapter.decryptStringAsync(encrypted)).toEqual({ result: 'dG9rOnNlY3JldA==', shouldReEncrypt: false })
  })

  it.runIf(process.platform === 'linux')('allows plain-text encryption on Linux only after an opt-in', () => {
    createSafeStorageAdapter({ allowBasicText: false })
    expect(safeStorage.setUsePlainTextEncryption).toHaveBeenLastCalledWith(false)
    createSafeStorageAdapter({ allowBasicText: true })
    expect(safeStorage.setUsePlainTextEncryption).toHaveBeenLastCalledWith(true)
    expect(createSafeStorageAdapter({ allowBasicText: false }).getSelectedStorageBackend()).toBe('gnome_libsecret')
  })
})
