// Under the Headers table: every header Token Desk adds to the rows typed above, from the same
// builder Send and the snippets use, so nothing goes out that the composer did not show.
import type { RequestDraft } from '../../../../shared/model'
import { addedHeaders } from '../../../../shared/request/added-headers'

export function AddedHeaders({ draft, defaultVersion }: { draft: RequestDraft; defaultVersion: string }) {
  const added = addedHeaders(draft, defaultVersion)
  if (added === null) return null
  return (
    <section aria-label="Headers Token Desk adds" className="added-headers">
      <p className="muted">Also sent (a row of the same name replaces one), with Authorization as shown above and Host:</p>
      <ul className="mono">
        {added.map(([name, value]) => (
          <li key={name}>
            {name}: {value}
          </li>
        ))}
      </ul>
    </section>
  )
}
