// The y/N question asked on the controlling terminal (not stdin, which may be a pipe or a file).
import { closeSync, openSync, readSync, writeSync } from 'node:fs'

/** Asks on the terminal; null when the process has no controlling terminal. */
export function askOnTerminal(question: string): boolean | null {
  let input: number
  let output: number
  try {
    if (process.platform === 'win32') {
      input = openSync('\\\\.\\CONIN$', 'r')
      output = openSync('\\\\.\\CONOUT$', 'w')
    } else {
      input = output = openSync('/dev/tty', 'r+')
    }
  } catch {
    return null
  }
  try {
    writeSync(output, `${question} [y/N] `)
    const buffer = Buffer.alloc(256)
    let answer = ''
    for (;;) {
      const n = readSync(input, buffer, 0, buffer.length, null)
      if (n <= 0) break
      answer += buffer.subarray(0, n).toString('utf8')
      if (answer.includes('\n')) break
    }
    return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '')
  } catch {
    return null
  } finally {
    closeSync(input)
    if (output !== input) closeSync(output)
  }
}
