// electron-store behind the same KeyValueStore (and corrupt-file policy) browser mode uses.
import Store from 'electron-store'
import { JsonFileStore } from '../services/store'
import type { KeyValueStore, Logger } from '../services/ports'

export function electronStoreFactory(options: {
  cwd: string
  logger: Logger
  onNotice: (notice: string) => void
}): (name: string) => KeyValueStore {
  return (name) =>
    new JsonFileStore({
      ...options,
      name,
      // electron-store names its file from `name` (default "config") and overrides conf's
      // `configName`, so pass the name the way it expects: one file per store.
      create: (confOptions) => new Store({ ...confOptions, name: confOptions.configName })
    })
}
