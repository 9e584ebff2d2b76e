// A self-signed certificate for https://localhost:<port>/callback (Intercom wants HTTPS redirect
// URLs). Made locally; cached in the vault so its key never lands on disk in plaintext.
import { X509Certificate } from 'node:crypto'
import { generate } from 'selfsigned'
import { z } from 'zod'
import { systemClock, type Clock } from '../ports'
import { VAULT_SERVICE, type SecretVault } from '../vault/types'

const ACCOUNT = 'loopback-tls'
const Cached = z.object({ cert: z.string(), key: z.string() })
const DAY = 24 * 60 * 60 * 1000

export async function loopbackCertificate(vault: SecretVault | null, clock: Clock = systemClock): Promise<{ cert: string; key: string }> {
  const cached = vault ? await vault.get(VAULT_SERVICE, ACCOUNT).catch(() => null) : null
  if (cached) {
    const parsed = Cached.safeParse(safeJson(cached))
    if (parsed.success && new Date(new X509Certificate(parsed.data.cert).validTo).getTime() > clock.now() + DAY) return parsed.data
  }
  const notBeforeDate = new Date(clock.now() - DAY)
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(clock.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' }
        ]
      }
    ]
  })
  const fresh = { cert: pems.cert, key: pems.private }
  // Caching is an optimisation: if the vault refuses, a new certificate is made next time.
  await vault?.set(VAULT_SERVICE, ACCOUNT, JSON.stringify(fresh)).catch(() => undefined)
  return fresh
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
