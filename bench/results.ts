// Where a benchmark writes its JSON: test-results/bench/ by default, so a run leaves the work tree
// as it was; `npm run bench -- --save` records it under bench/results/ to be committed.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function resultsDir(argv: readonly string[] = process.argv): string {
  return argv.includes('--save') ? path.join(root, 'bench', 'results') : path.join(root, 'test-results', 'bench')
}

/** Writes `<name>.json` and returns its path relative to the repository. */
export async function writeResult(name: string, data: unknown): Promise<string> {
  const dir = resultsDir()
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`)
  return path.relative(root, file)
}
