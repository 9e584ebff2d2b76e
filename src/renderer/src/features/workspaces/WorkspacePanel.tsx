import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { api, errorMessage } from '../../api/client'
import { useWorkspaces } from '../../state/workspaces'
import type { Region, Workspace } from '../../../../shared/model'
import { RegionSelect } from '../../lib/RegionSelect'
import { copyText } from '../../lib/clipboard'
import { ErrorText } from '../../lib/ErrorText'
import { LendingSection } from '../cli'
import { vaultInPlainWords } from '../app'
import { cleanPastedToken } from '../../../../shared/pasted-token'

/** Says what was dropped from a pasted token (a leading "Bearer"), as the Add dialog does. */
function PastedNote({ token }: { token: string }) {
  const { note } = cleanPastedToken(token)
  return note ? <p className="muted">{note}</p> : null
}

const REVEAL_MS = 30_000

export function WorkspacePanel({ onAdd }: { onAdd: () => void }) {
  const { active } = useWorkspaces()
  if (!active) {
    return (
      <section className="panel empty-state" aria-label="Workspace">
        <h1>No workspace selected</h1>
        <button type="button" className="primary" onClick={onAdd}>
          Add workspace
        </button>
      </section>
    )
  }
  return <WorkspaceSettings key={active.id} workspace={active} />
}

function WorkspaceSettings({ workspace }: { workspace: Workspace }) {
  const { info } = useWorkspaces()
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (what: () => Promise<unknown>, done: string) => {
    setError(null)
    setMessage(null)
    try {
      await what()
      setMessage(done)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <section className="panel" aria-label="Workspace settings">
      <header className="panel-header">
        <span className="dot big" style={{ background: workspace.color }} aria-hidden />
        <h1>{workspace.name}</h1>
        <span className="badge">{workspace.region}</span>
        {workspace.sandbox ? <span className="badge sandbox">sandbox</span> : null}
      </header>
      {workspace.secretMissing && workspace.authKind !== 'legacy_api_key' ? (
        <ReenterToken workspace={workspace} onDone={setMessage} onError={setError} />
      ) : null}
      {workspace.authKind === 'legacy_api_key' ? (
        <LegacyMigration
          workspace={workspace}
          onStart={() => {
            setError(null)
            setMessage(null)
          }}
          onDone={setMessage}
          onError={setError}
        />
      ) : null}
      <dl className="facts">
        <dt>Workspace ID</dt>
        <dd>{workspace.appIdCode ?? '—'}</dd>
        <dt>Admin</dt>
        <dd>{workspace.adminName ? `${workspace.adminName} <${workspace.adminEmail ?? ''}>` : '—'}</dd>
        <dt>Credential</dt>
        <dd>{{ access_token: 'Access Token', oauth: 'OAuth token', legacy_api_key: 'Retired API key pair' }[workspace.authKind]}</dd>
        <dt>Stored in</dt>
        <dd data-testid="vault-backend">
          {workspace.secretMissing ? 'Nowhere in this run: ' : ''}
          {info && info.vault.id === workspace.vaultBackend ? info.vault.label : workspace.vaultBackend}
        </dd>
        <dt>Verified</dt>
        <dd>{workspace.verifiedAt ? new Date(workspace.verifiedAt).toLocaleString() : 'not yet'}</dd>
      </dl>
      {workspace.secretMissing ? null : <TokenRow workspace={workspace} onError={setError} onMessage={setMessage} />}
      <EditForm workspace={workspace} onSave={(changes) => run(() => api.workspaces.update({ id: workspace.id, changes }), 'Saved.')} />
      {workspace.authKind !== 'legacy_api_key' && !workspace.secretMissing ? (
        <RotateForm workspace={workspace} onDone={setMessage} onError={setError} />
      ) : null}
      <LendingSection workspace={workspace} onError={setError} />
      <DeleteSection workspace={workspace} onError={setError} />
      {message ? <p role="status">{message}</p> : null}
      <ErrorText error={error} />
      {info && !info.vault.persistent ? <p className="warn-text">{vaultInPlainWords(info.vault)}</p> : null}
    </section>
  )
}

function TokenRow({
  workspace,
  onError,
  onMessage
}: {
  workspace: Workspace
  onError: (e: string) => void
  onMessage: (m: string) => void
}) {
  const [revealed, setRevealed] = useState<string | null>(null)
  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])
  return (
    <div className="token-row">
      <span className="label">Token</span>
      <code data-testid="token-preview">{revealed ?? workspace.tokenPreview}</code>
      <button
        type="button"
        onClick={() =>
          revealed
            ? setRevealed(null)
            : void api.workspaces.reveal({ id: workspace.id }).then(
                (r) => setRevealed(r.token),
                (e: unknown) => onError(errorMessage(e))
              )
        }
      >
        {revealed ? 'Hide' : 'Reveal'}
      </button>
      <button
        type="button"
        onClick={() =>
          void api.workspaces
            .copyToken({ id: workspace.id })
            .then(async (r) => {
              if (r.text !== null) await copyText(r.text, r.clearAfterMs)
              onMessage(`Token copied; the clipboard is cleared in ${Math.round(r.clearAfterMs / 1000)} s.`)
            })
            .catch((e: unknown) => onError(errorMessage(e)))
        }
      >
        Copy
      </button>
    </div>
  )
}

function EditForm({
  workspace,
  onSave
}: {
  workspace: Workspace
  onSave: (changes: { name: string; color: string; region: Region; intercomVersion: string }) => Promise<void>
}) {
  const [name, setName] = useState(workspace.name)
  const [color, setColor] = useState(workspace.color)
  const [region, setRegion] = useState<Region>(workspace.region)
  const [version, setVersion] = useState(workspace.intercomVersion)
  return (
    <form
      className="form grid"
      aria-label="Edit workspace"
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        void onSave({ name, color, region, intercomVersion: version })
      }}
    >
      <label htmlFor="ws-name">Name</label>
      <input id="ws-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor="ws-color">Colour</label>
      <input id="ws-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      <label htmlFor="ws-region">Region</label>
      <RegionSelect id="ws-region" value={region} onChange={setRegion} />
      <label htmlFor="ws-version">Default Intercom-Version</label>
      <input id="ws-version" value={version} onChange={(e) => setVersion(e.target.value)} />
      <button type="submit">Save changes</button>
    </form>
  )
}

interface TokenFormProps {
  workspace: Workspace
  onDone: (m: string) => void
  onError: (e: string) => void
}

/** A pasted token, verified with GET /me before it replaces the workspace's stored one (rotate and re-enter). */
function VerifiedTokenForm({
  workspace,
  onDone,
  onError,
  formLabel,
  className,
  inputId,
  label,
  submitLabel,
  primary,
  doneMessage,
  children
}: TokenFormProps & {
  formLabel: string
  className: string
  inputId: string
  label: ReactNode
  submitLabel: string
  primary?: boolean
  doneMessage: string
  children?: ReactNode
}) {
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <form
      className={className}
      aria-label={formLabel}
      onSubmit={(e) => {
        e.preventDefault()
        setBusy(true)
        void api.workspaces
          .rotate({ id: workspace.id, token })
          .then(() => {
            setToken('')
            onDone(doneMessage)
          })
          .catch((err: unknown) => onError(errorMessage(err)))
          .finally(() => setBusy(false))
      }}
    >
      {children}
      <label htmlFor={inputId}>{label}</label>
      <div className="row">
        <input id={inputId} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="submit" className={primary ? 'primary' : undefined} disabled={busy || !token.trim()}>
          {busy ? 'Verifying…' : submitLabel}
        </button>
      </div>
      <PastedNote token={token} />
    </form>
  )
}

function RotateForm(props: TokenFormProps) {
  return (
    <VerifiedTokenForm
      {...props}
      formLabel="Rotate token"
      className="form"
      inputId="ws-rotate"
      label="Rotate token (paste the new one; it is verified before it replaces the old)"
      submitLabel="Verify and rotate"
      doneMessage="Token rotated: the new token was verified and replaced the old one."
    />
  )
}

/** The workspace's secret is not in this run's vault: say so, and take it again (verified like Rotate). */
function ReenterToken(props: TokenFormProps) {
  const { info } = useWorkspaces()
  return (
    <VerifiedTokenForm
      {...props}
      formLabel="Enter the token again"
      className="notice form"
      inputId="ws-reenter"
      label={<>Token for “{props.workspace.name}”</>}
      submitLabel="Verify and store"
      primary
      doneMessage="Token verified and stored: this workspace sends with it again."
    >
      <strong>No token for this workspace in this run&apos;s secret store.</strong>
      <p>
        {info && !info.vault.persistent
          ? 'Secrets are kept in memory only, so they were lost when Token Desk stopped.'
          : 'The secret store does not hold it (it may have been reset or locked).'}{' '}
        Requests can still be sent with auth None. Paste the token to use this workspace again; it is checked with GET /me first.
      </p>
    </VerifiedTokenForm>
  )
}

function LegacyMigration({
  workspace,
  onStart,
  onDone,
  onError
}: {
  workspace: Workspace
  onStart: () => void
  onDone: (m: string) => void
  onError: (e: string) => void
}) {
  const [token, setToken] = useState('')
  return (
    <form
      className="notice form"
      aria-label="Migrate to an Access Token"
      onSubmit={(e) => {
        e.preventDefault()
        onStart()
        void api.workspaces.migrateLegacy({ id: workspace.id, token }).then(
          (migrated) =>
            onDone(
              `Migrated: “${migrated.name}” now uses the Access Token (verified for workspace ${migrated.appIdCode ?? ''}); the retired key pair was deleted.`
            ),
          (err: unknown) => onError(errorMessage(err))
        )
      }}
    >
      <strong>This workspace uses a retired API key pair.</strong>
      <ol className="steps">
        <li>In Intercom's Developer Hub, open (or create) an app for this workspace.</li>
        <li>Under Authentication, copy its Access Token.</li>
        <li>Paste it here: Token Desk verifies it belongs to the same workspace, then replaces the key pair and deletes it.</li>
      </ol>
      <label htmlFor="ws-migrate">New Access Token</label>
      <div className="row">
        <input id="ws-migrate" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="submit" className="primary" disabled={!token.trim()}>
          Migrate
        </button>
      </div>
      <PastedNote token={token} />
    </form>
  )
}

function DeleteSection({ workspace, onError }: { workspace: Workspace; onError: (e: string) => void }) {
  const [confirming, setConfirming] = useState(false)
  const [revoke, setRevoke] = useState(workspace.authKind === 'oauth')
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete workspace…
      </button>
    )
  }
  return (
    <div className="confirm" role="group" aria-label="Confirm delete">
      <p>Delete “{workspace.name}”? Its token is removed from the vault too.</p>
      {workspace.authKind === 'oauth' ? (
        <label className="check">
          <input type="checkbox" checked={revoke} onChange={(e) => setRevoke(e.target.checked)} /> Also revoke the OAuth token at Intercom
          (POST /auth/uninstall)
        </label>
      ) : null}
      <button
        type="button"
        className="danger"
        onClick={() => void api.workspaces.remove({ id: workspace.id, revoke }).catch((e: unknown) => onError(errorMessage(e)))}
      >
        Delete
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  )
}
