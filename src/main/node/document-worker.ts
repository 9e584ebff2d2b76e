// Browser mode and the tests run main from source, so the document worker thread is a .ts file.
// Node 20 does not carry a parent's `--import tsx` loader into worker threads, so the thread
// imports it through tsx's own API (tsx is a dev dependency, like everything browser mode runs on).
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const entry = new URL('../services/responses/document-worker.ts', import.meta.url).href

/** The ESM build of `tsx/esm/api`, as its package's exports map names it. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href
}

// Built on first use: the bundled command line imports this module but never runs tsx.
const bootstrap = () =>
  `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`

export const spawnDocumentWorkerFromSource = (): Worker => new Worker(bootstrap(), { eval: true })
