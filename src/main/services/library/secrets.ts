// Finds credentials a person typed into a request by hand, so they never reach a saved file,
// a history entry or an export. Two signals: a row whose NAME says "secret" (Authorization,
// api_key, token...), and a VALUE shaped like a credential wherever it is (JWT, Intercom token, ...).
import type { KeyValue, RequestDraft } from '../../../shared/model'
import type { SecretFinding } from '../../../shared/library'
import { maskSecret } from '../../../shared/request/build'
import { cutSecrets, SECRET_VALUE_PATTERNS, secretForms } from '../../../shared/request/secret-forms'
import { secretsInPlay } from '../core/redact'

const SECRET_NAME = /authorization|cookie|token|api[-_ ]?key|apikey|secret|passw(or)?d|credential|private[-_ ]?key|client[-_ ]?secret/i

const REDACTED = '{{redacted}}'

/** A `{{variable}}` (or nothing) is a placeholder, not a secret. */
const isPlaceholder = (value: string): boolean => /^\s*(\{\{[^{}]+\}\}\s*)*$/.test(value.replace(/^(Bearer|Basic)\s+/i, ''))

/** Masking has one rule, shared with previews and snippets. */
export { maskSecret }

function valueMatches(text: string): string[] {
  const found: string[] = []
  for (const pattern of SECRET_VALUE_PATTERNS) for (const m of text.matchAll(pattern)) found.push(m[0])
  return found
}

function scanRows(rows: readonly KeyValue[], location: 'header' | 'query'): Array<SecretFinding & { index: number }> {
  const out: Array<SecretFinding & { index: number }> = []
  rows.forEach((row, index) => {
    const byName = SECRET_NAME.test(row.name) && !isPlaceholder(row.value)
    const byValue = valueMatches(row.value)
    if (byName || byValue.length > 0)
      out.push({ location, name: row.name, preview: maskSecret(row.value.trim().replace(/^(Bearer|Basic)\s+/i, '')), index })
  })
  return out
}

/** String values under secret-looking keys of a JSON body, with their JSON path. */
function jsonKeySecrets(body: string): Array<{ name: string; value: string }> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return []
  }
  const out: Array<{ name: string; value: string }> = []
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}[${i}]`))
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        const p = path ? `${path}.${k}` : k
        if (typeof v === 'string' && SECRET_NAME.test(k) && !isPlaceholder(v)) out.push({ name: p, value: v })
        else walk(v, p)
      }
  }
  walk(parsed, '')
  return out
}

/** Secret substrings of free text (body, path): the exact text to cut out, plus how to report it. */
function textSecrets(text: string, jsonAware: boolean): Array<{ name: string; raw: string }> {
  const out: Array<{ name: string; raw: string }> = []
  if (jsonAware) for (const { name, value } of jsonKeySecrets(text)) out.push({ name, raw: JSON.stringify(value).slice(1, -1) })
  for (const raw of valueMatches(text)) if (!out.some((o) => o.raw.includes(raw))) out.push({ name: '(value)', raw })
  return out
}

function pathSecrets(draft: RequestDraft): Array<{ name: string; raw: string }> {
  const out = textSecrets(draft.path, false).map((s) => ({ ...s, name: 'path' }))
  // Query strings typed straight into the path: ?access_token=...
  for (const m of draft.path.matchAll(/[?&]([^=&#]+)=([^&#]*)/g))
    if (m[1] && m[2] && SECRET_NAME.test(m[1]) && !isPlaceholder(m[2]) && !out.some((o) => o.raw === m[2]))
      out.push({ name: m[1], raw: m[2] })
  for (const [name, value] of Object.entries(draft.pathParams)) for (const s of textSecrets(value, false)) out.push({ name, raw: s.raw })
  return out
}

/** A finding with the secret itself: for the main process only (e.g. to offer it to the vault). */
export type SecretWithValue = SecretFinding & { value: string }

/** Every credential in the draft, with its value. Header values lose a leading "Bearer "/"Basic ". */
export function findSecretValues(draft: RequestDraft): SecretWithValue[] {
  const rowValue = (rows: readonly KeyValue[], i: number): string => (rows[i]?.value ?? '').trim().replace(/^(Bearer|Basic)\s+/i, '')
  const fromText =
    (location: 'path' | 'body') =>
    (s: { name: string; raw: string }): SecretWithValue => ({
      location,
      name: s.name,
      preview: maskSecret(s.raw),
      value: s.raw
    })
  return [
    ...scanRows(draft.headers, 'header').map(({ index, ...f }) => ({ ...f, value: rowValue(draft.headers, index) })),
    ...scanRows(draft.query, 'query').map(({ index, ...f }) => ({ ...f, value: rowValue(draft.query, index) })),
    ...pathSecrets(draft).map(fromText('path')),
    ...(draft.body === null ? [] : textSecrets(draft.body, true)).map(fromText('body'))
  ]
}

/** Everything in the draft that looks like a credential, masked (safe to send to the renderer). */
export function detectSecrets(draft: RequestDraft): SecretFinding[] {
  return findSecretValues(draft).map(({ location, name, preview }) => ({ location, name, preview }))
}

function cutOut(text: string, raws: readonly string[]): string {
  return raws.reduce((t, raw) => (raw ? t.split(raw).join(REDACTED) : t), text)
}

/**
 * Removes every detected secret: header/query rows are dropped, secrets inside the path or body are
 * replaced by `{{redacted}}`. `alsoRemove` lists exact values known to be secret (e.g. the token that
 * was sent); they and the secrets in play are cut out wherever they appear, in every form.
 */
export function stripSecrets(
  draft: RequestDraft,
  opts: { dropAuthorization?: boolean; alsoRemove?: readonly string[] } = {}
): RequestDraft {
  // Every form each known secret can take (raw, base64, Basic, URL-encoded…), longest first.
  const known = secretsInPlay(opts.alsoRemove ?? [])
    .flatMap(secretForms)
    .sort((a, b) => b.length - a.length)
  const keepRows = (rows: readonly KeyValue[], location: 'header' | 'query'): KeyValue[] => {
    const flagged = new Set(scanRows(rows, location).map((f) => f.index))
    return rows
      .filter((row, i) => !flagged.has(i) && !(opts.dropAuthorization && location === 'header' && /^authorization$/i.test(row.name.trim())))
      .map((row) => ({ ...row, value: cutOut(row.value, known) }))
  }
  const pathRaws = [...pathSecrets(draft).map((s) => s.raw), ...known]
  const body = draft.body === null ? null : cutOut(draft.body, [...textSecrets(draft.body, true).map((s) => s.raw), ...known])
  return {
    ...draft,
    path: cutOut(draft.path, pathRaws),
    pathParams: Object.fromEntries(Object.entries(draft.pathParams).map(([k, v]) => [k, cutOut(v, pathRaws)])),
    headers: keepRows(draft.headers, 'header'),
    query: keepRows(draft.query, 'query'),
    body
  }
}

/** Pattern-based redaction of free text (e.g. a response body) plus every form of the known values and the secrets in play. */
export function redactText(text: string, alsoRemove: readonly string[] = []): string {
  const cut = cutSecrets(text, secretsInPlay(alsoRemove), REDACTED)
  return cutOut(cut, valueMatches(cut))
}
