// Bundles the `tokendesk` command line to plain JavaScript in dist/cli, with the esbuild that
// electron-vite already brings. Runs as `prepare`, so `npm install` and `npm ci` leave a working
// `tokendesk` behind (bin/tokendesk.mjs loads the bundle). npm packages stay external: they are in
// node_modules, and the keychain module is native.
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

await build({
  absWorkingDir: root,
  entryPoints: {
    tokendesk: 'src/cli/index.ts',
    // Formats large response bodies in a worker thread, as the app does.
    'document-worker': 'src/main/services/responses/document-worker.ts'
  },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // The in-process services load only when no app answers: a separate chunk.
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS helpers may call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);" }
})
