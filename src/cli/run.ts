// Runs one `tokendesk` command line in this process, on its own stdio, and resolves to the exit
// status once the output is out. Used by the bundled entry (index.ts) and by the desktop app when
// started as the launcher's `<Token Desk> --tokendesk-cli -- ARGS…`.
import { main } from './main'

export async function runCommandLine(argv: string[]): Promise<number> {
  const status = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
  // Let piped output drain before leaving (a write's callback runs once what came before it is out).
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
  return status
}
