// The composer's "Code" tab: the request as a curl command for the chosen shell, or as Python or
// Node.js code written from the same built request, updated live.
import { useMemo, useState } from 'react'
import { tokendeskSnippet, type CodeLanguage, type Shell, type Snippet, type TokenStyle } from '../../../../shared/snippets'
import { api, errorMessage } from '../../api/client'
import { copyText } from '../../lib/clipboard'
import { downloadText } from '../../lib/download'
import { useComposer } from '../../state/composer'
import { useWorkspaces } from '../../state/workspaces'
import { snippetView } from './snippet-view'
import { TabList, tabPanelProps } from '../../lib/Tabs'

type Target = { kind: 'shell'; id: Shell } | { kind: 'language'; id: CodeLanguage } | { kind: 'tokendesk'; id: 'tokendesk' }

const TARGETS: Array<{ target: Target; label: string; code: string }> = [
  { target: { kind: 'shell', id: 'posix' }, label: 'POSIX sh (bash/zsh)', code: 'curl command' },
  { target: { kind: 'shell', id: 'powershell' }, label: 'PowerShell (curl.exe)', code: 'curl command' },
  { target: { kind: 'shell', id: 'cmd' }, label: 'Windows cmd', code: 'curl command' },
  { target: { kind: 'language', id: 'python' }, label: 'Python (requests)', code: 'Python code' },
  { target: { kind: 'language', id: 'node' }, label: 'Node.js (node:https)', code: 'Node.js code' },
  // Needs no token at all: the command line borrows it from Token Desk when it runs.
  { target: { kind: 'tokendesk', id: 'tokendesk' }, label: 'tokendesk', code: 'tokendesk command' }
]

const TABS = TARGETS.map((t) => ({ id: t.target.id, label: t.label }))

const TOKEN_STYLES: Array<{ id: TokenStyle; label: string }> = [
  { id: 'env', label: 'Environment variable' },
  { id: 'masked', label: 'Masked' },
  { id: 'real', label: 'Real token' }
]

/** How long a typed-in secret may sit in the clipboard when main does not say. */
const TYPED_SECRET_CLEAR_MS = 60_000

export function SnippetPanel() {
  const { draft } = useComposer()
  const { active, info } = useWorkspaces()
  const [chosenId, setChosenId] = useState<Target['id']>('posix')
  const chosen = TARGETS.find((t) => t.target.id === chosenId) ?? TARGETS[0]!
  const { target } = chosen
  // Languages are converted from the POSIX command, whose setup line they share.
  const shell: Shell = target.kind === 'shell' ? target.id : 'posix'
  const language = target.kind === 'language' ? target.id : null
  const [multiline, setMultiline] = useState(false)
  const [tokenStyle, setTokenStyle] = useState<TokenStyle>('env')
  // A status belongs to the snippet it was about; it disappears once the snippet changes.
  const [status, setStatus] = useState<{ text: string; error: boolean; about: unknown } | null>(null)

  const commandLine = target.kind === 'tokendesk'
  const view = useMemo(
    () =>
      !active
        ? null
        : commandLine
          ? tokendeskView(draft, active)
          : snippetView(draft, active, info?.sandboxUrl ?? null, { shell, multiline: multiline && !language, tokenStyle, language }),
    [draft, active, info, shell, multiline, language, tokenStyle, commandLine]
  )

  if (!active || !view) return <p className="muted">Add a workspace to see the request as a curl command.</p>

  const report = (text: string, error = false) => setStatus({ text, error, about: view })
  const copy = async () => {
    setStatus(null)
    try {
      if (tokenStyle === 'real' && !commandLine) {
        const r = await api.snippets.copyWithToken({ workspaceId: active.id, draft, shell, multiline, language: language ?? undefined })
        if (r.text !== null) await copyText(r.text, r.clearAfterMs)
        report(
          `Copied with the real token. The clipboard is cleared in ${Math.round(r.clearAfterMs / 1000)} s if it still holds this snippet.`
        )
      } else if (view.ok) {
        await copyText(view.snippet.text, view.snippet.containsSecret ? TYPED_SECRET_CLEAR_MS : null)
        report(
          view.snippet.containsSecret
            ? 'Copied. It holds the Authorization header you typed, so the clipboard is cleared in 60 s.'
            : 'Copied.'
        )
      }
    } catch (e) {
      report(`Could not copy: ${errorMessage(e)}`, true)
    }
  }

  return (
    <section className="snippet-panel" aria-label="Code snippet">
      <TabList label="Shell or language" idPrefix="snippet" tabs={TABS} value={chosenId} onChange={setChosenId} />
      <div {...tabPanelProps('snippet', chosenId)} tabIndex={-1} className="snippet-panel">
        <div className="snippet-options">
          {language || commandLine ? null : (
            <label className="check">
              <input type="checkbox" checked={multiline} onChange={(e) => setMultiline(e.target.checked)} />
              Multi-line
            </label>
          )}
          {commandLine ? null : (
            <fieldset className="token-style">
              <legend>Token as</legend>
              {TOKEN_STYLES.map((t) => (
                <label key={t.id} className="check">
                  <input type="radio" name="snippet-token-style" checked={tokenStyle === t.id} onChange={() => setTokenStyle(t.id)} />
                  {t.label}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        {tokenStyle === 'real' && !commandLine ? (
          <p className="warn-text" role="note">
            The copied {language ? 'code' : 'command'} holds {active.name}'s real token: anyone who sees it can act as you. It is shown
            masked here; the clipboard is cleared after 60 seconds.
          </p>
        ) : null}
        {view.ok ? (
          <>
            {view.snippet.setup ? (
              <div className="snippet-setup">
                <span className="muted">Set the token first (put your own token in place of the placeholder):</span>
                <pre className="snippet-code" aria-label="Line that sets the token">
                  {view.snippet.setup}
                </pre>
              </div>
            ) : null}
            <pre id="snippet-code" className="snippet-code" aria-label={chosen.code} tabIndex={0}>
              {view.snippet.text}
            </pre>
            {view.snippet.bodyFile ? (
              <button
                type="button"
                onClick={() => downloadText(view.snippet.bodyFile!.text, view.snippet.bodyFile!.name, 'application/octet-stream')}
              >
                Save {view.snippet.bodyFile.name}
              </button>
            ) : null}
            {view.snippet.warnings.map((w) => (
              <p key={w} className="warn-text" role="note">
                {w}
              </p>
            ))}
          </>
        ) : (
          <p role="alert" className="error">
            No snippet for this request: {view.error}
          </p>
        )}
        <div className="row">
          <button type="button" className="primary" disabled={!view.ok} onClick={() => void copy()}>
            {tokenStyle === 'real' && !commandLine ? 'Copy with real token' : 'Copy'}
          </button>
          {status && status.about === view ? (
            <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
              {status.text}
            </span>
          ) : null}
        </div>
      </div>
    </section>
  )
}

function tokendeskView(
  draft: Parameters<typeof tokendeskSnippet>[0],
  workspace: { name: string; intercomVersion: string }
): { ok: true; snippet: Snippet } | { ok: false; error: string } {
  try {
    return { ok: true, snippet: tokendeskSnippet(draft, { workspace: workspace.name, defaultVersion: workspace.intercomVersion }) }
  } catch (e) {
    return { ok: false, error: errorMessage(e) }
  }
}
