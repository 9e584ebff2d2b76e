// What the composer's operation needs and what is known of it for this token, from the same
// knowledge as the Scopes view: "needs read_tags · granted (seen 200 at 10:42)", then whether the
// need is documented or inferred. A conditional need shows its condition, and "not needed" when
// this credential does not meet it.
import type { CatalogOperation } from '../../../../shared/intercom/catalog'
import type { PermissionNeed } from '../../../../shared/intercom/permissions'
import type { Workspace } from '../../../../shared/model'
import { stateWithEvidence } from './evidence'
import { useScopeReport, type ScopeReportState } from './useScopeReport'

function NeedState({
  need,
  workspace,
  scopes,
  main
}: {
  need: PermissionNeed
  workspace: Workspace
  scopes: ScopeReportState
  main: boolean
}) {
  const testId = main ? 'permission-state' : undefined
  if (need.condition?.credential === 'oauth' && workspace.authKind !== 'oauth') {
    return (
      <span className="badge" data-testid={testId}>
        not needed for this token
      </span>
    )
  }
  const result = scopes.resultOf(need.permission)
  const text =
    result && result.state !== 'unknown' ? stateWithEvidence(result) : scopes.report ? 'unknown for this token' : 'not inspected yet'
  return (
    <span className={`badge ${result?.state ?? 'unknown'}`} data-testid={testId} title={result?.message ?? undefined}>
      {text}
    </span>
  )
}

export function PermissionBadge({ workspace, operation }: { workspace: Workspace; operation: CatalogOperation }) {
  const scopes = useScopeReport(workspace.id)
  if (operation.needs.length === 0) return <span className="perm muted">permission unknown</span>
  return (
    <>
      {operation.needs.map((need, i) => (
        <span key={need.permission} className="perm-need">
          {i > 0 ? <span className="muted"> and </span> : null}
          <code>{need.permission}</code>
          {need.condition ? <span className="muted"> ({need.condition.text})</span> : null} <span className="muted">·</span>{' '}
          <NeedState need={need} workspace={workspace} scopes={scopes} main={i === 0} />{' '}
          <span
            className={need.source === 'documented' ? 'ok-text' : 'warn-text'}
            title={need.source === 'documented' ? `Documented: ${need.basis}` : `Not documented: ${need.basis}`}
          >
            {need.source === 'documented' ? '✓ documented' : '≈ inferred'}
          </span>
        </span>
      ))}
    </>
  )
}
