// Node-backed dependencies for browser mode (and the e2e suite): JSON files for metadata, the OS
// keychain for secrets. The page opens links itself, and copies with the browser's clipboard.
import { mkdirSync } from 'node:fs'
import os from 'node:os'
import { spawnDocumentWorkerFromSource } from './document-worker'
import type { AppDeps } from '../services/app'
import type { KeyValueStore, Logger, Opener } from '../services/ports'
import { JsonFileStore } from '../services/store'
import { createVault } from '../services/vault'

// Imported (not read at run time) so the bundled command line, which lives elsewhere, has it too.
import packageJson from '../../../package.json'

const { version } = packageJson

/** Browser mode cannot open the OS browser from the server: the page opens a new tab instead. */
const pageOpensLinks: Opener = { openExternal: async () => undefined }

export async function createNodeDependencies(options: { userData: string; logger: Logger }): Promise<Omit<AppDeps, 'host'>> {
  mkdirSync(options.userData, { recursive: true, mode: 0o700 })
  const notices: string[] = []
  const createStore = (name: string): KeyValueStore =>
    new JsonFileStore({ cwd: options.userData, name, logger: options.logger, onNotice: (notice) => notices.push(notice) })
  const vault = await createVault({ mode: 'node', logger: options.logger })
  return {
    version,
    platform: `${os.platform()} (browser mode)`,
    userData: options.userData,
    createStore,
    vault,
    opener: pageOpensLinks,
    clipboard: null,
    logger: options.logger,
    spawnDocumentWorker: spawnDocumentWorkerFromSource,
    notices
  }
}
