// In-memory fuzzy index over saved requests. Targets are prepared once per write (not per search),
// which is what keeps a search over 10,000 requests instant, and only when a search needs them, so
// loading a large library does not pay for searches nobody makes.
import fuzzysort from 'fuzzysort'
import type { SavedRequest, SearchHit } from '../../../shared/library'

interface Indexed {
  request: SavedRequest
  name: Fuzzysort.Prepared
  folder: Fuzzysort.Prepared | undefined
  path: Fuzzysort.Prepared
}

const prepare = (request: SavedRequest): Indexed => ({
  request,
  name: fuzzysort.prepare(request.name),
  folder: request.folder ? fuzzysort.prepare(request.folder) : undefined,
  path: fuzzysort.prepare(`${request.draft.method} ${request.draft.path}`)
})

const FIELDS = ['name', 'folder', 'path'] as const
// A name match is what people mean most often; folder and URL matches rank just below it.
const WEIGHTS = [1, 0.9, 0.8] as const

// Called once per candidate: kept allocation-free.
const weightedScore = (r: Fuzzysort.KeysResult<Indexed>): number =>
  Math.max(r[0]?.score ?? 0, (r[1]?.score ?? 0) * WEIGHTS[1], (r[2]?.score ?? 0) * WEIGHTS[2])

export class SearchIndex {
  /** A request not searched since it was written has no prepared targets yet. */
  private readonly byId = new Map<string, Indexed | SavedRequest>()
  private cache: Indexed[] | null = null

  upsert(request: SavedRequest): void {
    this.byId.set(request.id, request)
    this.cache = null
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.cache = null
  }

  clear(): void {
    this.byId.clear()
    this.cache = null
  }

  private prepared(): Indexed[] {
    const all: Indexed[] = []
    for (const [id, entry] of this.byId) {
      if ('request' in entry) all.push(entry)
      else {
        const indexed = prepare(entry)
        this.byId.set(id, indexed)
        all.push(indexed)
      }
    }
    return all
  }

  search(query: string, limit: number): SearchHit[] {
    const q = query.trim()
    if (!q) return []
    this.cache ??= this.prepared()
    const results = fuzzysort.go(q, this.cache, {
      keys: FIELDS,
      limit,
      threshold: 0.2,
      scoreFn: weightedScore
    })
    return results.map((r) => {
      const scores = FIELDS.map((_, i) => (r[i]?.score ?? 0) * WEIGHTS[i]!)
      const best = scores.indexOf(Math.max(...scores))
      const { request } = r.obj
      return {
        id: request.id,
        name: request.name,
        folder: request.folder,
        sharing: request.sharing,
        method: request.draft.method,
        path: request.draft.path,
        score: r.score,
        field: FIELDS[best] ?? 'name'
      }
    })
  }
}
