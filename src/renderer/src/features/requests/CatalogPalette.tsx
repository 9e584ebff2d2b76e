// The endpoint catalog (Ctrl/Cmd+P): every operation of the API, searchable and grouped as the
// spec groups them. Picking one loads a draft for it into the composer.
import { useEffect, useMemo, useRef, useState } from 'react'
import { groups, searchOperations, catalog, type CatalogOperation } from '../../../../shared/intercom/catalog'
import { useListCursor } from '../../lib/useListCursor'
import { Dialog } from '../../lib/Dialog'

interface Section {
  title: string
  operations: CatalogOperation[]
}

export function CatalogPalette({ onPick, onClose }: { onPick: (op: CatalogOperation) => void; onClose: () => void }) {
  const [query, setQuery] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)

  // With no query the whole catalog shows, by group; a search shows the best matches first.
  const sections = useMemo<Section[]>(() => {
    if (query.trim() === '') return groups().map((g) => ({ title: g.name, operations: g.operations }))
    return [{ title: 'Best matches', operations: searchOperations(query, catalog.operations.length) }]
  }, [query])
  const flat = useMemo(() => sections.flatMap((s) => s.operations), [sections])

  useEffect(() => input.current?.focus(), [])

  const pick = (i: number) => {
    const op = flat[i]
    if (!op) return
    onClose()
    onPick(op)
  }
  const { index, setIndex, onKeyDown } = useListCursor(flat.length, query, pick)
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [index, flat])

  let position = -1
  return (
    <Dialog title="Endpoint catalog" onClose={onClose} className="palette catalog">
      <input
        ref={input}
        className="palette-input"
        aria-label="Search endpoints"
        role="combobox"
        aria-expanded="true"
        aria-controls="catalog-list"
        aria-activedescendant={flat[index] ? `op-${flat[index].operationId}` : undefined}
        placeholder={`Search ${catalog.operations.length} endpoints: name, path, method…`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="muted catalog-count" role="status">
        {flat.length === catalog.operations.length
          ? `${flat.length} endpoints`
          : `${flat.length} of ${catalog.operations.length} endpoints`}
      </p>
      <ul ref={list} id="catalog-list" role="listbox" aria-label="Endpoints" className="palette-list catalog-list">
        {sections.map((section) => (
          <li key={section.title} role="presentation">
            <div className="catalog-group" role="presentation">
              {section.title}
            </div>
            <ul role="group" aria-label={section.title} className="catalog-ops">
              {section.operations.map((op) => {
                position += 1
                const i = position
                return (
                  <li
                    key={op.operationId}
                    id={`op-${op.operationId}`}
                    role="option"
                    aria-selected={i === index}
                    className={i === index ? 'selected' : ''}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      pick(i)
                    }}
                    onMouseMove={() => i !== index && setIndex(i)}
                  >
                    <span className={`method method-${op.method} catalog-method`}>{op.method}</span>
                    <span className="catalog-main">
                      <span className="catalog-summary">{op.summary}</span>
                      <span className="mono muted">{op.path}</span>
                    </span>
                    <PermissionMark op={op} />
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
        {flat.length === 0 ? <li className="muted">No endpoint matches “{query}”.</li> : null}
      </ul>
    </Dialog>
  )
}

/** Every permission an operation needs, each marked documented or inferred, with its condition if it has one. */
export function PermissionMark({ op }: { op: Pick<CatalogOperation, 'needs'> }) {
  if (op.needs.length === 0) return <span className="perm muted">permission unknown</span>
  return (
    <span className="perm">
      {op.needs.map((need, i) => {
        const documented = need.source === 'documented'
        return (
          <span key={need.permission} title={documented ? `Documented: ${need.basis}` : `Not documented: ${need.basis}`}>
            {i > 0 ? ' and ' : null}
            <code>{need.permission}</code>{' '}
            <span className={documented ? 'ok-text' : 'warn-text'}>{documented ? '✓ documented' : '≈ inferred'}</span>
            {need.condition ? <span className="muted"> ({need.condition.text})</span> : null}
          </span>
        )
      })}
    </span>
  )
}
