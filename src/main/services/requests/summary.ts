// What the renderer sees of an answer: the response summary, with the sent Authorization masked.
import type { CatalogOperation } from '../../../shared/intercom/catalog'
import { contentLength, maskSecret } from '../../../shared/request/build'
import type { ResponseSummary } from '../../../shared/contract/requests'
import { explainAuthFailure } from '../http/intercom-errors'
import type { ExecutedResponse } from './executor'

/** Bodies up to this size travel with the summary; larger ones are fetched on demand. */
const INLINE_BODY_LIMIT = 1024 * 1024

type Sent = { method: string; url: string; headers: Array<[string, string]>; body: string | null }

function maskAuthorization(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.map(([name, value]) => {
    if (name.toLowerCase() !== 'authorization') return [name, value]
    const [scheme, secret = ''] = value.split(' ')
    return [name, `${scheme} ${maskSecret(secret)}`]
  })
}

function withContentLength(sent: Sent): Array<[string, string]> {
  const length = contentLength(sent)
  return length === null ? sent.headers : [...sent.headers, ['Content-Length', length]]
}

export function summarize(
  requestId: string,
  sent: Sent,
  response: ExecutedResponse,
  op: CatalogOperation | null,
  legacyKey = false
): ResponseSummary {
  const explanation = explainAuthFailure(response.status, response.intercomErrors, {
    requiredPermission: op?.permission ?? null,
    legacyKey
  })
  const inline = response.body.kind === 'inline' && response.bytes <= INLINE_BODY_LIMIT ? response.body.text : null
  return {
    requestId,
    method: sent.method,
    url: sent.url,
    // Everything that went out but Host and Connection, which the HTTP client owns.
    sentHeaders: maskAuthorization(withContentLength(sent)),
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    contentType: response.contentType,
    bodyText: inline,
    bodyOnDisk: inline === null,
    bodyPreview:
      response.body.kind === 'file'
        ? response.body.preview
        : inline === null && response.body.kind === 'inline'
          ? response.body.text.slice(0, 64 * 1024)
          : null,
    bytes: response.bytes,
    timing: { totalMs: response.timing.totalMs, ttfbMs: response.timing.ttfbMs, downloadMs: response.timing.downloadMs },
    redirects: response.redirects,
    rateLimit: response.rateLimit,
    intercomErrors: response.intercomErrors,
    explanation: explanation
      ? { cause: explanation.cause, title: explanation.title, detail: explanation.detail, permission: explanation.permission ?? null }
      : null
  }
}
