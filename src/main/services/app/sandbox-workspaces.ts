// The embedded sandbox's two workspaces: created on first start so the app opens on something that
// works, and repaired when their secret is gone (a memory-only vault after a restart).
import type { Sandbox, SandboxWorkspace } from '../../sandbox'
import type { Logger } from '../ports'
import type { WorkspaceRegistry } from '../workspaces'

const PRESETS: Record<SandboxWorkspace['key'], { name: string; color: string; token: keyof SandboxWorkspace['tokens'] }> = {
  // US holds every permission, EU only the standard ones: switching shows the difference at once.
  us: { name: 'Sandbox US', color: '#2563eb', token: 'extended' },
  eu: { name: 'Sandbox EU', color: '#16a34a', token: 'standard' }
}

export async function ensureSandboxWorkspaces(
  registry: WorkspaceRegistry,
  sandbox: Sandbox,
  seedIfEmpty: boolean,
  logger: Logger
): Promise<void> {
  const existing = registry.list().filter((w) => w.sandbox)
  for (const ws of sandbox.workspaces) {
    const preset = PRESETS[ws.key]
    const token = ws.tokens[preset.token]
    const found = existing.find((w) => w.appIdCode === ws.appIdCode)
    if (found) {
      // The sandbox's tokens are deterministic, so a lost secret can be put back.
      const healthy = await registry.credentialFor(found.id).then(
        () => true,
        () => false
      )
      if (!healthy)
        await registry.rotate(found.id, token).catch((e: unknown) => logger.warn('could not restore a sandbox token', { error: String(e) }))
      continue
    }
    if (!seedIfEmpty) continue
    await registry.addByToken({ token, region: ws.region, name: preset.name, color: preset.color, sandbox: true })
  }
  if (!registry.active() && registry.list()[0]) registry.setActive(registry.list()[0]!.id)
}
