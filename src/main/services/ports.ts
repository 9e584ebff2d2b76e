// The dependencies services get injected. Electron-backed implementations live in
// src/main/electron/, Node-backed ones (browser mode, tests) in src/main/node/.

/** A small JSON key-value store: electron-store in the desktop app, conf in Node. */
export interface KeyValueStore<T extends Record<string, unknown> = Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K] | undefined
  set<K extends keyof T>(key: K, value: T[K]): void
  delete(key: keyof T): void
}

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Opens a URL in the user's browser, through the one guarded opener. */
export interface Opener {
  openExternal(url: string): Promise<void>
}

/** Logs go through redaction before they reach any sink. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}
