import fs from 'node:fs'
import path from 'node:path'
import Conf, { type Options } from 'conf'
import { AppError } from '../../../shared/errors'
import type { Clock, KeyValueStore, Logger } from '../ports'
import { systemClock } from '../ports'
import { shapeProblem } from './store-shapes'

/** The subset of conf (and electron-store, which extends it) that the store wraps. */
export interface ConfLike {
  readonly path: string
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

export interface JsonFileStoreOptions {
  /** Folder holding the file (electron's userData, a browser-mode data folder, a temp dir in tests). */
  cwd: string
  /** File name without extension. */
  name: string
  logger?: Logger
  clock?: Clock
  /** Called once per file set aside, with a message for the user. */
  onNotice?: (notice: string) => void
  /** Builds the underlying store; electron-store's constructor fits. Defaults to conf. */
  create?: (options: Options<Record<string, unknown>>) => ConfLike
}

/**
 * Options shared by conf and electron-store. Dot-notation is off so keys are taken literally, the
 * file is owner-only, and a file that is not a JSON object, or not of the shape the store `name`
 * holds (store-shapes.ts), counts as corrupt.
 */
export function jsonStoreOptions(cwd: string, name: string): Options<Record<string, unknown>> {
  return {
    cwd,
    configName: name,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    configFileMode: 0o600,
    deserialize: (text) => {
      const value: unknown = JSON.parse(text)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('the top level is not a JSON object')
      const problem = shapeProblem(name, value)
      if (problem) throw new SyntaxError(problem)
      return value as Record<string, unknown>
    }
  }
}

/**
 * A KeyValueStore on a JSON file. Writes are atomic (conf writes a temp file and renames it). A
 * corrupt or unreadable file is never silently reset: it is renamed to
 * `<name>.corrupt-<timestamp>.json` next to it, reported, and the store starts empty.
 */
export class JsonFileStore implements KeyValueStore {
  readonly #options: Required<Pick<JsonFileStoreOptions, 'cwd' | 'name' | 'clock'>> & JsonFileStoreOptions
  #conf: ConfLike
  /** Notices produced so far (files set aside), for callers that read instead of subscribing. */
  readonly notices: string[] = []

  constructor(options: JsonFileStoreOptions) {
    this.#options = { clock: systemClock, ...options }
    this.#conf = this.#open()
  }

  get path(): string {
    return this.#conf.path
  }

  get(key: string): unknown {
    return this.#guard(() => this.#conf.get(key))
  }

  set(key: string, value: unknown): void {
    this.#guard(() => this.#conf.set(key, value))
  }

  delete(key: string): void {
    this.#guard(() => this.#conf.delete(key))
  }

  #open(): ConfLike {
    const create = this.#options.create ?? ((options) => new Conf(options) as unknown as ConfLike)
    const options = jsonStoreOptions(this.#options.cwd, this.#options.name)
    try {
      return create(options)
    } catch (error) {
      if (!isReadFailure(error))
        throw new AppError('storage', `The settings folder ${this.#options.cwd} cannot be used: ${describe(error)}`)
      this.#setAside(path.join(this.#options.cwd, `${this.#options.name}.json`), error)
      try {
        return create(options)
      } catch (again) {
        throw new AppError('storage', `The settings file in ${this.#options.cwd} cannot be opened: ${describe(again)}`)
      }
    }
  }

  /** conf reads the file on every access, so corruption can also appear while running. */
  #guard<T>(operation: () => T): T {
    try {
      return operation()
    } catch (error) {
      if (!isReadFailure(error)) throw error
      this.#setAside(this.#conf.path, error)
      return operation()
    }
  }

  #setAside(file: string, cause: unknown): void {
    const stamp = new Date(this.#options.clock.now()).toISOString().replace(/[:.]/g, '-')
    const backup = file.replace(/\.json$/, '') + `.corrupt-${stamp}.json`
    try {
      fs.renameSync(file, backup)
    } catch (error) {
      throw new AppError(
        'storage',
        `The settings file ${file} is unreadable (${describe(cause)}) and could not be moved aside: ${describe(error)}`
      )
    }
    const notice = `Token Desk's data file ${path.basename(file)} could not be read (${describe(cause)}). It was kept as ${path.basename(backup)} and a new, empty one was started.`
    this.notices.push(notice)
    this.#options.logger?.warn('settings file set aside', { file, backup })
    this.#options.onNotice?.(notice)
  }
}

function isReadFailure(error: unknown): boolean {
  if (error instanceof SyntaxError) return true
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EISDIR' || code === 'EACCES' || code === 'EPERM'
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
