// The one guarded path to shell.openExternal: https URLs, and loopback URLs of the embedded sandbox.
import { shell } from 'electron'
import type { Opener } from '../services/ports'
import { isAllowedExternalUrl } from '../services/security/policy'
import { AppError } from '../../shared/errors'

export function createGuardedOpener(loopbackOrigins: () => string[]): Opener {
  return {
    async openExternal(url) {
      if (!isAllowedExternalUrl(url, loopbackOrigins())) {
        throw new AppError('invalid_input', 'Token Desk only opens https links (and the embedded sandbox) in your browser.')
      }
      // eslint-disable-next-line no-restricted-properties -- this is the one guarded call
      await shell.openExternal(url)
    }
  }
}
