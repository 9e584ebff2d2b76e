// Saving a request that holds a secret: refused (saved requests never keep one) unless the user
// chose to strip it, or to move the token into the vault first.
import { AppError } from '../../../shared/errors'
import type { SavedRequest } from '../../../shared/library'
import type { Region, RequestDraft } from '../../../shared/model'
import { vaultTokenFromDraft, type Vaulted } from '../workspaces/vault-token'
import type { WorkspaceRegistry } from '../workspaces'
import type { SavedRequestStore, SaveRequestInput } from './saved-requests'
import { findSecretValues } from './secrets'

export type SecretsChoice = 'refuse' | 'strip' | 'vault'

export async function saveWithSecrets(
  saved: SavedRequestStore,
  registry: WorkspaceRegistry,
  input: Omit<SaveRequestInput, 'draft'> & { draft: RequestDraft },
  secrets: SecretsChoice,
  region: Region
): Promise<{ saved: SavedRequest; vaultedWorkspaceId: string | null; vaultError: string | null }> {
  const found = findSecretValues(input.draft)
  if (found.length > 0 && secrets === 'refuse') {
    throw new AppError(
      'invalid_input',
      'This request holds a credential; saved requests never keep secrets. Move it into the vault or remove it.',
      { findings: found.map(({ location, name, preview }) => ({ location, name, preview })) }
    )
  }
  const vaulted: Vaulted =
    found.length > 0 && secrets === 'vault' ? await vaultTokenFromDraft(registry, found, region) : { id: null, error: null }
  const result = await saved.save(input, found.length > 0 ? { secretsHandled: 'strip' } : {})
  return { saved: result, vaultedWorkspaceId: vaulted.id, vaultError: vaulted.error }
}
