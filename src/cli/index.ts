// Entry point of the bundled `tokendesk` (see scripts/build-cli.mjs and bin/tokendesk.mjs).
import { main } from './main'

const status = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
// Let piped output drain before leaving; the services are already closed.
process.exitCode = status
for (const stream of [process.stdout, process.stderr]) if (stream.writableLength > 0) await new Promise((r) => stream.once('drain', r))
process.exit(status)
