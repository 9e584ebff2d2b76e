// The scope inspector: which of Intercom's permissions the active workspace's token holds, learned
// from probes that cannot change data and from every response, each state with its evidence.
import { useEffect, useMemo, useState } from 'react'
import { PERMISSIONS, PERMISSION_GROUP_LABELS, type Permission, type PermissionTier } from '../../../../shared/intercom/permissions'
import type { ScopeReport } from '../../../../shared/contract/scopes'
import { api, errorMessage } from '../../api/client'
import { EVIDENCE_LABELS, evidenceText } from './evidence'
import { useWorkspaces } from '../../state/workspaces'
import { useCommands, type Command } from '../../shell/commands'
import { useScopeReport, inspectScopes } from './useScopeReport'

export { useScopeReport, inspectScopes } from './useScopeReport'
export type { ScopeState, ScopeReportState } from './useScopeReport'

const TIERS: { tier: PermissionTier; title: string; blurb: string }[] = [
  { tier: 'standard', title: 'Standard scopes', blurb: 'People and conversation data; every app can have them.' },
  { tier: 'extended', title: 'Extended scopes', blurb: 'Workspace data; requested for an app in the Developer Hub.' },
  { tier: 'unlisted', title: 'Other identifiers', blurb: 'Named by the API reference but not on the scopes page.' }
]

/** Registers the palette's "Inspect scopes" for the active workspace (used by this view and the explorer). */
export function useInspectScopesCommand(workspaceId: string | null | undefined): void {
  const commands = useMemo<Command[]>(
    () =>
      workspaceId ? [{ id: 'scopes.inspect', title: 'Inspect scopes', section: 'Scopes', run: () => void inspectScopes(workspaceId) }] : [],
    [workspaceId]
  )
  useCommands(commands)
}

type PlannedWrite = Awaited<ReturnType<typeof api.scopes.plan>>[number]

export function ScopesView() {
  const { active } = useWorkspaces()
  const scopes = useScopeReport(active?.id)
  const [writes, setWrites] = useState(false)
  const [planned, setPlanned] = useState<PlannedWrite[] | null>(null)
  const [planError, setPlanError] = useState<string | null>(null)
  useInspectScopesCommand(active?.id)
  useEffect(() => {
    if (!writes || planned) return
    api.scopes
      .plan({ workspaceId: active?.id })
      .then(setPlanned)
      .catch((e: unknown) => setPlanError(errorMessage(e)))
  }, [writes, planned, active?.id])
  if (!active) {
    return (
      <section className="panel" aria-label="Scopes">
        <h1>No workspace selected</h1>
      </section>
    )
  }
  const { report, inspecting, error } = scopes
  return (
    <section className="panel scopes" aria-label="Scopes">
      <header className="panel-header">
        <span className="dot big" style={{ background: active.color }} aria-hidden />
        <h1>Scopes of {active.name}</h1>
        <span className="badge">{active.region}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void scopes.inspect(writes)} disabled={inspecting}>
          {inspecting ? 'Inspecting…' : 'Inspect scopes'}
        </button>
      </header>
      {report ? <Verdict report={report} /> : null}
      <p className="muted">
        Read permissions are checked with read-only <code>GET</code> requests (one item, or an id that cannot exist: a 404 then means the
        permission check passed). Every response you get in the explorer counts too. Write permissions are checked only if you ask, with
        requests Intercom must refuse.
      </p>
      <label className="scopes-writes">
        <input type="checkbox" checked={writes} onChange={(e) => setWrites(e.target.checked)} />
        Check write permissions without changing data
      </label>
      {writes ? (
        <section aria-label="Write checks" className="scopes-plan">
          <p className="muted">
            For each permission these requests are tried in this order until one tells; each must be refused after Intercom&apos;s
            permission check, so none can change data. The sandbox checks permissions first; for Intercom that order is an inference, and so
            are the results (“inferred from a refused request”).
          </p>
          {planError ? <p className="error">{planError}</p> : null}
          <ul>
            {(planned ?? []).map((p) => (
              <li key={`${p.permission} ${p.method} ${p.path}`}>
                <span className="mono">
                  {p.method} {p.path}
                </span>{' '}
                <span className="muted">
                  for <code>{p.permission}</code>: {p.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {inspecting ? (
        <div role="status" className="scopes-progress">
          <progress aria-label="Inspecting scopes" />
          <span>Probing permissions…</span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p role="status" className="muted" data-testid="scopes-checked">
        {report?.checkedAt
          ? `Checked ${new Date(report.checkedAt).toLocaleString()}`
          : report
            ? 'Learned from responses so far; press “Inspect scopes” to check the rest.'
            : 'Not inspected yet: press “Inspect scopes”.'}
      </p>
      {report ? <Summary report={report} /> : null}
      {TIERS.map(({ tier, title, blurb }) => (
        <TierTable key={tier} title={title} blurb={blurb} permissions={PERMISSIONS.filter((p) => p.tier === tier)} report={report} />
      ))}
    </section>
  )
}

function Verdict({ report }: { report: ScopeReport }) {
  const { verdict } = report
  return (
    <section aria-label="Verdict" className={`scopes-verdict ${verdict.kind}`}>
      <p>
        <strong>{verdict.title}:</strong> {verdict.detail}
      </p>
      {verdict.oauthNote ? <p className="muted">{verdict.oauthNote}</p> : null}
    </section>
  )
}

function Summary({ report }: { report: ScopeReport }) {
  const count = (state: string) => report.results.filter((r) => r.state === state).length
  const unknown = PERMISSIONS.length - count('granted') - count('denied')
  return (
    <p className="scopes-summary">
      <span className="badge granted">{count('granted')} granted</span> <span className="badge denied">{count('denied')} denied</span>{' '}
      <span className="badge">{unknown} unknown</span>
    </p>
  )
}

function TierTable({
  title,
  blurb,
  permissions,
  report
}: {
  title: string
  blurb: string
  permissions: Permission[]
  report: ScopeReport | null
}) {
  const groups = [...new Set(permissions.map((p) => p.group))]
  return (
    <section aria-label={title}>
      <h2 className="scopes-tier">{title}</h2>
      <p className="muted">{blurb}</p>
      <table className="scopes-table">
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">Access</th>
            <th scope="col">State</th>
            <th scope="col">Evidence</th>
            <th scope="col">Request</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group}>
            <tr className="scopes-group">
              <th scope="colgroup" colSpan={6}>
                {PERMISSION_GROUP_LABELS[group]}
              </th>
            </tr>
            {permissions
              .filter((p) => p.group === group)
              .map((p) => (
                <PermissionRow key={p.id} permission={p} result={report?.results.find((r) => r.permission === p.id)} />
              ))}
          </tbody>
        ))}
      </table>
    </section>
  )
}

function PermissionRow({ permission, result }: { permission: Permission; result: ScopeReport['results'][number] | undefined }) {
  const state = result?.state ?? 'unknown'
  return (
    <tr aria-label={permission.id}>
      <th scope="row">
        <code>{permission.id}</code>
        <div className="muted">{permission.label}</div>
      </th>
      <td>{permission.access}</td>
      <td>
        <span className={`badge ${state}`}>{state}</span>
      </td>
      <td>{result ? EVIDENCE_LABELS[result.evidence] : '—'}</td>
      <td className="mono">{result?.request ? `${result.request.method} ${result.request.path}` : <span className="muted">—</span>}</td>
      <td>
        {result ? (
          <>
            {result.status !== null ? <span className="mono">{evidenceText(result) || result.status} </span> : null}
            <div className={result.status === null ? 'muted' : ''}>{result.message ?? ''}</div>
          </>
        ) : (
          <span className="muted">not checked yet</span>
        )}
      </td>
    </tr>
  )
}
