// Entry point of the bundled `tokendesk` (see scripts/app/build-cli.mjs and bin/tokendesk.mjs).
import { main } from './main'

const status = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
// Let piped output drain before leaving (a write's callback runs once what came before it is out).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
process.exit(status)
