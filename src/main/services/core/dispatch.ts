// Turns the contract's declarations plus one handler per call into a single entry point that both
// transports (Electron IPC and the browser-mode HTTP bridge) use. It validates input and output,
// and converts every failure into the typed error envelope: a bad call never crashes main.
import { ZodError } from 'zod'
import { calls, isCallName, type CallName, type CallOutput, type ParsedInput, type Result } from '../../../shared/contract'
import { AppError, isAppError } from '../../../shared/errors'
import type { Logger } from '../ports'

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => Promise<CallOutput<N>> | CallOutput<N>
}

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>

/** In the user's words: the field and what is wrong with it, never the internal call's name. */
export function describeZodError(error: ZodError): string {
  const text = error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
  return `Please check ${text}.`
}

export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      logger.warn('unknown call', { name: String(name).slice(0, 100) })
      return { ok: false, error: { code: 'invalid_input', message: 'That is not something Token Desk can do (unknown request).' } }
    }
    const spec = calls[name]
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: describeZodError(parsed.error),
          details: { field: parsed.error.issues[0]?.path.join('.') ?? '' }
        }
      }
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      // Output is parsed too: zod strips unknown keys, so a field that was never declared (say, a
      // secret on an internal object) cannot slip through to the renderer.
      return { ok: true, value: spec.output.parse(value) }
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toShape() }
      logger.error(`call ${name} failed`, { error: error instanceof Error ? error.message : String(error) })
      // The call's name is for the log; the user reads what happened in their words.
      const message =
        error instanceof ZodError
          ? 'Token Desk could not read its own answer. The details are in the log.'
          : 'Something went wrong inside Token Desk. The details are in the log.'
      return { ok: false, error: new AppError('internal', message).toShape() }
    }
  }
}
