// A token the user found in a request (typed into a draft, pasted in a curl command) becomes a
// verified workspace in the vault instead of staying in plain text.
import { isAppError } from '../../../shared/errors'
import type { Region } from '../../../shared/model'
import type { SecretWithValue } from '../library/secrets'
import type { WorkspaceRegistry } from './registry'

export interface Vaulted {
  /** The new workspace; null when the token could not be added (see error). */
  id: string | null
  error: string | null
}

/** Puts a token into the vault as a verified workspace; a duplicate means it is already there. */
export async function vaultToken(registry: WorkspaceRegistry, token: string, region: Region, sandbox: boolean): Promise<Vaulted> {
  try {
    return { id: (await registry.addByToken({ token, region, sandbox })).id, error: null }
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict')
      return { id: null, error: 'That token belongs to a workspace that is already in the vault.' }
    return { id: null, error: isAppError(error) ? error.message : 'The token could not be verified.' }
  }
}

/**
 * Which of a draft's secrets goes to the vault, and for which host: the Authorization header's
 * token if there is one, else the first found; a token typed into a request is for the host the
 * request goes to, the active workspace's (so the sandbox's when a sandbox workspace is active).
 */
export function vaultTokenFromDraft(registry: WorkspaceRegistry, found: readonly SecretWithValue[], region: Region): Promise<Vaulted> {
  const token = found.find((f) => f.location === 'header' && /^authorization$/i.test(f.name))?.value ?? found[0]!.value
  const active = registry.active()
  return vaultToken(registry, token, active?.sandbox ? active.region : region, active?.sandbox ?? false)
}
