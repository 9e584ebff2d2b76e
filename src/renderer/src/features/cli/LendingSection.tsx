// Workspace settings › "Lend to the command line": whether `tokendesk` may use this workspace, and
// every time it did (when, what, process, folder). Withdrawing is one click.
import { useEffect, useState } from 'react'
import type { Lending } from '../../../../shared/contract/cli'
import type { Workspace } from '../../../../shared/model'
import { api, errorMessage, on } from '../../api/client'
import { INSTALL_TITLE, installCommandLineTool } from './installTool'

export function LendingSection({ workspace, onError }: { workspace: Workspace; onError: (e: string) => void }) {
  const [lending, setLending] = useState<Lending | null>(null)
  const [installing, setInstalling] = useState(false)
  useEffect(() => {
    let live = true
    const load = () =>
      void api.cli.lending({ workspaceId: workspace.id }).then(
        (l) => live && setLending(l),
        (e: unknown) => live && onError(errorMessage(e))
      )
    load()
    const stop = on.lendingChanged(({ workspaceId }) => workspaceId === workspace.id && load())
    return () => {
      live = false
      stop()
    }
  }, [workspace.id, onError])
  if (!lending) return null
  const set = (allowed: boolean) => {
    // Shown at once; main's answer (or the old state, if it fails) follows.
    const before = lending
    setLending({ ...lending, allowed })
    void api.cli.setLending({ workspaceId: workspace.id, allowed }).then(setLending, (e: unknown) => {
      setLending(before)
      onError(errorMessage(e))
    })
  }
  return (
    <section className="lending" aria-label="Lend to the command line">
      <h2>Command line</h2>
      <label className="check">
        <input type="checkbox" checked={lending.allowed} onChange={(e) => set(e.target.checked)} />
        Lend to the command line
      </label>
      <p className="muted">
        {lending.allowed
          ? 'tokendesk api, run, env and token may use this workspace.'
          : 'tokendesk asks on the terminal before using this workspace, and refuses when there is no terminal.'}
      </p>
      {lending.allowed ? (
        <button type="button" className="danger" onClick={() => set(false)}>
          Withdraw access
        </button>
      ) : null}
      {lending.lends.length ? (
        <table className="lends" aria-label="Lends to the command line">
          <thead>
            <tr>
              <th>When</th>
              <th>Command</th>
              <th>Process</th>
              <th>Folder</th>
            </tr>
          </thead>
          <tbody>
            {lending.lends.map((lend, i) => (
              <tr key={`${lend.at}-${i}`}>
                <td>{new Date(lend.at).toLocaleString()}</td>
                <td>
                  <code>tokendesk {lend.command}</code>
                </td>
                <td>{lend.pid}</td>
                <td>
                  <code>{lend.cwd}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Not lent yet.</p>
      )}
      <p className="muted">Puts the tokendesk command on your PATH, as VS Code installs code.</p>
      <button
        type="button"
        disabled={installing}
        onClick={() => {
          setInstalling(true)
          void installCommandLineTool().finally(() => setInstalling(false))
        }}
      >
        {INSTALL_TITLE}
      </button>
    </section>
  )
}
