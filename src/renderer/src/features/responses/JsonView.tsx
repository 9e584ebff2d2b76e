// The pretty view: a virtualised JSON tree whose lines, collapse state and search live in the
// worker. Select a line to copy its value or JSON path.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { DocumentClient } from '../../../../shared/json-document/protocol'
import type { LineView } from '../../../../shared/json-document/lines'
import { PartNav, ROW_HEIGHT, useWindowedRows } from './useWindowedRows'
import { markResponseReady } from './useBodyDocument'
import { copyText } from '../../lib/clipboard'
import { errorMessage } from '../../api/client'

export function JsonView({ client, initialLines }: { client: DocumentClient; initialLines: number }) {
  const [total, setTotal] = useState(initialLines)
  const [revision, setRevision] = useState(0)
  const [selected, setSelected] = useState<{ line: number; path: string } | null>(null)
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState<{ query: string; count: number; current: number; line: number } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)

  const load = useCallback((from: number, to: number) => client.ask({ type: 'lines', from, to }).then((r) => r.rows), [client])
  const { virtualizer, rowAt, shown, base, setBase, scrollToRow } = useWindowedRows<LineView>(scrollRef, total, revision, load)
  useEffect(() => {
    if (shown) markResponseReady(true)
  }, [shown])

  const changed = useCallback((newTotal: number) => {
    setTotal(newTotal)
    setRevision((r) => r + 1)
  }, [])

  const toggle = (line: number) => void client.ask({ type: 'toggle', line }).then((r) => changed(r.total))
  const all = (type: 'collapseAll' | 'expandAll') => void client.ask({ type }).then((r) => changed(r.total))

  const select = (line: number) => void client.ask({ type: 'copy', line, what: 'path' }).then((r) => setSelected({ line, path: r.text }))

  const copy = async (what: 'value' | 'path') => {
    if (!selected) return
    try {
      const { text } = await client.ask({ type: 'copy', line: selected.line, what })
      await copyText(text)
      setMessage(what === 'path' ? `Copied ${text}` : 'Copied the value.')
    } catch (e) {
      setMessage(`Could not copy: ${errorMessage(e)}`)
    }
  }

  const goTo = useCallback(
    async (n: number, q: string, count: number) => {
      const found = await client.ask({ type: 'reveal', match: n })
      if (found.index < 0) return
      changed(found.total)
      setSearch({ query: q, count, current: n, line: found.line })
      scrollToRow(found.index, 'center')
    },
    [client, changed, scrollToRow]
  )

  // Searching runs in the worker; a short pause keeps it from running on every keystroke.
  useEffect(() => {
    const q = query.trim()
    const timer = setTimeout(() => {
      void client.ask({ type: 'search', query: q }).then(({ count }) => {
        setSearch(q === '' ? null : { query: q, count, current: -1, line: -1 })
        if (count > 0) void goTo(0, q, count)
      })
    }, 200)
    return () => clearTimeout(timer)
  }, [query, client, goTo])

  const step = (delta: number) => {
    if (!search || search.count === 0) return
    void goTo((search.current + delta + search.count) % search.count, search.query, search.count)
  }

  const onTreeKey = (event: KeyboardEvent) => {
    const items = virtualizer.getVirtualItems()
    const index = selected ? items.find((i) => rowAt(i.index)?.line === selected.line)?.index : undefined
    const row = index === undefined ? undefined : rowAt(index)
    let next: number | undefined
    if (event.key === 'ArrowDown') next = index === undefined ? items[0]?.index : Math.min(index + 1, virtualizer.options.count - 1)
    else if (event.key === 'ArrowUp') next = index === undefined ? items[0]?.index : Math.max(index - 1, 0)
    else if (
      row?.kind === 'open' &&
      (event.key === 'Enter' || (event.key === 'ArrowLeft' && !row.collapsed) || (event.key === 'ArrowRight' && row.collapsed))
    )
      toggle(row.line)
    else return
    event.preventDefault()
    if (next === undefined) return
    virtualizer.scrollToIndex(next)
    const target = rowAt(next)
    if (target) select(target.line)
  }

  const items = virtualizer.getVirtualItems()
  return (
    <div className="json-view">
      <div className="viewer-toolbar" role="toolbar" aria-label="Pretty view tools">
        <button type="button" onClick={() => all('expandAll')}>
          Expand all
        </button>
        <button type="button" onClick={() => all('collapseAll')}>
          Collapse all
        </button>
        <input
          type="search"
          aria-label="Search the response"
          placeholder="Search keys and values"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            step(e.shiftKey ? -1 : 1)
          }}
        />
        <span role="status" className="muted search-count">
          {search ? (search.count === 0 ? 'No matches' : `${search.current + 1} of ${search.count}`) : ''}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={!search?.count}>
          Previous match
        </button>
        <button type="button" onClick={() => step(1)} disabled={!search?.count}>
          Next match
        </button>
        <span className="spacer" />
        <code className="selected-path" aria-label="Selected JSON path">
          {selected?.path ?? ''}
        </code>
        <button type="button" onClick={() => void copy('value')} disabled={!selected}>
          Copy value
        </button>
        <button type="button" onClick={() => void copy('path')} disabled={!selected}>
          Copy JSON path
        </button>
      </div>
      {message ? (
        <p role="status" className="muted copy-status">
          {message}
        </p>
      ) : null}
      <PartNav base={base} total={total} onChange={setBase} />
      <div ref={scrollRef} className="lines-scroll" role="tree" aria-label="Response body" tabIndex={0} onKeyDown={onTreeKey}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index)
            return (
              <div key={item.key} className="line-slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                {row ? (
                  <Line
                    row={row}
                    query={search?.query ?? ''}
                    current={search?.line === row.line}
                    selected={selected?.line === row.line}
                    onToggle={() => toggle(row.line)}
                    onSelect={() => select(row.line)}
                  />
                ) : null}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

function Line({
  row,
  query,
  current,
  selected,
  onToggle,
  onSelect
}: {
  row: LineView
  query: string
  current: boolean
  selected: boolean
  onToggle: () => void
  onSelect: () => void
}) {
  const isOpen = row.kind === 'open'
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={isOpen ? !row.collapsed : undefined}
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      className={`line${selected ? ' selected' : ''}${current ? ' current' : ''}`}
      style={{ paddingLeft: row.depth * 16 + 4 }}
      onClick={onSelect}
    >
      {isOpen ? (
        <button
          type="button"
          tabIndex={-1}
          className="toggle"
          aria-label={`${row.collapsed ? 'Expand' : 'Collapse'} ${row.key ?? 'root'}`}
          onClick={(e) => {
            e.stopPropagation()
            onToggle()
          }}
        >
          {row.collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="toggle-space" />
      )}
      {row.key !== null ? (
        <>
          {row.inArray ? (
            <span className="json-index">{row.key}</span>
          ) : (
            <span className="json-key">{highlight(JSON.stringify(row.key), query)}</span>
          )}
          <span className="json-punct">: </span>
        </>
      ) : null}
      <span className={`json-${row.kind === 'scalar' ? row.type : 'punct'}`}>{highlight(row.text, query)}</span>
      {row.collapsed ? (
        <>
          <span className="json-punct">…{row.type === 'array' ? ']' : '}'}</span>
          <span className="muted">
            {' '}
            {row.size} {row.type === 'array' ? (row.size === 1 ? 'item' : 'items') : row.size === 1 ? 'key' : 'keys'}
          </span>
        </>
      ) : null}
      {row.comma ? <span className="json-punct">,</span> : null}
      {row.truncated > 0 ? (
        <span className="muted"> ({row.truncated.toLocaleString()} more characters; copy the value to see it all)</span>
      ) : null}
    </div>
  )
}

function highlight(text: string, query: string): ReactNode {
  if (query === '') return text
  const lower = text.toLowerCase()
  const q = query.toLowerCase()
  const parts: ReactNode[] = []
  let at = 0
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    parts.push(text.slice(at, i), <mark key={i}>{text.slice(i, i + q.length)}</mark>)
    at = i + q.length
  }
  if (parts.length === 0) return text
  parts.push(text.slice(at))
  return parts
}
