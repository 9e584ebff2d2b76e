import { z } from 'zod'
import { call, NoInput } from './define'

export const VaultInfo = z.object({
  id: z.string(),
  label: z.string(),
  secure: z.boolean(),
  persistent: z.boolean(),
  notice: z.string().nullable()
})
export type VaultInfo = z.infer<typeof VaultInfo>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host runs the services: the Electron main process or the browser-mode Node server. */
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  vault: VaultInfo,
  /** Base URL of the embedded sandbox, when it runs. */
  sandboxUrl: z.string().nullable(),
  /** The sandbox's confidential OAuth client: sandbox-only values, shown so sign-in can be tried at once. */
  sandboxOAuth: z.object({ clientId: z.string(), clientSecret: z.string() }).nullable(),
  /** One-time notices for the user (a corrupt file set aside, ...); the secret store's own is `vault.notice`. */
  notices: z.array(z.string()),
  /** Notices the user dismissed for good (e.g. `vault:memory`), remembered across restarts and reloads. */
  dismissedNotices: z.array(z.string()).default([]),
  /**
   * Linux desktop without a keyring: tokens stay in memory unless the user explicitly accepts
   * Electron's "basic_text" obfuscation. Offered only there.
   */
  weakStorage: z.object({ offered: z.boolean(), enabled: z.boolean() })
})
export type AppInfo = z.infer<typeof AppInfo>

export const appCalls = {
  'app.info': call(NoInput, AppInfo),
  /** Opens an https URL (docs, Developer Hub) through the guarded opener. */
  'app.openExternal': call(z.object({ url: z.string().url().max(2048) }), z.object({ opened: z.boolean() })),
  /** Remembers that the user dismissed a lasting notice (such as the secret store's). */
  'app.dismissNotice': call(z.object({ id: z.string().min(1).max(100) }), z.object({ dismissed: z.array(z.string()) })),
  /** Records the explicit opt-in (or opt-out) for basic_text storage; it applies from the next start. */
  'app.setWeakStorage': call(z.object({ allow: z.boolean() }), z.object({ restartRequired: z.boolean() }))
}
