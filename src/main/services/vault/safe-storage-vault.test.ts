import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { JsonFileStore } from '../store/json-file-store'
import { FakeSafeStorage } from './fake-safe-storage'
import { SafeStorageVault } from './safe-storage-vault'
import type { VaultBackendInfo } from './types'

const info: VaultBackendInfo = { id: 'safeStorage', label: 'test', secure: true, persistent: true, notice: null }
let dir: string
let store: JsonFileStore
let safeStorage: FakeSafeStorage
const vault = (timeoutMs?: number) => new SafeStorageVault({ safeStorage, store, backend: info, timeoutMs })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-ss-'))
  store = new JsonFileStore({ cwd: dir, name: 'secrets' })
  safeStorage = new FakeSafeStorage('gnome_libsecret')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('SafeStorageVault', () => {
  it('keeps only ciphertext, tagged with the backend that wrote it', async () => {
    await vault().set('token-desk', 'ws1:token', 'dG9rOnNlY3JldC12YWx1ZQ==')
    const raw = fs.readFileSync(store.path, 'utf8')
    expect(raw).not.toContain('dG9rOnNlY3JldC12YWx1ZQ==')
    const record = (JSON.parse(raw) as { secrets: Record<string, Record<string, { v: number; backend: string; data: string }>> }).secrets[
      'token-desk'
    ]?.['ws1:token']
    expect(record).toMatchObject({ v: 1, backend: 'gnome_libsecret' })
    expect(Buffer.from(record!.data, 'base64').subarray(0, 3).toString()).toBe('v11')
    expect(await vault().get('token-desk', 'ws1:token')).toBe('dG9rOnNlY3JldC12YWx1ZQ==')
  })

  it('gets null for a missing secret, deletes, and finds credentials per service', async () => {
    const v = vault()
    expect(await v.get('token-desk', 'none')).toBeNull()
    await v.set('token-desk', 'a', 'one')
    await v.set('token-desk', 'b', 'two')
    await v.set('other', 'c', 'three')
    expect(await v.findCredentials('token-desk')).toEqual([
      { account: 'a', password: 'one' },
      { account: 'b', password: 'two' }
    ])
    expect(await v.delete('token-desk', 'a')).toBe(true)
    expect(await v.delete('token-desk', 'a')).toBe(false)
    expect(await v.findCredentials('token-desk')).toEqual([{ account: 'b', password: 'two' }])
  })

  it('reports a record written under another backend instead of decrypting it with a downgrade', async () => {
    await vault().set('token-desk', 'ws1:token', 'secret-under-libsecret')
    safeStorage.backend = 'basic_text'
    const error = await vault()
      .get('token-desk', 'ws1:token')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'vault_unavailable',
      details: { reason: 'backend_changed', storedBackend: 'gnome_libsecret', currentBackend: 'basic_text' }
    })
    expect((error as AppError).message).toMatch(/enter the token again/)
  })

  it('re-encrypts when safeStorage says the key was rotated', async () => {
    await vault().set('token-desk', 'k', 'rotating')
    const before = fs.readFileSync(store.path, 'utf8')
    safeStorage.shouldReEncrypt = true
    expect(await vault().get('token-desk', 'k')).toBe('rotating')
    expect(safeStorage.encryptCalls).toBe(2)
    expect(fs.readFileSync(store.path, 'utf8')).not.toBe(before)
  })

  it('turns undecryptable data into a clear vault error', async () => {
    store.set('secrets', {
      'token-desk': { k: { v: 1, backend: 'gnome_libsecret', data: Buffer.from('v11-not-really').toString('base64') } }
    })
    await expect(vault().get('token-desk', 'k')).rejects.toMatchObject({ code: 'vault_unavailable', details: { reason: 'decrypt_failed' } })
  })

  it('times out a hung safeStorage call with keychain_timeout', async () => {
    safeStorage.hang = true
    await expect(vault(50).set('token-desk', 'k', 'x')).rejects.toMatchObject({
      code: 'keychain_timeout',
      message: expect.stringMatching(/did not answer within 50 ms/)
    })
  })
})
