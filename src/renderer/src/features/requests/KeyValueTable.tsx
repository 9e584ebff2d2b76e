// An editable table of name/value rows with an enabled toggle: the composer's query and headers.
import type { KeyValue } from '../../../../shared/model'

export function KeyValueTable({ label, rows, onChange }: { label: string; rows: KeyValue[]; onChange: (rows: KeyValue[]) => void }) {
  const edit = (i: number, change: Partial<KeyValue>) => onChange(rows.map((row, k) => (k === i ? { ...row, ...change } : row)))
  return (
    <div className="kv">
      <table className="kv-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Send ${label.toLowerCase()} ${row.name || i + 1}`}
                  checked={row.enabled}
                  onChange={(e) => edit(i, { enabled: e.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={`${label} ${i + 1} name`}
                  value={row.name}
                  onChange={(e) => edit(i, { name: e.target.value })}
                  spellCheck={false}
                />
              </td>
              <td>
                <input
                  aria-label={`${label} ${row.name || i + 1} value`}
                  value={row.value}
                  onChange={(e) => edit(i, { value: e.target.value })}
                  spellCheck={false}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${label.toLowerCase()} ${row.name || i + 1}`}
                  onClick={() => onChange(rows.filter((_, k) => k !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...rows, { name: '', value: '', enabled: true }])}>
        Add {label.toLowerCase()}
      </button>
    </div>
  )
}
