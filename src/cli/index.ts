// Entry point of the bundled `tokendesk` (see scripts/app/build-cli.mjs and bin/tokendesk.mjs).
import { runCommandLine } from './run'

process.exit(await runCommandLine(process.argv.slice(2)))
