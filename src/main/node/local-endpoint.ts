// The command line's door into a running Token Desk, and the one-writer rule for a data folder.
//
// Whoever writes a data folder (the desktop app, browser mode, or a `tokendesk` command running the
// services itself) first creates `writer.lock` in it, exclusively. The holder serves the contract
// on a local endpoint: a Unix socket (mode 0600, inside the 0700 data folder) or, on Windows, a
// named pipe. Its address and a per-run secret are written into the lock file (mode 0600); a client
// must send that secret first, so only someone who can read the data folder (the same OS user) gets
// in, on Windows too, where Node cannot put a user-only ACL on a pipe. Frames are JSON lines:
// `{ id, name, input }` in, `{ id, result }` out, through the same dispatch as IPC and HTTP.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import type { Result } from '../../shared/contract'
import type { Dispatch } from '../services/core/dispatch'

export const LOCK_FILE = 'writer.lock'

export type WriterKind = 'app' | 'cli'

export interface LockInfo {
  pid: number
  kind: WriterKind
  /** Socket path or pipe name; null until the holder is listening. */
  endpoint: string | null
  secret: string | null
}

export interface WriterLock {
  readonly file: string
  readonly userData: string
  readonly kind: WriterKind
  /** Records where the holder listens. */
  publish(endpoint: string, secret: string): void
  release(): void
}

const lockPath = (userData: string) => path.join(userData, LOCK_FILE)

export function readLock(userData: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(userData), 'utf8')) as LockInfo
    return typeof info.pid === 'number' ? info : null
  } catch {
    return null
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the writer lock now, or returns null when a live process holds it. A dead holder's lock is taken over. */
export function tryAcquireWriter(userData: string, kind: WriterKind): WriterLock | null {
  mkdirSync(userData, { recursive: true, mode: 0o700 })
  const file = lockPath(userData)
  const write = (info: LockInfo, flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify(info), { flag, mode: 0o600 })
  const mine: LockInfo = { pid: process.pid, kind, endpoint: null, secret: null }
  try {
    write(mine, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = readLock(userData)
    if (holder && isAlive(holder.pid)) return null
    // A crashed holder (or a half-written lock): take it over through a rename, so two takers
    // cannot both win. The loser's `wx` below fails and it waits like everyone else.
    const stale = `${file}.stale-${process.pid}`
    try {
      renameSync(file, stale)
      rmSync(stale, { force: true })
      write(mine, 'wx')
    } catch {
      return null
    }
  }
  let info = mine
  let released = false
  const onExit = () => lock.release()
  const lock: WriterLock = {
    file,
    userData,
    kind,
    publish(endpoint, secret) {
      info = { ...info, endpoint, secret }
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify(info), { mode: 0o600 })
      renameSync(temp, file)
    },
    release() {
      if (released) return
      released = true
      process.off('exit', onExit)
      if (readLock(userData)?.pid === process.pid) rmSync(file, { force: true })
    }
  }
  process.on('exit', onExit)
  return lock
}

/** Waits (polling) until the lock is free; `onWait` is told once who holds it. */
export async function acquireWriter(
  userData: string,
  kind: WriterKind,
  options: { timeoutMs?: number; onWait?: (holder: LockInfo) => void } = {}
): Promise<WriterLock> {
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000)
  let told = false
  for (;;) {
    const lock = tryAcquireWriter(userData, kind)
    if (lock) return lock
    const holder = readLock(userData)
    if (holder && !told) {
      told = true
      options.onWait?.(holder)
    }
    if (Date.now() > deadline) throw new Error(`The data folder ${userData} stayed in use by process ${holder?.pid ?? '?'}.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Where the endpoint lives: in the data folder, or (Unix paths being short) a private temp folder. */
export function endpointAddress(userData: string): string {
  const hash = createHash('sha256').update(path.resolve(userData)).digest('hex').slice(0, 16)
  if (process.platform === 'win32') return `\\\\.\\pipe\\token-desk-${hash}`
  const inFolder = path.join(userData, 'tokendesk.sock')
  // sun_path holds 104 to 108 bytes depending on the system.
  if (Buffer.byteLength(inFolder) < 100) return inFolder
  const dir = path.join(os.tmpdir(), `token-desk-${process.getuid?.() ?? 'user'}-${hash}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  return path.join(dir, 'tokendesk.sock')
}

export interface LocalEndpoint {
  address: string
  /**
   * Stops taking connections. `drain`: let the connected commands finish first (a command that
   * serves the folder itself must not cut off one that is talking to it); otherwise cut them off.
   */
  close(options?: { drain?: boolean }): Promise<void>
}

/** Serves `dispatch` on the local endpoint for the lock's data folder and publishes it in the lock. */
export async function serveLocalEndpoint(lock: WriterLock, dispatch: Dispatch): Promise<LocalEndpoint> {
  const address = endpointAddress(lock.userData)
  const secret = randomBytes(24).toString('base64url')
  // We hold the lock, so a socket file left here belongs to a holder that is gone.
  if (process.platform !== 'win32') rmSync(address, { force: true })
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    let authenticated = false
    const lines = readline.createInterface({ input: socket, crlfDelay: Infinity })
    lines.on('error', () => socket.destroy())
    lines.on('line', (line) => {
      let frame: { secret?: unknown; id?: unknown; name?: unknown; input?: unknown }
      try {
        frame = JSON.parse(line) as typeof frame
      } catch {
        return socket.destroy()
      }
      if (!authenticated) {
        if (typeof frame.secret !== 'string' || !sameSecret(frame.secret, secret)) return socket.destroy()
        authenticated = true
        return void socket.write(JSON.stringify({ ready: true }) + '\n')
      }
      if (typeof frame.name !== 'string') return socket.destroy()
      void dispatch(frame.name, frame.input).then((result) => {
        if (!socket.destroyed) socket.write(JSON.stringify({ id: frame.id, result }) + '\n')
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(address, () => resolve())
  })
  if (process.platform !== 'win32') chmodSync(address, 0o600)
  lock.publish(address, secret)
  return {
    address,
    close: ({ drain = false } = {}) =>
      new Promise<void>((resolve) => {
        if (!drain) for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export interface EndpointClient {
  call(name: string, input: unknown): Promise<Result<unknown>>
  close(): void
}

/** Connects to the writer of `userData`, if one is listening; null when none is (yet). */
export async function connectLocalEndpoint(userData: string): Promise<EndpointClient | null> {
  const info = readLock(userData)
  if (!info?.endpoint || !info.secret || !isAlive(info.pid)) return null
  const socket = await new Promise<net.Socket | null>((resolve) => {
    const s = net.connect(info.endpoint!)
    s.once('connect', () => resolve(s))
    s.once('error', () => resolve(null))
  })
  if (!socket) return null
  const pending = new Map<number, (result: Result<unknown>) => void>()
  let ready: (ok: boolean) => void = () => undefined
  const handshake = new Promise<boolean>((resolve) => (ready = resolve))
  const lines = readline.createInterface({ input: socket, crlfDelay: Infinity })
  lines.on('error', () => undefined) // the socket's own 'error' and 'close' handlers report it
  lines.on('line', (line) => {
    const frame = JSON.parse(line) as { ready?: boolean; id?: number; result?: Result<unknown> }
    if (frame.ready) return ready(true)
    const resolve = pending.get(frame.id ?? -1)
    pending.delete(frame.id ?? -1)
    resolve?.(frame.result!)
  })
  const gone = () => {
    ready(false)
    for (const resolve of pending.values())
      resolve({ ok: false, error: { code: 'network', message: 'Token Desk closed the connection (did it quit?).' } })
    pending.clear()
  }
  socket.on('close', gone)
  socket.on('error', gone)
  socket.write(JSON.stringify({ secret: info.secret }) + '\n')
  if (!(await handshake)) return null
  let next = 1
  return {
    call(name, input) {
      const id = next++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        socket.write(JSON.stringify({ id, name, input }) + '\n')
      })
    },
    close: () => socket.end()
  }
}
