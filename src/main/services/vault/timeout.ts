import { AppError } from '../../../shared/errors'

/**
 * Settles with `work`, or rejects with `keychain_timeout` after `ms`. `onTimeout` lets a backend
 * abandon whatever is stuck (the keyring kills its worker thread).
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.()
      reject(
        new AppError(
          'keychain_timeout',
          `The secret store did not answer within ${formatSeconds(ms)} while ${what}. ` +
            'It may be locked, waiting for a password prompt, or hung; unlock it (or restart it) and try again.'
        )
      )
    }, ms)
  })
  return Promise.race([work, expired]).finally(() => clearTimeout(timer))
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`
}
