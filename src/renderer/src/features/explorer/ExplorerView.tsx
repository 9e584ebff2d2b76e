// The API explorer: library (aside) | composer over response. Owns sending and cancelling.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { draftFromOperation, type CatalogOperation } from '../../../../shared/intercom/catalog'
import { operationFor } from '../../../../shared/intercom/operation-for'
import type { ResponseSummary } from '../../../../shared/contract/requests'
import { api, ApiError, errorMessage } from '../../api/client'
import { composer, useComposer } from '../../state/composer'
import { useWorkspaces } from '../../state/workspaces'
import { useCommandList, useCommands, type Command } from '../../shell/commands'
import { useInspectScopesCommand } from '../scopes/ScopesView'
import { CatalogPalette } from './CatalogPalette'
import { Composer } from './Composer'
import { ResponseViewer } from './ResponseViewer'
import { PaginationPanel } from './PaginationPanel'
import { markResponseReady } from './useBodyDocument'
import type { JsonSyntaxError } from './json-syntax'
import './explorer.css'

type SendState =
  | { phase: 'idle' }
  | { phase: 'sending'; requestId: string }
  | { phase: 'done'; summary: ResponseSummary }
  | { phase: 'failed'; message: string; cancelled: boolean }

export interface ExplorerViewProps {
  /** The library panel, shown on the left. */
  aside?: ReactNode
  /** The code snippet panel, shown as the composer's "Code" tab. */
  codePanel?: ReactNode
  /** Shows the Scopes view; when absent, the palette command `view.scopes` is used if registered. */
  onOpenScopes?: () => void
}

const PAGINATED = new Set(['cursor', 'search', 'page'])

export function ExplorerView({ aside, codePanel, onOpenScopes }: ExplorerViewProps) {
  const { active } = useWorkspaces()
  const { draft, revision } = useComposer()
  const [catalogOpen, setCatalogOpen] = useState(false)
  const [state, setState] = useState<SendState>({ phase: 'idle' })
  const [invalidBody, setInvalidBody] = useState<JsonSyntaxError | null>(null)
  const inFlight = useRef<string | null>(null)
  const commandList = useCommandList()
  const openScopes = onOpenScopes ?? commandList.find((c) => c.id === 'view.scopes')?.run

  const operation = useMemo(() => operationFor(draft), [draft])

  const send = useCallback(
    async (force = false) => {
      if (!active || inFlight.current) return
      // The JSON grammar loads with the body editor, not at start-up.
      const bodyError = draft.body && draft.body.trim() !== '' ? (await import('./json-syntax')).jsonSyntaxError(draft.body) : null
      if (bodyError && !force) {
        setInvalidBody(bodyError)
        return
      }
      setInvalidBody(null)
      const requestId = crypto.randomUUID()
      inFlight.current = requestId
      markResponseReady(false)
      setState({ phase: 'sending', requestId })
      try {
        const summary = await api.requests.send({ requestId, workspaceId: active.id, draft })
        if (inFlight.current === requestId) setState({ phase: 'done', summary })
      } catch (e) {
        if (inFlight.current === requestId)
          setState({ phase: 'failed', message: errorMessage(e), cancelled: e instanceof ApiError && e.code === 'cancelled' })
      } finally {
        if (inFlight.current === requestId) inFlight.current = null
      }
    },
    [active, draft]
  )

  const cancel = useCallback(() => {
    const requestId = inFlight.current
    if (!requestId) return
    inFlight.current = null
    setState({ phase: 'failed', message: 'Request cancelled.', cancelled: true })
    void api.requests.cancel({ requestId }).catch(() => undefined)
  }, [])

  // A response belongs to the workspace it came from.
  useEffect(() => {
    inFlight.current = null
    setState({ phase: 'idle' })
  }, [active?.id])

  const pick = useCallback((op: CatalogOperation) => composer.load(draftFromOperation(op)), [])
  const commands = useMemo<Command[]>(
    () => [
      { id: 'explorer.catalog', title: 'Open endpoint catalog', section: 'Explorer', shortcut: 'Mod+P', run: () => setCatalogOpen(true) },
      { id: 'explorer.send', title: 'Send request', section: 'Explorer', shortcut: 'Mod+Enter', run: () => void send() }
    ],
    [send]
  )
  useCommands(commands)
  useInspectScopesCommand(active?.id)

  return (
    <div className={`explorer${aside ? ' with-aside' : ''}`}>
      {aside ? <aside className="explorer-aside">{aside}</aside> : null}
      <div className="explorer-main">
        {active ? (
          <>
            <div className="row explorer-top">
              <button type="button" onClick={() => setCatalogOpen(true)} title="Ctrl/Cmd+P">
                Endpoint catalog…
              </button>
              <span className="muted">
                Sending as <strong>{active.name}</strong> ({active.region})
              </span>
            </div>
            <Composer
              key={revision}
              draft={draft}
              workspace={active}
              operation={operation}
              sending={state.phase === 'sending'}
              onSend={() => void send()}
              onCancel={cancel}
              codePanel={codePanel}
              onOpenScopes={openScopes}
            />
            {invalidBody ? (
              <div className="confirm" role="alert">
                <span>
                  Invalid JSON at line {invalidBody.line}: {invalidBody.message}
                </span>
                <div className="row">
                  <button type="button" className="danger" onClick={() => void send(true)}>
                    Send anyway
                  </button>
                  <button type="button" onClick={() => setInvalidBody(null)}>
                    Keep editing
                  </button>
                </div>
              </div>
            ) : null}
            {operation && PAGINATED.has(operation.pagination) ? (
              <PaginationPanel key={`${active.id}:${revision}`} draft={draft} workspaceId={active.id} />
            ) : null}
            <ResponseArea state={state} operationId={operation?.operationId ?? draft.operationId} />
          </>
        ) : (
          <p className="panel muted">Add or select a workspace to send requests.</p>
        )}
      </div>
      {catalogOpen ? <CatalogPalette onPick={pick} onClose={() => setCatalogOpen(false)} /> : null}
    </div>
  )
}

function ResponseArea({ state, operationId }: { state: SendState; operationId: string | null }) {
  switch (state.phase) {
    case 'idle':
      return <p className="muted response-empty">Send a request (Ctrl/Cmd+Enter) to see the response here.</p>
    case 'sending':
      return (
        <p role="status" className="response-empty">
          <progress aria-label="Sending" /> Sending…
        </p>
      )
    case 'failed':
      return (
        <p role="alert" className={state.cancelled ? 'muted response-empty' : 'error response-empty'}>
          {state.message}
        </p>
      )
    case 'done':
      return <ResponseViewer key={state.summary.requestId} summary={state.summary} operationId={operationId} />
  }
}
