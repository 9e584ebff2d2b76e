// How a permission's state and its evidence read on screen; one wording for the Scopes view and
// the composer's badge.
import type { ScopeResult } from '../../../../shared/contract/scopes'

export const EVIDENCE_LABELS: Record<ScopeResult['evidence'], string> = {
  probe: 'probe',
  response: 'response',
  'refused-request': 'inferred from a refused request',
  none: '—'
}

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })

/** "seen 200 at 10:42", "probe answered 404 at 10:42", "inferred from a refused request (404 at 10:42)". */
export function evidenceText(result: ScopeResult): string {
  if (result.status === null || result.at === null || result.evidence === 'none') return ''
  const when = `${result.status} at ${clockTime(result.at)}`
  if (result.evidence === 'response') return `seen ${when}`
  if (result.evidence === 'probe') return `probe answered ${when}`
  return `inferred from a refused request (${when})`
}

/** "granted (seen 200 at 10:42)". */
export function stateWithEvidence(result: ScopeResult): string {
  const evidence = evidenceText(result)
  return evidence ? `${result.state} (${evidence})` : result.state
}
