// Small filesystem helpers shared by the saved-request and history stores.
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/errors'

/** Write to a temp file in the same directory, then rename: readers never see half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.writeFile(tmp, data, { mode, flag: 'wx' })
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw storageError(`could not write ${path.basename(file)}`, e)
  }
}

export function storageError(what: string, cause: unknown): AppError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  return new AppError('storage', code ? `${what} (${code})` : what)
}

export const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'

/** Runs async jobs one at a time, in call order, so read-modify-write sequences never interleave. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job)
    this.tail = next.catch(() => undefined)
    return next
  }
}

/** Turns a zod error into the invalid_input AppError every service uses. */
export function invalidInput(what: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): AppError {
  const first = issues[0]
  const where = first && first.path.length > 0 ? ` (${first.path.map(String).join('.')})` : ''
  return new AppError('invalid_input', `${what}: ${first?.message ?? 'invalid'}${where}`, {
    issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  })
}
