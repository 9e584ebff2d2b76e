// The embedded sandbox's two workspaces: created on first start so the app opens on something that
// works, and repaired when their secret is gone (a memory-only vault after a restart). A sandbox
// that fails while they are made does not stop the app: it says so and tries again.
import { isAppError } from '../../../shared/errors'
import type { Sandbox, SandboxWorkspace } from '../../sandbox'
import type { Logger } from '../ports'
import type { WorkspaceRegistry } from '../workspaces'

const PRESETS: Record<SandboxWorkspace['key'], { name: string; color: string; token: keyof SandboxWorkspace['tokens'] }> = {
  // US holds every permission, EU only the standard ones: switching shows the difference at once.
  us: { name: 'Sandbox US', color: '#2563eb', token: 'extended' },
  eu: { name: 'Sandbox EU', color: '#16a34a', token: 'standard' }
}

/** The token each preset sandbox workspace is created with (the same on every start: the sandbox is seeded). */
export function presetToken(ws: SandboxWorkspace): string {
  return ws.tokens[PRESETS[ws.key].token]
}

/** True for a token the running embedded sandbox issued (its seeded standard, extended and revoked tokens). */
export function isEmbeddedSandboxToken(sandbox: Sandbox | null, token: string): boolean {
  return !!sandbox?.workspaces.some((ws) => Object.values(ws.tokens).includes(token))
}

/** True for the running embedded sandbox's own (retired-style) app_id:api_key pair. */
export function isEmbeddedSandboxLegacyPair(sandbox: Sandbox | null, appId: string, apiKey: string): boolean {
  return !!sandbox?.workspaces.some((ws) => ws.legacyKey.appId === appId && ws.legacyKey.apiKey === apiKey)
}

/** What one attempt could not do, per workspace: create it, or put its lost token back. */
export interface SeedFailures {
  create: string[]
  restore: string[]
}

/** Creates the missing preset workspaces (when seeding) and restores lost secrets; returns what failed. */
export async function ensureSandboxWorkspaces(
  registry: WorkspaceRegistry,
  sandbox: Sandbox,
  seedIfEmpty: boolean,
  logger: Logger
): Promise<SeedFailures> {
  const failures: string[] = []
  const restoreFailures: string[] = []
  const existing = registry.list().filter((w) => w.sandbox)
  for (const ws of sandbox.workspaces) {
    const preset = PRESETS[ws.key]
    const token = presetToken(ws)
    const found = existing.find((w) => w.appIdCode === ws.appIdCode)
    if (found) {
      // The sandbox's tokens are deterministic, so a lost secret can be put back.
      const healthy = await registry.credentialFor(found.id).then(
        () => true,
        () => false
      )
      if (!healthy)
        await registry.rotate(found.id, token).catch((error: unknown) => {
          logger.warn('could not restore a sandbox token', { error: String(error) })
          // Tried again with the rest, so a sandbox that fails now does not leave the workspace without its token.
          restoreFailures.push(`${found.name}: ${isAppError(error) ? error.message : String(error)}`)
        })
      continue
    }
    if (!seedIfEmpty) continue
    try {
      await registry.addByToken({ token, region: ws.region, name: preset.name, color: preset.color, sandbox: true })
    } catch (error) {
      failures.push(`${preset.name}: ${isAppError(error) ? error.message : String(error)}`)
    }
  }
  if (!registry.active() && registry.list()[0]) registry.setActive(registry.list()[0]!.id)
  return { create: failures, restore: restoreFailures }
}

/**
 * Seeds the sandbox workspaces once per data folder. When the sandbox fails (it can be started with
 * every request failing), the app starts anyway, `notice()` says what failed, and seeding is retried
 * with a growing pause until it works or the app stops.
 */
export class SandboxSeeder {
  #failures: SeedFailures = { create: [], restore: [] }
  #timer: NodeJS.Timeout | null = null
  #stopped = false

  constructor(
    private readonly run: () => Promise<SeedFailures>,
    private readonly onSeeded: () => void,
    private readonly retryMs = { first: 2_000, max: 30_000 }
  ) {}

  async start(): Promise<void> {
    await this.#attempt(this.retryMs.first)
  }

  notice(): string | null {
    const { create, restore } = this.#failures
    const lines = [
      create.length ? `The sandbox workspaces could not be created yet (${create.join('; ')}).` : '',
      restore.length ? `The sandbox workspaces' tokens could not be put back yet (${restore.join('; ')}).` : ''
    ].filter(Boolean)
    return lines.length ? `${lines.join(' ')} Token Desk keeps trying in the background.` : null
  }

  stop(): void {
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
  }

  async #attempt(nextDelay: number): Promise<void> {
    this.#failures = await this.run().catch((error: unknown) => ({ create: [String(error)], restore: [] }))
    if (this.#failures.create.length + this.#failures.restore.length === 0) return this.onSeeded()
    if (this.#stopped) return
    this.#timer = setTimeout(() => void this.#attempt(Math.min(nextDelay * 2, this.retryMs.max)), nextDelay)
    this.#timer.unref()
  }
}
