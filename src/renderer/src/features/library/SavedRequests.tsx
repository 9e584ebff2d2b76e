// The "Saved" tab: a searchable tree of the requests the active workspace sees, by sharing and folder.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { SavedRequest, SearchHit } from '../../../../shared/library'
import type { Workspace } from '../../../../shared/model'
import { api, errorMessage } from '../../api/client'
import { composer, useComposer } from '../../state/composer'
import { useLibraryVersion } from './events'
import { NewFolderDialog } from './NewFolderDialog'
import { SavedItemDialog, moveSavedBy } from './SavedItemDialog'
import { FolderDialog, type FolderRef } from './FolderDialog'
import { SHARED, sharingLabel, workspaceSharing } from './sharing'
import { showToast } from '../../lib/Toast'
import { treeRows, type TreeRow } from './tree'
import { useSavedLibrary } from './useSavedLibrary'

const ROW_HEIGHT = 28

export function loadSaved(request: SavedRequest): void {
  composer.openSaved(request.draft, { id: request.id, name: request.name })
}

export function SavedRequests({ workspace }: { workspace: Workspace }) {
  const library = useSavedLibrary(workspace.id)
  const [query, setQuery] = useState('')
  const [actionsFor, setActionsFor] = useState<string | null>(null)
  const [newFolder, setNewFolder] = useState(false)
  const [folderActions, setFolderActions] = useState<FolderRef | null>(null)
  const byId = useMemo(() => new Map(library.requests.map((r) => [r.id, r])), [library.requests])
  const selected = actionsFor ? byId.get(actionsFor) : undefined

  const open = (id: string) => {
    const request = byId.get(id)
    if (request) loadSaved(request)
    else library.reload()
  }
  const onRowKey = (event: KeyboardEvent, request: SavedRequest) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    void moveSavedBy(library.requests, request, event.key === 'ArrowUp' ? -1 : 1).catch((e: unknown) =>
      showToast(errorMessage(e), { tone: 'error' })
    )
  }

  return (
    <div className="saved">
      <div className="row">
        <input
          type="search"
          aria-label="Search saved requests"
          placeholder="Search…"
          title="Fuzzy search over names, folders and paths"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" onClick={() => setNewFolder(true)}>
          New folder
        </button>
      </div>
      {library.error ? (
        <p role="alert" className="error">
          {library.error}
        </p>
      ) : null}
      {library.corrupt.length > 0 ? (
        <details className="warn-text">
          <summary>{library.corrupt.length} saved file(s) could not be read and were left untouched</summary>
          <ul>
            {library.corrupt.map((c) => (
              <li key={c.file}>
                <code>{c.file}</code>: {c.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {query.trim() ? (
        <SearchResults workspaceId={workspace.id} query={query} onOpen={open} onActions={setActionsFor} />
      ) : (
        <SavedTree
          workspace={workspace}
          library={library}
          onOpen={loadSaved}
          onActions={setActionsFor}
          onFolderActions={setFolderActions}
          onKey={onRowKey}
        />
      )}
      {selected ? (
        <SavedItemDialog
          request={selected}
          workspace={workspace}
          requests={library.requests}
          folders={library.folders}
          onClose={() => setActionsFor(null)}
        />
      ) : null}
      {folderActions ? <FolderDialog folder={folderActions} requests={library.requests} onClose={() => setFolderActions(null)} /> : null}
      {newFolder ? <NewFolderDialog workspace={workspace} onClose={() => setNewFolder(false)} /> : null}
    </div>
  )
}

function SavedTree({
  workspace,
  library,
  onOpen,
  onActions,
  onFolderActions,
  onKey
}: {
  workspace: Workspace
  library: ReturnType<typeof useSavedLibrary>
  onOpen: (request: SavedRequest) => void
  onActions: (id: string) => void
  onFolderActions: (folder: FolderRef) => void
  onKey: (event: KeyboardEvent, request: SavedRequest) => void
}) {
  const { saved } = useComposer()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const sharings = useMemo(() => [workspaceSharing(workspace.id), SHARED], [workspace.id])
  const rows = useMemo(
    () => treeRows(library.requests, library.folders, sharings, collapsed),
    [library.requests, library.folders, sharings, collapsed]
  )
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })

  const toggle = (key: string) =>
    setCollapsed((c) => {
      const next = new Set(c)
      if (!next.delete(key)) next.add(key)
      return next
    })

  const renderRow = (row: TreeRow) => {
    const indent = { paddingLeft: `${(row.kind === 'sharing' ? 0 : row.depth) * 12}px` }
    if (row.kind === 'sharing') {
      return (
        <button type="button" className="tree-toggle sharing" style={indent} aria-expanded={row.expanded} onClick={() => toggle(row.key)}>
          <span aria-hidden>{row.expanded ? '▾' : '▸'}</span> {`${row.label} (${row.count})`}
        </button>
      )
    }
    if (row.kind === 'folder') {
      return (
        <div className="tree-request" style={indent}>
          <button type="button" className="tree-toggle folder" aria-expanded={row.expanded} onClick={() => toggle(row.key)}>
            <span aria-hidden>{row.expanded ? '▾' : '▸'}</span> {row.name}
          </button>
          <button
            type="button"
            className="link tree-more"
            aria-label={`Actions for folder ${row.path}`}
            onClick={() => onFolderActions({ sharing: row.sharing, path: row.path })}
          >
            ⋯
          </button>
        </div>
      )
    }
    const { request } = row
    return (
      <div className="tree-request" style={indent}>
        <span className={`method method-${request.draft.method}`} aria-hidden>
          {request.draft.method}
        </span>
        <button
          type="button"
          className="tree-open"
          title={`${request.draft.method} ${request.draft.path}`}
          aria-current={saved?.id === request.id ? 'true' : undefined}
          onClick={() => onOpen(request)}
          onKeyDown={(e) => onKey(e, request)}
        >
          {request.name}
        </button>
        <button type="button" className="link tree-more" aria-label={`Actions for ${request.name}`} onClick={() => onActions(request.id)}>
          ⋯
        </button>
      </div>
    )
  }

  return (
    <div ref={scroller} className="saved-tree" aria-busy={!library.loaded}>
      <ul aria-label="Saved requests" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!
          return (
            <li key={row.key} className="tree-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              {renderRow(row)}
            </li>
          )
        })}
      </ul>
      {library.loaded && library.requests.length === 0 && library.folders.length === 0 ? (
        <p className="muted empty-state">No saved requests yet. Save the composer's request with Ctrl+S (⌘S on macOS).</p>
      ) : null}
    </div>
  )
}

function SearchResults({
  workspaceId,
  query,
  onOpen,
  onActions
}: {
  workspaceId: string
  query: string
  onOpen: (id: string) => void
  onActions: (id: string) => void
}) {
  const version = useLibraryVersion()
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    api.library.search({ workspaceId, query, limit: 50 }).then(
      (r) => {
        if (!current) return
        setHits(r.hits)
        setError(null)
      },
      (e: unknown) => current && setError(errorMessage(e))
    )
    return () => {
      current = false
    }
  }, [workspaceId, query, version])

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    )
  if (!hits) return <p className="muted">Searching…</p>
  return (
    <>
      <p role="status" className="muted">
        {hits.length === 0
          ? 'No saved request matches.'
          : `${hits.length}${hits.length === 50 ? '+' : ''} match${hits.length === 1 ? '' : 'es'}`}
      </p>
      <ul className="search-hits" aria-label="Search results">
        {hits.map((hit) => (
          <li key={hit.id} className="tree-request">
            <span className={`method method-${hit.method}`} aria-hidden>
              {hit.method}
            </span>
            <button type="button" className="tree-open" onClick={() => onOpen(hit.id)}>
              {hit.name}
            </button>
            <span className="muted hit-where">
              {sharingLabel(hit.sharing)}
              {hit.folder ? ` / ${hit.folder}` : ''} · {hit.path}
            </span>
            <button type="button" className="link tree-more" aria-label={`Actions for ${hit.name}`} onClick={() => onActions(hit.id)}>
              ⋯
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
