// "Import from Postman": every request of a collection saved into the library, under the chosen
// folder. Literal credentials found in the collection stay out of every draft and are not kept.
import type { Sharing } from '../../../shared/library'
import type { SavedRequestStore } from '../library/saved-requests'
import { importPostmanCollection } from './postman'

export async function importPostmanIntoLibrary(saved: SavedRequestStore, json: string, sharing: Sharing, folder: string) {
  const imported = importPostmanCollection(json)
  imported.credentialValues.clear()
  let count = 0
  for (const request of imported.requests) {
    const target = [folder, request.folder].filter(Boolean).join('/')
    await saved.save({ name: request.name, folder: target, sharing, draft: request.draft }, { secretsHandled: 'strip' })
    count++
  }
  return { ...imported.report, saved: count }
}
