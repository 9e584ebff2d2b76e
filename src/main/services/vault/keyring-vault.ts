import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import { withTimeout } from './timeout'
import { DEFAULT_VAULT_TIMEOUT_MS, type Credential, type SecretVault, type VaultBackendInfo } from './types'

// Every keyring call runs in a worker thread. @napi-rs/keyring connects to D-Bus synchronously
// while constructing an entry, so a hung Secret Service would otherwise freeze the main thread
// where no timer can fire. In the worker a hang costs only that worker: it is abandoned and a
// fresh one starts on the next call. Entries are pinned to the Secret Service on Linux so
// keyring-rs never falls back silently to the kernel keyutils store (lost at reboot).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const keyring = require(workerData.modulePath)
const entry = (service, account) => new keyring.AsyncEntry(service, account, { linux: { store: 'secret-service' } })
const ops = {
  probe: () => entry('token-desk-probe', 'probe').getPassword(),
  get: (m) => entry(m.service, m.account).getPassword(),
  set: (m) => entry(m.service, m.account).setPassword(m.secret),
  delete: (m) => entry(m.service, m.account).deletePassword(),
  find: (m) => keyring.findCredentialsAsync(m.service)
}
parentPort.on('message', async (m) => {
  try {
    parentPort.postMessage({ id: m.id, ok: true, value: await ops[m.op](m) })
  } catch (error) {
    parentPort.postMessage({ id: m.id, ok: false, message: String((error && error.message) || error) })
  }
})`

type Op = 'probe' | 'get' | 'set' | 'delete' | 'find'
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }

export interface KeyringVaultOptions {
  timeoutMs?: number
  /** Resolved path of `@napi-rs/keyring`; defaults to the installed package. */
  modulePath?: string
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
}

export type KeyringProbe = { ok: true } | { ok: false; reason: string }

const KEYRING_LABELS: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'System keychain (Secret Service)'
}

export class KeyringVault implements SecretVault {
  readonly backend: VaultBackendInfo
  readonly #timeoutMs: number
  readonly #modulePath: string
  #worker: Worker | null = null
  #nextId = 0
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()

  constructor(options: KeyringVaultOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_VAULT_TIMEOUT_MS
    this.#modulePath = options.modulePath ?? createRequire(import.meta.url).resolve('@napi-rs/keyring')
    const platform = options.platform ?? process.platform
    this.backend = {
      id: 'keyring',
      label: KEYRING_LABELS[platform] ?? 'System keychain',
      secure: true,
      persistent: true,
      notice: null
    }
  }

  /**
   * Checks that the keychain really answers. On Linux that needs a D-Bus session and a Secret
   * Service behind it; one pinned read makes a real round-trip through both.
   */
  async probe(options: Pick<KeyringVaultOptions, 'platform' | 'env'> = {}): Promise<KeyringProbe> {
    const platform = options.platform ?? process.platform
    const env = options.env ?? process.env
    if ((platform === 'linux' || platform === 'freebsd') && !env.DBUS_SESSION_BUS_ADDRESS) {
      return { ok: false, reason: 'there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)' }
    }
    try {
      await this.#call('probe', {}, 'checking the system keychain')
      return { ok: true }
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) }
    }
  }

  async get(service: string, account: string): Promise<string | null> {
    return (await this.#call('get', { service, account }, 'reading a secret')) as string | null
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await this.#call('set', { service, account, secret }, 'saving a secret')
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.#call('delete', { service, account }, 'deleting a secret')) as boolean
  }

  async findCredentials(service: string): Promise<Credential[]> {
    return (await this.#call('find', { service }, 'listing secrets')) as Credential[]
  }

  /** Stops the worker thread (pending calls fail). */
  close(): void {
    this.#abandonWorker(new AppError('vault_unavailable', 'The keychain connection was closed.'))
  }

  #call(op: Op, args: Record<string, string>, what: string): Promise<unknown> {
    const worker = this.#ensureWorker()
    const id = this.#nextId++
    const reply = new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      worker.postMessage({ id, op, ...args })
    })
    return withTimeout(reply, this.#timeoutMs, what, () => {
      this.#pending.delete(id)
      this.#abandonWorker(null)
    })
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath: this.#modulePath } })
    worker.unref() // an idle keychain connection must not keep the process alive
    worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id)
      if (!pending) return
      this.#pending.delete(reply.id)
      if (reply.ok) pending.resolve(reply.value)
      else pending.reject(new AppError('vault_unavailable', `The system keychain refused the request: ${reply.message}`))
    })
    worker.on('error', (error) => {
      if (this.#worker === worker) this.#abandonWorker(new AppError('vault_unavailable', `The keychain worker failed: ${error.message}`))
    })
    this.#worker = worker
    return worker
  }

  /** Drops the current worker; a stuck native call cannot be interrupted, only left behind. */
  #abandonWorker(reason: AppError | null): void {
    const worker = this.#worker
    this.#worker = null
    if (reason) {
      for (const pending of this.#pending.values()) pending.reject(reason)
      this.#pending.clear()
    }
    void worker?.terminate().catch(() => undefined)
  }
}
