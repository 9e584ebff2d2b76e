// A large shared collection of saved requests written straight to disk, as a big team's would be:
// eight folders with batches of 500, names and paths that search can tell apart. Used by the
// saved-request search test and the library benchmark, so both measure the same collection.
import { promises as fs } from 'node:fs'
import path from 'node:path'

const FOLDERS = [
  'Contacts',
  'Conversations/Replies',
  'Tickets',
  'Billing/Invoices',
  'Admins',
  'Articles/Help Center',
  'Data Events',
  'Companies'
]
const VERBS = ['List', 'Get', 'Create', 'Update', 'Delete', 'Search', 'Attach', 'Detach']

/** Writes `count` request files under `root`/shared, `batch` at a time. */
export async function writeSavedCollection(root: string, count: number, batch = 250): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, k) => {
        const i = start + k
        const folder = `${FOLDERS[i % FOLDERS.length]!}/Batch ${Math.floor(i / 500)}`
        const dir = path.join(root, 'shared', ...folder.split('/'))
        const file = {
          format: 'token-desk/request@1',
          id: `gen-${i}`,
          name: `${VERBS[i % VERBS.length]!} item ${i}`,
          order: i,
          request: { method: 'GET', path: `/things/${i}` }
        }
        await fs.mkdir(dir, { recursive: true })
        await fs.writeFile(path.join(dir, `item-${i}.json`), JSON.stringify(file))
      })
    )
  }
}
