// Where an e2e test saves a screenshot: test-results/screenshots/ during `npm test`, so the work
// tree is left as it was; `npm run docs:screenshots` sets TOKEN_DESK_SCREENSHOTS=docs to refresh
// the pictures the README shows, in docs/screenshots/.
import path from 'node:path'

export function screenshotPath(name: string): string {
  const dir = process.env.TOKEN_DESK_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots'
  return path.join(dir, name)
}
