import { useState, type FormEvent } from 'react'
import { Dialog } from '../../lib/Dialog'
import { api, errorMessage } from '../../api/client'
import { REGIONS, type Region } from '../../../../shared/model'
import { OAuthSignIn } from './OAuthSignIn'
import { useWorkspaces } from '../../state/workspaces'
import { ErrorText } from '../../lib/ErrorText'
import { useAction } from '../../lib/useAction'

type Tab = 'token' | 'oauth' | 'legacy'

export function AddWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('token')
  return (
    <Dialog title="Add workspace" onClose={onClose} className="wide">
      <h2>Add workspace</h2>
      <div role="tablist" aria-label="How to add" className="tabs">
        {(
          [
            ['token', 'Access Token'],
            ['oauth', 'Sign in with OAuth'],
            ['legacy', 'Legacy API key']
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'token' ? <TokenForm onDone={onClose} /> : null}
      {tab === 'oauth' ? <OAuthSignIn onDone={onClose} /> : null}
      {tab === 'legacy' ? <LegacyForm onDone={onClose} /> : null}
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

export function RegionSelect({ value, onChange, id }: { value: Region; onChange: (r: Region) => void; id: string }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Region)}>
      {REGIONS.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  )
}

function TokenForm({ onDone }: { onDone: () => void }) {
  const [token, setToken] = useState('')
  const [region, setRegion] = useState<Region>('US')
  const [sandbox, setSandbox] = useState(false)
  const { busy, error, run } = useAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const workspace = await api.workspaces.addByToken({ token, region, sandbox })
      await api.workspaces.setActive({ id: workspace.id })
      setToken('')
      onDone()
    })
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
      <label htmlFor="add-region">Region</label>
      <RegionSelect id="add-region" value={region} onChange={setRegion} />
      <SandboxCheckbox id="add-sandbox" label="Embedded sandbox token" checked={sandbox} onChange={setSandbox} />
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy || !token.trim()}>
        {busy ? 'Verifying…' : 'Verify and add'}
      </button>
    </form>
  )
}

function LegacyForm({ onDone }: { onDone: () => void }) {
  const [appId, setAppId] = useState('')
  const [apiKey, setApiKey] = useState('')
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
