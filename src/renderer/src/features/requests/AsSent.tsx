// "As sent": the request line and headers exactly as they went out (Authorization masked; Reveal
// asks main for it), the response headers and the timing, and "Copy as curl" of that request.
import { useState } from 'react'
import type { ResponseSummary } from '../../../../shared/contract/requests'
import type { RequestDraft } from '../../../../shared/model'
import { curlSnippet } from '../../../../shared/snippets'
import { api, errorMessage } from '../../api/client'
import { copyText } from '../../lib/clipboard'
import { formatMs } from '../../lib/format'

/** The curl command for what was sent; the token is read from $INTERCOM_TOKEN, never written out. */
export function asSentCurl(summary: ResponseSummary, sent: RequestDraft): string {
  const typedAuth = sent.headers.some((h) => h.enabled && h.name.trim().toLowerCase() === 'authorization')
  const headers = typedAuth ? summary.sentHeaders : summary.sentHeaders.filter(([name]) => name.toLowerCase() !== 'authorization')
  const prepared = { method: summary.method, url: summary.url, headers, body: sent.body }
  return curlSnippet(
    prepared,
    { mode: typedAuth ? 'none' : sent.authMode, secret: null },
    { shell: 'posix', multiline: true, tokenStyle: 'env' }
  ).text
}

export function AsSent({ summary, sent }: { summary: ResponseSummary; sent: RequestDraft }) {
  const [open, setOpen] = useState(false)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const reveal = () =>
    void api.requests.revealAuthorization({ requestId: summary.requestId }).then(
      ({ value }) => (value ? setRevealed(value) : setMessage('That request is no longer held; send it again to reveal its header.')),
      (e: unknown) => setMessage(errorMessage(e))
    )
  const copy = () =>
    void copyText(asSentCurl(summary, sent)).then(
      () => setMessage('Copied as curl (the token is read from $INTERCOM_TOKEN).'),
      (e: unknown) => setMessage(errorMessage(e))
    )
  return (
    <div className="as-sent">
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        As sent
      </button>
      {open ? (
        <section aria-label="As sent" className="as-sent-body">
          <pre className="mono" aria-label="Request line and headers">
            {`${summary.method} ${summary.url}\n`}
            {summary.sentHeaders
              .map(([name, value]) => `${name}: ${revealed && name.toLowerCase() === 'authorization' ? revealed : value}\n`)
              .join('')}
          </pre>
          <div className="row">
            {summary.sentHeaders.some(([name]) => name.toLowerCase() === 'authorization') ? (
              revealed ? (
                <button type="button" onClick={() => setRevealed(null)}>
                  Hide Authorization
                </button>
              ) : (
                <button type="button" onClick={reveal}>
                  Reveal Authorization
                </button>
              )
            ) : null}
            <button type="button" onClick={copy}>
              Copy as curl
            </button>
            <span className="muted">
              Total {formatMs(summary.timing.totalMs)} · TTFB {formatMs(summary.timing.ttfbMs)} · Download{' '}
              {formatMs(summary.timing.downloadMs)}
            </span>
          </div>
          {message ? <p role="status">{message}</p> : null}
          <pre className="mono" aria-label="Response headers">
            {`${summary.status} ${summary.statusText}\n`}
            {summary.headers.map(([name, value]) => `${name}: ${value}\n`).join('')}
          </pre>
        </section>
      ) : null}
    </div>
  )
}
