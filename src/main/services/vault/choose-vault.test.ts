import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { JsonFileStore } from '../store/json-file-store'
import { chooseVault, createVault, type VaultFacts } from './choose-vault'
import { FakeSafeStorage } from './fake-safe-storage'
import { KeyringVault } from './keyring-vault'

const facts = (over: Partial<VaultFacts>): VaultFacts => ({
  mode: 'electron',
  safeStorageAvailable: true,
  safeStorageBackend: 'gnome_libsecret',
  keyring: { ok: false, reason: 'no D-Bus' },
  basicTextOptIn: false,
  ...over
})

describe('chooseVault policy', () => {
  it('uses safeStorage in Electron when it is available and not basic_text', () => {
    expect(chooseVault(facts({}))).toEqual({ kind: 'safeStorage' })
    expect(chooseVault(facts({ safeStorageBackend: 'keychain', keyring: { ok: true } }))).toEqual({ kind: 'safeStorage' })
  })

  it('never treats basic_text as encryption: keyring first, else memory with a notice on how to get a keyring', () => {
    expect(chooseVault(facts({ safeStorageBackend: 'basic_text', keyring: { ok: true } }))).toEqual({ kind: 'keyring' })
    const choice = chooseVault(facts({ safeStorageBackend: 'basic_text' }))
    expect(choice.kind).toBe('memory')
    expect(choice.kind === 'memory' && choice.notice).toMatch(/hard-coded key.*memory.*gnome-keyring or KWallet/s)
  })

  it('stores under basic_text only after the explicit opt-in', () => {
    expect(chooseVault(facts({ safeStorageBackend: 'basic_text', basicTextOptIn: true }))).toEqual({ kind: 'safeStorage-basic-text' })
    expect(chooseVault(facts({ safeStorageBackend: 'basic_text', basicTextOptIn: true, safeStorageAvailable: false })).kind).toBe('memory')
  })

  it('falls back from an unavailable safeStorage to the keyring, then to memory', () => {
    expect(chooseVault(facts({ safeStorageAvailable: false, keyring: { ok: true } }))).toEqual({ kind: 'keyring' })
    const choice = chooseVault(facts({ safeStorageAvailable: false }))
    expect(choice.kind === 'memory' && choice.notice).toMatch(/no D-Bus/)
  })

  it('uses the keyring in Node/browser mode, else memory', () => {
    expect(chooseVault(facts({ mode: 'node', safeStorageAvailable: false, safeStorageBackend: null, keyring: { ok: true } }))).toEqual({
      kind: 'keyring'
    })
    expect(chooseVault(facts({ mode: 'node', safeStorageAvailable: false, safeStorageBackend: null })).kind).toBe('memory')
  })
})

describe('createVault', () => {
  const dirs: string[] = []
  const store = () => {
    dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'td-cv-')))
    return new JsonFileStore({ cwd: dirs.at(-1)!, name: 'secrets' })
  }
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

  it('builds a safeStorage vault labelled with its backend', async () => {
    const vault = await createVault({ mode: 'electron', safeStorage: new FakeSafeStorage('kwallet6'), store: store(), keyring: false })
    expect(vault.backend).toMatchObject({ id: 'safeStorage', secure: true, persistent: true, notice: null })
    expect(vault.backend.label).toContain('KWallet 6')
  })

  it('builds a memory vault with a notice under basic_text, and a flagged disk vault after opt-in', async () => {
    const memory = await createVault({ mode: 'electron', safeStorage: new FakeSafeStorage('basic_text'), store: store(), keyring: false })
    expect(memory.backend).toMatchObject({ id: 'memory', persistent: false })
    expect(memory.backend.notice).toMatch(/basic_text/)
    const optedIn = await createVault({
      mode: 'electron',
      safeStorage: new FakeSafeStorage('basic_text'),
      store: store(),
      keyring: false,
      basicTextOptIn: true
    })
    expect(optedIn.backend).toMatchObject({ id: 'safeStorage-basic-text', secure: false, persistent: true })
    expect(optedIn.backend.notice).toMatch(/not encrypted/)
  })

  it('treats a hung safeStorage availability check as unavailable', async () => {
    const hung = new FakeSafeStorage()
    hung.hang = true
    const vault = await createVault({ mode: 'electron', safeStorage: hung, store: store(), keyring: false, timeoutMs: 30 })
    expect(vault.backend.id).toBe('memory')
  })

  it('does not touch the keyring without a D-Bus session on Linux (no silent keyutils fallback)', async () => {
    const vault = await createVault({ mode: 'node', keyring: new KeyringVault(), platform: 'linux', env: {} })
    expect(vault.backend.id).toBe('memory')
    expect(vault.backend.notice).toMatch(/DBUS_SESSION_BUS_ADDRESS is not set/)
  })
})
