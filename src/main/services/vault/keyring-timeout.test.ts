// A keyring whose D-Bus accepts connections and never answers. Kept in its own file (its own
// process): libdbus shares one session connection per process, so this must not follow a test
// that already talked to a real bus.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { KeyringVault } from './keyring-vault'

describe('KeyringVault with a hung D-Bus', () => {
  let server: net.Server
  let socketPath: string
  const sockets = new Set<net.Socket>()
  const savedAddress = process.env.DBUS_SESSION_BUS_ADDRESS

  beforeAll(async () => {
    socketPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'td-hung-')), 'bus')
    server = net.createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => undefined)
    })
    await new Promise<void>((resolve) => server.listen(socketPath, resolve))
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${socketPath}`
  })
  afterAll(async () => {
    if (savedAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
    else process.env.DBUS_SESSION_BUS_ADDRESS = savedAddress
    for (const socket of sockets) socket.destroy() // lets the abandoned native call fail and its thread exit
    await new Promise((resolve) => server.close(resolve))
    fs.rmSync(path.dirname(socketPath), { recursive: true, force: true })
  })

  it('fails every call with keychain_timeout instead of hanging', async () => {
    const hung = new KeyringVault({ timeoutMs: 300 })
    await expect(hung.get('token-desk', 'x')).rejects.toMatchObject({
      code: 'keychain_timeout',
      message: expect.stringMatching(/did not answer within 300 ms while reading a secret/)
    })
    await expect(hung.set('token-desk', 'x', 'y')).rejects.toMatchObject({ code: 'keychain_timeout' })
    // The call really reached the bus (on a loaded machine the worker may connect after the timeout).
    await vi.waitFor(() => expect(sockets.size).toBeGreaterThanOrEqual(1), { timeout: 10_000 })
    hung.close()
  })

  it('reports the keychain as unusable in the probe', async () => {
    const hung = new KeyringVault({ timeoutMs: 300 })
    const result = await hung.probe({ platform: 'linux' })
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/did not answer/) })
    hung.close()
  })
})
