import { useEffect, useState, type FormEvent } from 'react'
import { api, errorMessage, on } from '../../api/client'
import type { OAuthFlowState } from '../../../../shared/contract/oauth'
import type { Region } from '../../../../shared/model'
import { useWorkspaces } from '../../state/workspaces'
import { RegionSelect } from '../../lib/RegionSelect'
import { ErrorText } from '../../lib/ErrorText'

type Provider = 'sandbox' | 'intercom' | 'generic'

export function OAuthSignIn({ onDone }: { onDone: () => void }) {
  const { info } = useWorkspaces()
  const [provider, setProvider] = useState<Provider>(info?.sandboxUrl ? 'sandbox' : 'intercom')
  const [clientId, setClientId] = useState(info?.sandboxUrl ? (info.sandboxOAuth?.clientId ?? '') : '')
  const [clientSecret, setClientSecret] = useState(info?.sandboxUrl ? (info.sandboxOAuth?.clientSecret ?? '') : '')
  const [region, setRegion] = useState<Region>('US')
  const [redirect, setRedirect] = useState<'loopback-http' | 'loopback-https'>('loopback-http')
  const [authorizationUrl, setAuthorizationUrl] = useState('')
  const [tokenUrl, setTokenUrl] = useState('')
  const [apiBaseUrl, setApiBaseUrl] = useState('')
  const [scopes, setScopes] = useState('')
  const [flow, setFlow] = useState<OAuthFlowState | null>(null)
  const [pasted, setPasted] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(
    () =>
      on.oauthProgress((state) => {
        setFlow((current) => (current && current.flowId === state.flowId ? state : current))
      }),
    []
  )
  useEffect(() => {
    if (flow?.status === 'done' && flow.workspaceId) {
      void api.workspaces.setActive({ id: flow.workspaceId }).then(onDone)
    }
  }, [flow, onDone])

  const start = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const state = await api.oauth.start(
        provider === 'generic'
          ? {
              kind: 'generic',
              clientId,
              clientSecret: clientSecret || undefined,
              authorizationUrl,
              tokenUrl,
              apiBaseUrl: apiBaseUrl || undefined,
              scopes,
              region,
              redirect
            }
          : { kind: 'intercom', sandbox: provider === 'sandbox', clientId, clientSecret, region, redirect }
      )
      setFlow(state)
      // Browser mode has no system-browser opener of its own: the page opens the consent tab.
      if (info?.host === 'web') window.open(state.authorizeUrl, '_blank', 'noopener,noreferrer')
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const waiting = flow && (flow.status === 'waiting' || flow.status === 'exchanging')
  return (
    <div className="form">
      <form onSubmit={(e) => void start(e)} className="form">
        <label htmlFor="oauth-provider">Provider</label>
        <select
          id="oauth-provider"
          value={provider}
          onChange={(e) => {
            const next = e.target.value as Provider
            setProvider(next)
            // The sandbox's own client is prefilled; a real provider starts empty.
            setClientId(next === 'sandbox' ? (info?.sandboxOAuth?.clientId ?? '') : '')
            setClientSecret(next === 'sandbox' ? (info?.sandboxOAuth?.clientSecret ?? '') : '')
          }}
          disabled={!!waiting}
        >
          {info?.sandboxUrl ? <option value="sandbox">Intercom sandbox (embedded)</option> : null}
          <option value="intercom">Intercom (your own app)</option>
          <option value="generic">Generic OAuth 2.0 (PKCE)</option>
        </select>
        {provider === 'sandbox' ? (
          <p className="muted">
            The embedded sandbox&apos;s OAuth app is filled in: its consent page lets you pick the US or EU sandbox workspace.
          </p>
        ) : null}
        {provider === 'intercom' ? (
          <p className="muted">
            Register the redirect URL shown after you start in Developer Hub → your app → Authentication → Redirect URLs. Intercom requires
            HTTPS redirect URLs: choose “https://localhost” if plain loopback is refused; your browser will warn about the local self-signed
            certificate once.
          </p>
        ) : null}
        <label htmlFor="oauth-client-id">Client ID</label>
        <input id="oauth-client-id" value={clientId} onChange={(e) => setClientId(e.target.value)} required disabled={!!waiting} />
        <label htmlFor="oauth-client-secret">Client secret{provider === 'generic' ? ' (optional)' : ''}</label>
        <input
          id="oauth-client-secret"
          type="password"
          autoComplete="off"
          value={clientSecret}
          onChange={(e) => setClientSecret(e.target.value)}
          required={provider !== 'generic'}
          disabled={!!waiting}
        />
        {provider === 'generic' ? (
          <>
            <label htmlFor="oauth-authz">Authorization URL</label>
            <input id="oauth-authz" type="url" value={authorizationUrl} onChange={(e) => setAuthorizationUrl(e.target.value)} required />
            <label htmlFor="oauth-token-url">Token URL</label>
            <input id="oauth-token-url" type="url" value={tokenUrl} onChange={(e) => setTokenUrl(e.target.value)} required />
            <label htmlFor="oauth-api-base">API base URL (optional)</label>
            <input id="oauth-api-base" type="url" value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.target.value)} />
            <label htmlFor="oauth-scopes">Scopes</label>
            <input id="oauth-scopes" value={scopes} onChange={(e) => setScopes(e.target.value)} />
          </>
        ) : (
          <>
            <label htmlFor="oauth-region">Region</label>
            <RegionSelect id="oauth-region" value={region} onChange={setRegion} />
          </>
        )}
        <label htmlFor="oauth-redirect">Redirect</label>
        <select id="oauth-redirect" value={redirect} onChange={(e) => setRedirect(e.target.value as typeof redirect)} disabled={!!waiting}>
          <option value="loopback-http">http://127.0.0.1 (loopback; one port per app, kept)</option>
          <option value="loopback-https">https://localhost (self-signed certificate)</option>
        </select>
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={!!waiting || !clientId}>
          Sign in with {provider === 'generic' ? 'provider' : 'Intercom'}
        </button>
      </form>
      {flow ? (
        <section className="oauth-flow" aria-label="Sign-in progress">
          <p role="status">
            {flow.status === 'waiting' ? 'Waiting for you to approve in the browser…' : null}
            {flow.status === 'exchanging' ? 'Exchanging the code for a token…' : null}
            {flow.status === 'done' ? 'Signed in.' : null}
            {flow.status === 'failed' || flow.status === 'cancelled' ? flow.message : null}
          </p>
          {flow.replaceableWorkspaceId ? (
            <button
              type="button"
              className="primary"
              onClick={() => void api.oauth.replace({ flowId: flow.flowId }).then(setFlow, (e: unknown) => setError(errorMessage(e)))}
            >
              Replace this workspace&apos;s credential
            </button>
          ) : null}
          <p className="muted">
            Redirect URL to register: <code>{flow.redirectUri}</code>
          </p>
          <p className="muted break">
            The browser should have opened. If it did not, open:{' '}
            <a href={flow.authorizeUrl} target="_blank" rel="noreferrer noopener">
              authorization page
            </a>
          </p>
          {waiting ? (
            <>
              <label htmlFor="oauth-paste">Or paste the redirect URL (or the code) here</label>
              <div className="row">
                <input id="oauth-paste" value={pasted} onChange={(e) => setPasted(e.target.value)} />
                <button
                  type="button"
                  onClick={() =>
                    void api.oauth.submitManual({ flowId: flow.flowId, pasted }).then(setFlow, (e: unknown) => setError(errorMessage(e)))
                  }
                  disabled={!pasted}
                >
                  Use pasted URL
                </button>
                <button type="button" onClick={() => void api.oauth.cancel({ flowId: flow.flowId }).then(setFlow)}>
                  Cancel sign-in
                </button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
