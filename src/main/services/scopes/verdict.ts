// The verdict at the top of the inspector, in Intercom's own terms: standard scopes come with
// every app; extended scopes must be requested in Developer Hub.
import type { ScopeVerdict } from '../../../shared/contract/scopes'
import { catalog } from '../../../shared/intercom/catalog'
import { PERMISSIONS } from '../../../shared/intercom/permissions'
import type { Finding } from './findings'

const EXTENDED = PERMISSIONS.filter((p) => p.tier === 'extended')
/** The extended scopes people ask about first (to call /admins or /articles); named before the rest. */
const HEADLINE = ['read_admins', 'read_articles_scope', 'read_news']
const headlineFirst = (ids: string[]) => {
  const rank = (id: string) => (HEADLINE.includes(id) ? HEADLINE.indexOf(id) : HEADLINE.length)
  return [...ids].sort((a, b) => rank(a) - rank(b))
}
const DEVELOPER_HUB = 'Developer Hub → your app → Authentication → Edit scopes'

export const OAUTH_NOTE =
  'This workspace signed in with OAuth: its permissions are the ones ticked for the app in Developer Hub, not something chosen at sign-in. Change them there, then sign in again.'

/** A short path that needs the permission (`/admins`), for the advice. */
function examplePath(permission: string): string | null {
  const op = catalog.operations.find(
    (o) => o.method === 'GET' && !o.path.includes('{') && o.needs.some((n) => n.permission === permission && !n.condition)
  )
  return op?.path ?? null
}

const labelOf = (id: string) => PERMISSIONS.find((p) => p.id === id)?.label ?? id

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** The verdict; its detail continues its title ("Standard scopes only: the extended scopes (…) are not granted. …"). */
export function verdictFor(results: readonly Finding[], { oauth }: { oauth: boolean }): ScopeVerdict {
  const stateOf = (id: string) => results.find((r) => r.permission === id)?.state ?? 'unknown'
  const granted = EXTENDED.filter((p) => stateOf(p.id) === 'granted').map((p) => p.id)
  const missing = EXTENDED.filter((p) => stateOf(p.id) === 'denied').map((p) => p.id)
  const oauthNote = oauth ? OAUTH_NOTE : null
  const paths = [
    ...new Set(
      headlineFirst(missing)
        .map(examplePath)
        .filter((p): p is string => p !== null)
    )
  ].slice(0, 2)
  const advice = `To call ${paths.length > 0 ? paths.join(' or ') : 'those endpoints'}, request them in ${DEVELOPER_HUB}.`
  // Every missing scope is named: the verdict is the place to learn which ones to ask for.
  const names = headlineFirst(missing).map(labelOf).join(', ')
  if (missing.length > 0 && granted.length === 0) {
    return {
      kind: 'standard_only',
      title: 'Standard scopes only',
      detail: `the extended scopes (${names}) are not granted. ${advice}`,
      missing,
      oauthNote
    }
  }
  if (missing.length > 0) {
    return {
      kind: 'extended_partial',
      title: 'Some extended scopes granted',
      detail: `${list(granted.map(labelOf))}; not ${names}. ${advice}`,
      missing,
      oauthNote
    }
  }
  if (granted.length > 0) {
    const unknown = EXTENDED.length - granted.length
    return {
      kind: 'extended_granted',
      title: 'Extended scopes granted',
      detail: `${granted.length} of ${EXTENDED.length} seen granted${unknown > 0 ? `, ${unknown} not checked yet` : ''}, none denied.`,
      missing,
      oauthNote
    }
  }
  return {
    kind: 'unknown',
    title: 'Not known yet',
    detail: 'inspect the scopes, or send requests: every answer teaches which permissions this token has.',
    missing,
    oauthNote
  }
}
