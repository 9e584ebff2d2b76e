// The request composer: method, path, parameters, headers, body, Intercom-Version and auth mode,
// plus what the request needs (permission) and what the Authorization header will look like.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { HTTP_METHODS, REGION_HOSTS, type AuthMode, type HttpMethod, type RequestDraft, type Workspace } from '../../../../shared/model'
import { INTERCOM_VERSIONS, type CatalogOperation } from '../../../../shared/intercom/catalog'
import { composer } from '../../state/composer'
import { useWorkspaces } from '../../state/workspaces'
import { PermissionBadge } from '../scopes'
import { KeyValueTable } from './KeyValueTable'
import { AddedHeaders } from './AddedHeaders'
import { isFullUrl, pathPlaceholders } from '../../lib/format'
import { editPathField, pathWithParams } from '../../../../shared/request/query-sync'
import { showView } from '../../shell/views'
import { TabList, tabPanelProps } from '../../lib/Tabs'
import { authPlan } from '../../../../shared/request/auth'

// CodeMirror is the largest part of the bundle: it loads when the Body tab is first shown.
const BodyEditor = lazy(() => import('./BodyEditor').then((m) => ({ default: m.BodyEditor })))

type Tab = 'params' | 'headers' | 'body' | 'code'

export interface ComposerProps {
  draft: RequestDraft
  workspace: Workspace
  operation: CatalogOperation | null
  sending: boolean
  onSend: () => void
  onCancel: () => void
  codePanel?: ReactNode
  onOpenScopes?: () => void
}

export function Composer({ draft, workspace, operation, sending, onSend, onCancel, codePanel, onOpenScopes }: ComposerProps) {
  const [tab, setTab] = useState<Tab>(draft.body !== null ? 'body' : 'params')
  const placeholders = pathPlaceholders(draft.path)

  // While the field has focus it shows what is typed; the query part lives in Params whenever rows
  // send it exactly as typed (splitPathQuery), else it stays in the path.
  const [typedPath, setTypedPath] = useState<string | null>(null)
  const setPath = (text: string) => {
    setTypedPath(text)
    const { path, query } = editPathField(text, draft)
    // Keep typed values of placeholders that are still in the path; add fields for new ones.
    const names = pathPlaceholders(path)
    composer.update({ path, query, pathParams: Object.fromEntries(names.map((n) => [n, draft.pathParams[n] ?? ''])) })
  }

  const tabs: { id: Tab; label: string }[] = [
    { id: 'params', label: `Params${draft.query.length ? ` (${draft.query.length})` : ''}` },
    { id: 'headers', label: `Headers${draft.headers.length ? ` (${draft.headers.length})` : ''}` },
    { id: 'body', label: 'Body' },
    ...(codePanel ? [{ id: 'code' as const, label: 'Code' }] : [])
  ]

  return (
    <form
      className="composer"
      aria-label="Request"
      onSubmit={(e) => {
        e.preventDefault()
        onSend()
      }}
    >
      <div className="row composer-line">
        <select aria-label="Method" value={draft.method} onChange={(e) => composer.update({ method: e.target.value as HttpMethod })}>
          {HTTP_METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          aria-label="Path"
          className="mono path-input"
          value={typedPath ?? pathWithParams(draft.path, draft.query)}
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
          onBlur={() => setTypedPath(null)}
          placeholder="/contacts or https://api.intercom.io/contacts"
        />
        {sending ? (
          <button type="button" className="danger" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="submit" className="primary" title="Ctrl/Cmd+Enter">
            Send
          </button>
        )}
      </div>
      <HostLine workspace={workspace} path={draft.path} />
      <OperationLine workspace={workspace} operation={operation} onOpenScopes={onOpenScopes} />
      {placeholders.length > 0 ? (
        <fieldset className="path-params">
          <legend>Path parameters</legend>
          {placeholders.map((name) => (
            <label key={name} className="path-param">
              <span className="mono">{`{${name}}`}</span>
              <input
                value={draft.pathParams[name] ?? ''}
                aria-label={`Path parameter ${name}`}
                spellCheck={false}
                onChange={(e) => composer.update({ pathParams: { ...draft.pathParams, [name]: e.target.value } })}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="row composer-settings">
        <label>
          Intercom-Version{' '}
          <select
            aria-label="Intercom-Version"
            value={draft.intercomVersion ?? ''}
            onChange={(e) => composer.update({ intercomVersion: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">Workspace default ({workspace.intercomVersion})</option>
            {INTERCOM_VERSIONS.slice()
              .reverse()
              .map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
          </select>
        </label>
        <AuthModeToggle workspace={workspace} mode={draft.authMode} />
      </div>
      <AuthPreview workspace={workspace} draft={draft} />
      <TabList label="Request parts" idPrefix="request-part" tabs={tabs} value={tab} onChange={setTab} />
      <div {...tabPanelProps('request-part', tab)} tabIndex={-1}>
        {tab === 'params' ? (
          <>
            {draft.path.includes('?') ? (
              <p className="muted" role="note">
                The query in the path (<code>{draft.path.slice(draft.path.indexOf('?'))}</code>) is sent exactly as typed: as rows it would
                be encoded differently (<code>+</code> as <code>%20</code>, a name without <code>=</code> with one).
              </p>
            ) : null}
            <KeyValueTable label="Query parameter" rows={draft.query} onChange={(query) => composer.update({ query })} />
          </>
        ) : null}
        {tab === 'headers' ? (
          <>
            <KeyValueTable label="Header" rows={draft.headers} onChange={(headers) => composer.update({ headers })} />
            <AddedHeaders draft={draft} defaultVersion={workspace.intercomVersion} />
          </>
        ) : null}
        {tab === 'body' ? (
          draft.body === null ? (
            <div className="row">
              <span className="muted">No body.</span>
              <button type="button" onClick={() => composer.update({ body: '{\n  \n}' })}>
                Add a JSON body
              </button>
            </div>
          ) : (
            <>
              <Suspense fallback={<p className="muted">Loading the editor…</p>}>
                <BodyEditor value={draft.body} onChange={(body) => composer.update({ body })} />
              </Suspense>
              <button type="button" className="link" onClick={() => composer.update({ body: null })}>
                Remove body
              </button>
            </>
          )
        ) : null}
        {tab === 'code' ? codePanel : null}
      </div>
    </form>
  )
}

function HostLine({ workspace, path }: { workspace: Workspace; path: string }) {
  const { info } = useWorkspaces()
  if (isFullUrl(path)) return <p className="muted host-line">Full URL: sent as typed (credentials only go to the workspace's own host).</p>
  const host = REGION_HOSTS[workspace.region]
  return (
    <p className="muted host-line">
      Host: <span className="mono">{host}</span> ({workspace.region})
      {workspace.sandbox ? (
        <> — served by the embedded sandbox{info?.sandboxUrl ? <span className="mono"> at {info.sandboxUrl}</span> : null}</>
      ) : null}
    </p>
  )
}

function OperationLine({
  workspace,
  operation,
  onOpenScopes
}: {
  workspace: Workspace
  operation: CatalogOperation | null
  onOpenScopes?: () => void
}) {
  if (!operation) return <p className="muted op-line">Not a catalog endpoint: no known permission.</p>
  return (
    <p className="op-line" aria-label="Required permission">
      <strong>{operation.summary}</strong> <span className="muted">needs</span>{' '}
      <PermissionBadge workspace={workspace} operation={operation} />{' '}
      {onOpenScopes ? (
        <button type="button" className="link" onClick={onOpenScopes}>
          Scopes…
        </button>
      ) : null}
    </p>
  )
}

const AUTH_LABELS: Record<AuthMode, string> = { bearer: 'Bearer', basic: 'Basic', legacy: 'Legacy app_id:api_key', none: 'None' }

function AuthModeToggle({ workspace, mode }: { workspace: Workspace; mode: AuthMode }) {
  const legacy = workspace.authKind === 'legacy_api_key'
  // A migrated workspace (legacy pair → Access Token) leaves the draft on a mode it no longer has.
  useEffect(() => {
    if (mode === 'legacy' && !legacy) composer.update({ authMode: 'bearer' })
  }, [mode, legacy])
  return (
    <fieldset className="auth-mode row">
      <legend>Auth</legend>
      {(Object.keys(AUTH_LABELS) as AuthMode[]).map((m) => {
        // A token can be sent as Bearer or Basic; a legacy key pair only as Basic (legacy).
        const disabled = m === 'legacy' ? !legacy : m === 'bearer' ? legacy : false
        return (
          <label key={m} className={`check${disabled ? ' muted' : ''}`}>
            <input
              type="radio"
              name="auth-mode"
              value={m}
              checked={mode === m}
              disabled={disabled}
              onChange={() => composer.update({ authMode: m })}
            />
            {AUTH_LABELS[m]}
          </label>
        )
      })}
    </fieldset>
  )
}

/** The workspace's secret is not in this run's vault: no header to preview, one way to fix it. */
function MissingSecretPreview({ workspace }: { workspace: Workspace }) {
  return (
    <div className="auth-preview" aria-label="Authorization preview">
      <span data-testid="auth-preview" className="error">
        No token for “{workspace.name}” in this run&apos;s secret store, so none can be sent. Auth None still works.{' '}
      </span>
      <button type="button" className="link" onClick={() => showView('workspace')}>
        Enter the token again
      </button>
    </div>
  )
}

function AuthPreview({ workspace, draft }: { workspace: Workspace; draft: RequestDraft }) {
  const overridden = draft.headers.some((h) => h.enabled && h.name.toLowerCase() === 'authorization')
  const t = workspace.tokenPreview
  let line: string | null
  let note: string | null = null
  let problem: string | null = null
  if (workspace.secretMissing && draft.authMode !== 'none') return <MissingSecretPreview workspace={workspace} />
  // The shared rule decides, so the preview refuses with Send's own message.
  try {
    const plan = authPlan(draft.authMode, workspace.authKind === 'legacy_api_key' ? 'legacy' : 'token')
    line =
      plan.scheme === 'none'
        ? null
        : plan.scheme === 'bearer'
          ? `Bearer ${t}`
          : plan.suffix === ''
            ? 'Basic base64(<app_id>:<api_key>)'
            : `Basic base64(${t}:)`
    if (plan.scheme === 'basic')
      note = `${plan.suffix === ':' ? 'The token is the user name and the password is blank; t' : 'T'}he real Base64 value is computed when sending, since the secret never leaves the vault.`
  } catch (e) {
    line = null
    problem = e instanceof Error ? e.message : String(e)
  }
  return (
    <div className="auth-preview" aria-label="Authorization preview">
      {line ? (
        <code data-testid="auth-preview">Authorization: {line}</code>
      ) : (
        <span data-testid="auth-preview" className="muted">
          No Authorization header is sent.
        </span>
      )}
      {note ? <span className="muted"> {note}</span> : null}
      {overridden ? <span className="warn-text"> An Authorization header in the Headers tab replaces this.</span> : null}
      {problem ? <span className="error"> {problem}</span> : null}
    </div>
  )
}
