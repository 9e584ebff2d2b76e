#!/usr/bin/env node
// The `tokendesk` command. `npm install` bundles src/cli to dist/cli (scripts/app/build-cli.mjs) with the
// esbuild that is already installed, so this runs as plain JavaScript: no tsx, no separate build.
import { existsSync } from 'node:fs'
import process from 'node:process'
import { URL } from 'node:url'

const bundle = new URL('../dist/cli/tokendesk.mjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('tokendesk is not built yet: run `npm install` (or `npm run build:cli`) in the Token Desk folder.\n')
  process.exit(1)
}
await import(bundle.href)
