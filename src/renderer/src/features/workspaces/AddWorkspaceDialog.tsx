import { useState, type FormEvent } from 'react'
import { Dialog } from '../../lib/Dialog'
import { RegionSelect } from '../../lib/RegionSelect'
import { TabList, tabPanelProps } from '../../lib/Tabs'
import { api, ApiError, errorMessage } from '../../api/client'
import { type Region, type Workspace } from '../../../../shared/model'
import { cleanPastedToken, LEGACY_PAIR_HINT, looksLikeLegacyPair } from '../../../../shared/pasted-token'
import { OAuthSignIn } from '../oauth'
import { useWorkspaces } from '../../state/workspaces'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

type Tab = 'token' | 'oauth' | 'legacy'
const TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'token', label: 'Access Token' },
  { id: 'oauth', label: 'Sign in with OAuth' },
  { id: 'legacy', label: 'Legacy API key' }
]

export function AddWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('token')
  const [legacyPair, setLegacyPair] = useState<{ appId: string; apiKey: string } | null>(null)
  return (
    <Dialog title="Add workspace" onClose={onClose} className="wide">
      <h2>Add workspace</h2>
      <TabList label="How to add" idPrefix="add-workspace" tabs={TABS} value={tab} onChange={setTab} />
      <div {...tabPanelProps('add-workspace', tab, { labelled: false })} tabIndex={-1}>
        {tab === 'token' ? (
          <TokenForm
            onDone={onClose}
            onLegacy={(pair) => {
              setLegacyPair(pair)
              setTab('legacy')
            }}
          />
        ) : null}
        {tab === 'oauth' ? <OAuthSignIn onDone={onClose} /> : null}
        {tab === 'legacy' ? <LegacyForm onDone={onClose} initial={legacyPair} /> : null}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

/** Offered only while the embedded sandbox runs: its tokens are checked against it, not Intercom. */
function SandboxCheckbox({
  id,
  label,
  checked,
  onChange
}: {
  id: string
  label: string
  checked: boolean
  onChange: (v: boolean) => void
}) {
  const { info } = useWorkspaces()
  if (!info?.sandboxUrl) return null
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  )
}

/** Runs an add; when the token's workspace is already present, offers the retry that replaces its credential. */
function useAddWithReplace() {
  const { busy, error, setError, run } = useAction()
  const [conflict, setConflict] = useState<{ name: string; retry: () => Promise<Workspace> } | null>(null)
  const [replaced, setReplaced] = useState<string | null>(null)
  const add = (attempt: (replace: boolean) => Promise<Workspace>, onAdded: () => void) => {
    setConflict(null)
    setReplaced(null)
    void run(async () => {
      try {
        const workspace = await attempt(false)
        await api.workspaces.setActive({ id: workspace.id })
        onAdded()
      } catch (e) {
        if (e instanceof ApiError && e.code === 'conflict' && typeof e.details?.['existingId'] === 'string')
          setConflict({ name: String(e.details['existingName'] ?? 'this workspace'), retry: () => attempt(true) })
        throw e
      }
    })
  }
  const replace = async () => {
    if (!conflict) return
    const ok = await run(async () => {
      const workspace = await conflict.retry()
      await api.workspaces.setActive({ id: workspace.id })
    })
    if (!ok) return
    setConflict(null)
    setError(null)
    setReplaced(`The credential of “${conflict.name}” was replaced: the new token was verified first.`)
  }
  const replaceAction = conflict ? (
    <button type="button" className="primary" disabled={busy} onClick={() => void replace()}>
      Replace this workspace&apos;s credential
    </button>
  ) : null
  return { busy, error, add, replaceAction, replaced }
}

function TokenForm({ onDone, onLegacy }: { onDone: () => void; onLegacy: (pair: { appId: string; apiKey: string }) => void }) {
  const { info } = useWorkspaces()
  const [token, setToken] = useState('')
  const [region, setRegion] = useState<Region>('US')
  const [sandbox, setSandbox] = useState(false)
  const { busy, error, add, replaceAction, replaced } = useAddWithReplace()
  const pasted = cleanPastedToken(token)
  const legacyPair = looksLikeLegacyPair(token)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    add(
      (replace) => api.workspaces.addByToken({ token: pasted.token, region, sandbox, replace }),
      () => {
        setToken('')
        onDone()
      }
    )
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="form">
      <p className="muted">
        Paste an Access Token from Developer Hub → your app → Authentication. Token Desk checks it with GET /me and fills in the workspace.
      </p>
      <label htmlFor="add-token">Access Token</label>
      <input
        id="add-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        required
      />
      {pasted.note ? <p role="status">{pasted.note}</p> : null}
      {legacyPair ? (
        <p className="warn-text" role="status">
          {LEGACY_PAIR_HINT}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              const [appId = '', apiKey = ''] = pasted.token.split(':')
              onLegacy({ appId, apiKey })
            }}
          >
            Open the Legacy API key tab
          </button>
        </p>
      ) : null}
      <label htmlFor="add-region">Region</label>
      <RegionSelect id="add-region" value={region} onChange={setRegion} />
      <SandboxCheckbox id="add-sandbox" label="Embedded sandbox token" checked={sandbox} onChange={setSandbox} />
      <ErrorText error={error} />
      {replaceAction}
      {replaced ? <p role="status">{replaced}</p> : null}
      <button type="submit" className="primary" disabled={busy || !pasted.token || legacyPair}>
        {busy ? 'Verifying…' : 'Verify and add'}
      </button>
      {info?.sandboxUrl ? <SandboxTokens onDone={onDone} /> : null}
    </form>
  )
}

/** Where sandbox tokens come from, and the app's own to add in one click (the tokens stay in main). */
function SandboxTokens({ onDone }: { onDone: () => void }) {
  const [workspace, setWorkspace] = useState<'us' | 'eu'>('us')
  const [scopes, setScopes] = useState<'extended' | 'standard'>('extended')
  const { busy, error, add, replaceAction, replaced } = useAddWithReplace()
  return (
    <fieldset className="form" aria-label="Sandbox tokens">
      <legend>Sandbox tokens</legend>
      <p className="muted">
        The embedded sandbox is a local stand-in for Intercom with two workspaces (US and EU). Its tokens are fixed:{' '}
        <code>npm run sandbox</code> prints the same ones. Add one here without copying it:
      </p>
      <div className="row">
        <label htmlFor="sandbox-workspace">Sandbox workspace</label>
        <select id="sandbox-workspace" value={workspace} onChange={(e) => setWorkspace(e.target.value as 'us' | 'eu')}>
          <option value="us">Sandbox US</option>
          <option value="eu">Sandbox EU</option>
        </select>
        <label htmlFor="sandbox-scopes">Permissions</label>
        <select id="sandbox-scopes" value={scopes} onChange={(e) => setScopes(e.target.value as 'extended' | 'standard')}>
          <option value="extended">every permission (extended token)</option>
          <option value="standard">standard permissions only</option>
        </select>
        <button
          type="button"
          disabled={busy}
          onClick={() => add((replace) => api.workspaces.addSandbox({ workspace, scopes, replace }), onDone)}
        >
          Add sandbox token
        </button>
      </div>
      <ErrorText error={error} />
      {replaceAction}
      {replaced ? <p role="status">{replaced}</p> : null}
    </fieldset>
  )
}

function LegacyForm({ onDone, initial }: { onDone: () => void; initial: { appId: string; apiKey: string } | null }) {
  const [appId, setAppId] = useState(initial?.appId ?? '')
  const [apiKey, setApiKey] = useState(initial?.apiKey ?? '')
  const [name, setName] = useState('')
  const [region, setRegion] = useState<Region>('US')
  const [sandbox, setSandbox] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const workspace = await api.workspaces.addLegacy({ appId, apiKey, name, region, sandbox })
      await api.workspaces.setActive({ id: workspace.id })
      onDone()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="form">
      <p className="warn-text">
        Intercom replaced API keys with Access Tokens and no longer accepts them. Keep a pair here only to migrate it: the workspace is
        marked as using a retired credential until you replace it with an Access Token.
      </p>
      <label htmlFor="legacy-name">Name</label>
      <input id="legacy-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor="legacy-app-id">App ID</label>
      <input id="legacy-app-id" value={appId} onChange={(e) => setAppId(e.target.value)} required />
      <label htmlFor="legacy-api-key">API key</label>
      <input id="legacy-api-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} required />
      <label htmlFor="legacy-region">Region</label>
      <RegionSelect id="legacy-region" value={region} onChange={setRegion} />
      <SandboxCheckbox id="legacy-sandbox" label="Embedded sandbox key" checked={sandbox} onChange={setSandbox} />
      <ErrorText error={error} />
      <button type="submit" className="primary">
        Add retired key pair
      </button>
    </form>
  )
}
