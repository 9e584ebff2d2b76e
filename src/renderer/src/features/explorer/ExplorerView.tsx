// The API explorer: request tabs, composer over response (resizable), library aside. Owns sending
// and cancelling; each tab keeps the answer to its own request.
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { draftFromOperation, type CatalogOperation } from '../../../../shared/intercom/catalog'
import { operationFor } from '../../../../shared/intercom/operation-for'
import { api, ApiError, errorMessage } from '../../api/client'
import { composer, useComposer, type TabResponse } from '../../state/composer'
import { layout, useLayout } from '../../state/layout'
import { useWorkspaces } from '../../state/workspaces'
import { useCommands, type Command } from '../../shell/commands'
import { showView } from '../../shell/views'
import { useInspectScopesCommand } from '../scopes'
import { CatalogPalette, Composer, AsSent, focusPathField, loadJsonSyntax, type JsonSyntaxError } from '../requests'
import { RequestTabs } from '../drafts'
import { ResponseViewer, markResponseReady } from '../responses'
import { PaginationPanel } from '../pagination'
import { SplitHandle } from './SplitHandle'
import { HistoryResponse } from '../history'

export interface ExplorerViewProps {
  /** The library panel, shown on the left. */
  aside?: ReactNode
  /** The code snippet panel, shown as the composer's "Code" tab. */
  codePanel?: ReactNode
  /** Shows the Scopes view; the app's Scopes view by default. */
  onOpenScopes?: () => void
}

const PAGINATED = new Set(['cursor', 'search', 'page'])

export function ExplorerView({ aside, codePanel, onOpenScopes }: ExplorerViewProps) {
  const { active } = useWorkspaces()
  const { draft, revision, activeId, tabs } = useComposer()
  const tab = tabs.find((t) => t.id === activeId)!
  const state = tab.response
  const { panelsHidden, split } = useLayout()
  const [catalogOpen, setCatalogOpen] = useState(false)
  const [invalidBody, setInvalidBody] = useState<JsonSyntaxError | null>(null)
  const openScopes = onOpenScopes ?? (() => showView('scopes'))

  const operation = useMemo(() => operationFor(draft), [draft])

  const send = useCallback(
    async (force = false) => {
      const current = composer.active()
      if (!active || current.response.phase === 'sending') return
      const sent = current.draft
      // The JSON grammar loads with the body editor, not at start-up.
      const bodyError = sent.body && sent.body.trim() !== '' ? (await loadJsonSyntax()).jsonSyntaxError(sent.body) : null
      if (bodyError && !force) {
        setInvalidBody(bodyError)
        return
      }
      setInvalidBody(null)
      const requestId = crypto.randomUUID()
      const tabId = current.id
      const stillMine = () => {
        const now = composer.get().tabs.find((t) => t.id === tabId)?.response
        return now?.phase === 'sending' && now.requestId === requestId
      }
      markResponseReady(false)
      composer.setResponse(tabId, { phase: 'sending', requestId })
      try {
        const summary = await api.requests.send({ requestId, workspaceId: current.workspaceId ?? active.id, draft: sent })
        if (stillMine()) composer.setResponse(tabId, { phase: 'done', summary, sent })
      } catch (e) {
        if (stillMine())
          composer.setResponse(tabId, {
            phase: 'failed',
            message: errorMessage(e),
            cancelled: e instanceof ApiError && e.code === 'cancelled'
          })
      }
    },
    [active]
  )

  const cancel = useCallback(() => {
    const current = composer.active()
    if (current.response.phase !== 'sending') return
    const { requestId } = current.response
    composer.setResponse(current.id, { phase: 'failed', message: 'Request cancelled.', cancelled: true })
    void api.requests.cancel({ requestId }).catch(() => undefined)
  }, [])

  const pick = useCallback((op: CatalogOperation) => composer.load(draftFromOperation(op)), [])
  const commands = useMemo<Command[]>(
    () => [
      { id: 'explorer.catalog', title: 'Open endpoint catalog', section: 'Explorer', shortcut: 'Mod+P', run: () => setCatalogOpen(true) },
      { id: 'explorer.send', title: 'Send request', section: 'Explorer', shortcut: 'Mod+Enter', run: () => void send() },
      { id: 'layout.panels', title: 'Show or hide side panels', section: 'View', shortcut: 'Mod+B', run: layout.togglePanels }
    ],
    [send]
  )
  useCommands(commands)
  useInspectScopesCommand(active?.id)

  const showAside = aside && !panelsHidden
  return (
    <div className={`explorer${showAside ? ' with-aside' : ''}`}>
      <div className="explorer-main">
        <RequestTabs />
        {active ? (
          <div className="explorer-split" style={{ gridTemplateRows: `minmax(0, ${split}fr) auto minmax(0, ${1 - split}fr)` }}>
            <div className="explorer-request">
              <Composer
                key={`${activeId}:${revision}`}
                draft={draft}
                workspace={active}
                operation={operation}
                sending={state.phase === 'sending'}
                onSend={() => void send()}
                onCancel={cancel}
                codePanel={codePanel}
                onOpenScopes={openScopes}
              />
              <div className="row explorer-top">
                <button type="button" onClick={() => setCatalogOpen(true)} title="Ctrl/Cmd+P">
                  Endpoint catalog…
                </button>
                <span className="muted">
                  Sending as <strong>{active.name}</strong> ({active.region})
                </span>
              </div>
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
                <PaginationPanel key={`${active.id}:${activeId}:${revision}`} draft={draft} workspaceId={active.id} />
              ) : null}
            </div>
            <SplitHandle />
            <div className="explorer-response">
              <ResponseArea key={activeId} state={state} operationId={operation?.operationId ?? draft.operationId} />
            </div>
          </div>
        ) : (
          <p className="panel muted">Add or select a workspace to send requests.</p>
        )}
      </div>
      {showAside ? <aside className="explorer-aside">{aside}</aside> : null}
      {catalogOpen ? (
        <CatalogPalette
          onPick={pick}
          onClose={() => {
            setCatalogOpen(false)
            focusPathField()
          }}
        />
      ) : null}
    </div>
  )
}

function ResponseArea({ state, operationId }: { state: TabResponse; operationId: string | null }) {
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
      return (
        <>
          <AsSent summary={state.summary} sent={state.sent} />
          <ResponseViewer key={state.summary.requestId} summary={state.summary} operationId={operationId} />
        </>
      )
    case 'history':
      return <HistoryResponse state={state} operationId={operationId} />
  }
}
