// `npm run bench`: every benchmark in turn, each printing its own table and writing its JSON to
// test-results/bench/ (bench/results/ with --save). Figures are ratios to baselines measured in the same run.
import { spawnSync } from 'node:child_process'

const BENCHES = [
  'bench/startup.bench.ts',
  'bench/executor.bench.ts',
  'bench/large-response.bench.ts',
  'bench/library.bench.ts',
  'bench/cli.bench.ts',
  'bench/composer.bench.ts'
]
let failed = 0
for (const file of BENCHES) {
  console.log(`\n=== ${file} ===`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
