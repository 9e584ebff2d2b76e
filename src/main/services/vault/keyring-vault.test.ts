// Runs against a real Secret Service: `bash scripts/test/with-keyring.sh npx vitest run src/main/services/vault`.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { KeyringVault } from './keyring-vault'

const vault = new KeyringVault()
const probe = await vault.probe()
if (!probe.ok) {
  if (process.env.CI === 'true') throw new Error(`CI=true but no Secret Service is reachable: ${probe.reason}`)
  console.warn(
    `[keyring tests skipped] no Secret Service reachable (${probe.reason}); run them with: bash scripts/test/with-keyring.sh npx vitest run src/main/services/vault`
  )
}

describe.runIf(probe.ok)('KeyringVault against a real Secret Service', () => {
  const service = `token-desk-test-${crypto.randomUUID()}`
  afterAll(async () => {
    for (const { account } of await vault.findCredentials(service)) await vault.delete(service, account)
    vault.close()
  })

  it('round-trips a secret, and secret-tool sees the item in the keyring', async () => {
    await vault.set(service, 'ws1:token', 'tok_abc123_secret')
    expect(await vault.get(service, 'ws1:token')).toBe('tok_abc123_secret')
    // secret-tool prints the attributes on stderr and the rest on stdout.
    const search = spawnSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8' })
    const listing = search.stdout + search.stderr
    expect(listing).toContain(`attribute.username = ws1:token`)
    expect(listing).toContain('secret = tok_abc123_secret')
  })

  it('overwrites, finds credentials per service and deletes', async () => {
    await vault.set(service, 'a', 'one')
    await vault.set(service, 'a', 'uno')
    await vault.set(service, 'b', 'two')
    const found = await vault.findCredentials(service)
    expect(found).toEqual(
      expect.arrayContaining([
        { account: 'a', password: 'uno' },
        { account: 'b', password: 'two' }
      ])
    )
    expect(await vault.delete(service, 'a')).toBe(true)
    expect(await vault.delete(service, 'a')).toBe(false)
    expect(await vault.get(service, 'a')).toBeNull()
  })
})
