// One error type crosses every boundary (IPC, HTTP bridge, services): a stable code the UI can
// branch on, and a message a person can read. Never put a secret in either.
import { z } from 'zod'

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden_sender',
  'unauthorized',
  'intercom_error',
  'network',
  'timeout',
  'cancelled',
  'too_large',
  'vault_unavailable',
  'keychain_timeout',
  'oauth',
  'busy',
  'storage',
  'internal',
  /** Lending a workspace to the command line is not allowed (yet). */
  'not_allowed'
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Optional structured detail, e.g. the field that failed validation. */
  details: z.record(z.string(), z.unknown()).optional()
})
export type AppErrorShape = z.infer<typeof AppErrorShape>

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
