// Intercom's `error.list` bodies: parse them, attach a hint per code, and explain 401/403 answers
// in the words a person needs (which token problem, or which permission is missing and where to get it).
import { permissionById } from '../../../shared/intercom/permissions'

export interface IntercomErrorItem {
  code: string
  message: string
  field?: string
  hint: string
}

const HINTS: Record<string, string> = {
  unauthorized: 'The token was not accepted. Check that it is complete and belongs to this workspace and region.',
  missing_authorization: 'No credential was sent. Pick an auth mode that adds the token.',
  token_revoked: 'The token was revoked. Re-authorize the app or generate a new access token.',
  token_blocked: 'Intercom blocked this token. Generate a new one or contact Intercom support.',
  token_suspended: 'The token is suspended. Check the app in the Developer Hub.',
  token_expired: 'The token has expired. Re-authorize the app to get a fresh one.',
  token_not_found: 'Intercom does not know this token. It may have been deleted or mistyped.',
  token_unauthorized: 'The token lacks the permission this endpoint needs. Add the scope to the app and re-authorize.',
  forbidden: 'The token may not do this; usually a missing permission (scope).',
  action_forbidden: 'This action is not allowed for this token or this resource.',
  api_plan_restricted: "The workspace's Intercom plan does not include this API feature.",
  rate_limit_exceeded: 'Too many requests in this window. Wait until the rate-limit reset time, then retry.',
  too_many_requests: 'Too many requests. Wait a little, then retry.',
  retry_after: 'Intercom asks you to retry later.',
  intercom_version_invalid: 'The Intercom-Version header names a version Intercom does not know. Pick one from the list.',
  not_found: 'Nothing exists at this path or id. Check the id and the workspace.',
  team_not_found: 'No team has this id.',
  admin_not_found: 'No teammate (admin) has this id.',
  company_not_found: 'No company has this id.',
  parameter_invalid: 'A parameter has a value Intercom rejects (invalid JSON also gives this). See the field named.',
  parameter_not_found: 'A required parameter is missing. See the field named.',
  parameter_missing: 'A required parameter is missing. See the field named.',
  missing_parameter: 'A required parameter is missing. See the field named.',
  type_mismatch: 'A value has the wrong type (for example text where a number is expected).',
  data_invalid: 'The data failed validation. See the message and field.',
  unprocessable_entity: 'The request was understood but could not be applied. See the message.',
  bad_request: 'The request is malformed. Check the body and parameters.',
  client_error: 'The request was rejected. See the message.',
  conflict: 'This conflicts with the current state, often a duplicate (same email or external id).',
  resource_conflict: 'This conflicts with another change to the same resource. Reload and retry.',
  unique_user_constraint: 'A contact with this email or external id already exists.',
  server_error: 'Intercom had an internal error. Retry once; if it persists, check status.intercom.com.',
  service_unavailable: 'Intercom is temporarily unavailable. Retry in a moment.',
  request_timeout: 'Intercom took too long on its side. Retry, perhaps with a smaller page.',
  unsupported: 'This is not supported for this resource or API version.',
  scroll_exists: 'A scroll is already open for this app. Finish it or wait a minute for it to expire.',
  job_closed: 'This job is already closed; start a new one.',
  not_restorable: 'This item can no longer be restored.',
  team_unavailable: 'This team cannot be used here.',
  custom_data_limit_reached: 'The workspace reached its limit of custom data attributes.',
  invalid_document: 'The document is not valid for this endpoint.',
  tag_has_dependent_objects: 'The tag is still in use (for example by rules or messages); remove those first.'
}

export function hintFor(code: string): string {
  return HINTS[code] ?? 'See the message for details.'
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The errors of an `error.list` body, or null when the text is not one. */
export function parseIntercomErrors(text: string): IntercomErrorItem[] | null {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(body) || body.type !== 'error.list' || !Array.isArray(body.errors)) return null
  return body.errors.filter(isRecord).map((e) => {
    const code = typeof e.code === 'string' ? e.code : 'unknown'
    const item: IntercomErrorItem = { code, message: typeof e.message === 'string' ? e.message : '', hint: hintFor(code) }
    if (typeof e.field === 'string') item.field = e.field
    return item
  })
}

export type AuthFailureCause =
  'invalid_token' | 'revoked_token' | 'expired_token' | 'missing_permission' | 'plan_restricted' | 'forbidden' | 'retired_key'

export interface AuthExplanation {
  cause: AuthFailureCause
  title: string
  detail: string
  /** The permission id the answer (or the catalog) says is missing, when known. */
  permission?: string
}

/** Intercom names the missing scope in 403 messages: "You do not have the required scope (x) to ...". */
const SCOPE_IN_MESSAGE = /required scope \(([a-z0-9_]+)\)/i

function missingPermission(permission: string | null): AuthExplanation {
  const perm = permission ? permissionById(permission) : undefined
  const name = perm ? `"${perm.label}" (${perm.id})` : permission ? `"${permission}"` : 'a permission this endpoint needs'
  const where =
    "Scopes are set on the app's Authentication page in Intercom's Developer Hub; after changing them, re-authorize the app or generate a new token."
  const tierAdvice =
    perm?.tier === 'extended'
      ? `It is an extended scope: a token with standard scopes only cannot use it, so request the extended scope for the app. ${where}`
      : where
  const result: AuthExplanation = {
    cause: 'missing_permission',
    title: `Missing permission: ${name}`,
    detail: `The token works but lacks ${name}. ${tierAdvice}`
  }
  if (permission) result.permission = permission
  return result
}

/**
 * Explains a 401 or 403 for the response panel; null for any other status.
 * `requiredPermission` is what the catalog says the operation needs, used when the answer does not name one.
 */
export function explainAuthFailure(
  status: number,
  errors: readonly IntercomErrorItem[] | null,
  opts: { requiredPermission?: string | null; legacyKey?: boolean } = {}
): AuthExplanation | null {
  if (status !== 401 && status !== 403) return null
  // Nothing about a retired app_id:api_key pair can be fixed by checking it: it must be replaced.
  if (status === 401 && opts.legacyKey)
    return {
      cause: 'retired_key',
      title: 'Intercom retired API keys',
      detail:
        'Intercom retired API keys: migrate to an Access Token. Token Desk verifies the new token belongs to this workspace and replaces the key pair.'
    }
  const list = errors ?? []
  const has = (...codes: string[]) => list.some((e) => codes.includes(e.code))
  const named = list.map((e) => SCOPE_IN_MESSAGE.exec(e.message)?.[1]).find((x): x is string => !!x)

  if (has('token_revoked', 'token_blocked', 'token_suspended'))
    return {
      cause: 'revoked_token',
      title: 'The token was revoked',
      detail:
        'Intercom no longer accepts this token. Re-authorize the app (OAuth) or generate a new access token in the Developer Hub, then update this workspace.'
    }
  if (has('token_expired'))
    return {
      cause: 'expired_token',
      title: 'The token has expired',
      detail: 'Re-authorize the app to get a fresh token, then update this workspace.'
    }
  if (has('api_plan_restricted'))
    return {
      cause: 'plan_restricted',
      title: "Not included in the workspace's plan",
      detail: "The token is fine, but the workspace's Intercom plan does not include this API feature."
    }
  // A 403, a scope named in the message, or the older 401 token_unauthorized all mean "valid token, missing permission".
  if (named || has('token_unauthorized') || (status === 403 && (list.length === 0 || has('forbidden'))))
    return missingPermission(named ?? opts.requiredPermission ?? null)
  if (status === 403)
    return { cause: 'forbidden', title: 'Forbidden', detail: list[0]?.message || 'Intercom refused this request for this token.' }
  return {
    cause: 'invalid_token',
    title: has('missing_authorization') ? 'No token was sent' : 'The token is invalid',
    detail: has('missing_authorization')
      ? 'The request carried no credential. Choose an auth mode that sends the token.'
      : 'Intercom did not accept the token: it may be mistyped, deleted, for another region, or sent in the wrong auth mode. Check it, or generate a new one in the Developer Hub.'
  }
}
