// The response panel: status line and timings, rate-limit gauge, Intercom errors, the 401/403
// explanation, and the Pretty / Raw / Headers views of the body.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RateLimitInfo, ResponseSummary } from '../../../../shared/contract/requests'
import { errorMessage } from '../../api/client'
import { JsonView } from './JsonView'
import { useBodyDocument, markResponseReady, remoteChunks, type BodySource } from './useBodyDocument'
import { PartNav, ROW_HEIGHT, useWindowedRows } from './useWindowedRows'
import type { DocumentClient } from '../../../../shared/json-document/protocol'
import { bodyFilename, formatBytes, formatCountdown, formatMs } from '../../lib/format'
import { isJsonContentType } from '../../../../shared/json-document/content-type'
import { downloadText } from '../../lib/download'
import { showView } from '../../shell/views'
import { TabList, tabPanelProps } from '../../lib/Tabs'

type Tab = 'pretty' | 'raw' | 'headers'
const RESPONSE_TABS: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'pretty', label: 'Pretty' },
  { id: 'raw', label: 'Raw' },
  { id: 'headers', label: 'Headers' }
]

export function ResponseViewer({ summary, operationId }: { summary: ResponseSummary; operationId: string | null }) {
  const [tab, setTab] = useState<Tab>('pretty')
  const source: BodySource = summary.bodyOnDisk
    ? { kind: 'remote', requestId: summary.requestId }
    : { kind: 'inline', text: summary.bodyText ?? '' }
  const [saveError, setSaveError] = useState<string | null>(null)
  const json = isJsonContentType(summary.contentType)
  return (
    <section className="response" aria-label="Response">
      <div className="response-meta" role="status" aria-label="Response status">
        <strong className={`status-code s${String(summary.status)[0]}xx`}>
          {summary.status} {summary.statusText}
        </strong>
        <span>Total {formatMs(summary.timing.totalMs)}</span>
        <span>TTFB {formatMs(summary.timing.ttfbMs)}</span>
        <span>Download {formatMs(summary.timing.downloadMs)}</span>
        <span>Size {formatBytes(summary.bytes)}</span>
        {summary.redirects.length > 0 ? (
          <span title={summary.redirects.map((r) => `${r.status} → ${r.url}`).join('\n')}>
            {summary.redirects.length} {summary.redirects.length === 1 ? 'redirect' : 'redirects'}
          </span>
        ) : null}
        {summary.rateLimit ? <RateLimitGauge rateLimit={summary.rateLimit} /> : null}
      </div>
      {summary.explanation ? (
        <div className="explanation" role="alert" aria-label="Why this failed">
          <strong>{summary.explanation.title}</strong>
          <p>{summary.explanation.detail}</p>
          {summary.explanation.permission ? (
            <p>
              Missing permission: <code>{summary.explanation.permission}</code>
            </p>
          ) : null}
          {summary.explanation.cause === 'retired_key' ? (
            <button type="button" className="primary" onClick={() => showView('workspace')}>
              Migrate to an Access Token
            </button>
          ) : null}
        </div>
      ) : null}
      {summary.intercomErrors?.length ? (
        <table className="intercom-errors" aria-label="Intercom errors">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
              <th scope="col">Hint</th>
            </tr>
          </thead>
          <tbody>
            {summary.intercomErrors.map((e, i) => (
              <tr key={i}>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>
                  {e.message}
                  {e.field ? <span className="muted"> ({e.field})</span> : null}
                </td>
                <td>{e.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="row response-tabs">
        <TabList label="Response views" idPrefix="response-view" tabs={RESPONSE_TABS} value={tab} onChange={setTab} />
        <span className="spacer" />
        <button
          type="button"
          onClick={() => {
            setSaveError(null)
            void bodyParts(source).then(
              (parts) =>
                downloadText(
                  parts,
                  bodyFilename(operationId, summary.status, summary.contentType, new Date()),
                  summary.contentType ?? 'application/octet-stream'
                ),
              (e: unknown) => setSaveError(errorMessage(e))
            )
          }}
        >
          Save body…
        </button>
      </div>
      {saveError ? (
        <p role="alert" className="error">
          Could not load the body: {saveError}
        </p>
      ) : null}
      <div {...tabPanelProps('response-view', tab)} tabIndex={-1} className="response-panel">
        {tab === 'headers' ? (
          <HeadersView summary={summary} />
        ) : (
          <BodyViews source={source} json={json} bytes={summary.bytes} raw={tab === 'raw'} />
        )}
      </div>
    </section>
  )
}

/** The whole body as pieces (a Blob joins them without building one huge string). */
async function bodyParts(source: BodySource): Promise<string[]> {
  if (source.kind === 'inline') return [source.text]
  const parts: string[] = []
  for await (const part of remoteChunks(source.requestId)) parts.push(part)
  return parts
}

function BodyViews({ source, json, bytes, raw }: { source: BodySource; json: boolean; bytes: number; raw: boolean }) {
  const doc = useBodyDocument(source, json)
  const empty = source.kind === 'inline' && source.text === ''
  useEffect(() => {
    // An empty body has no lines to wait for.
    if (empty) markResponseReady(true)
  }, [empty])
  if (empty) return <p className="muted">The response has no body.</p>
  if (doc.phase === 'formatting') {
    return (
      <div role="status" className="formatting">
        <progress aria-label="Formatting the response" />
        <span>{`Formatting ${formatBytes(bytes)}…`}</span>
      </div>
    )
  }
  if (doc.phase === 'error') {
    return (
      <p role="alert" className="error">
        Could not format the response: {doc.message}
      </p>
    )
  }
  if (raw || !doc.json) {
    return (
      <>
        {!raw && doc.parseError ? <p className="warn-text">Not valid JSON ({doc.parseError}); showing it as text.</p> : null}
        <RawView client={doc.client} />
      </>
    )
  }
  return <JsonView client={doc.client} initialLines={doc.lines} />
}

function RawView({ client }: { client: DocumentClient }) {
  const [total, setTotal] = useState(1)
  const scrollRef = useRef<HTMLDivElement>(null)
  const load = useCallback(
    (from: number, to: number) =>
      client.ask({ type: 'raw', from, to }).then((r) => {
        setTotal(r.total)
        return r.rows
      }),
    [client]
  )
  const { virtualizer, rowAt, shown, base, setBase } = useWindowedRows<string>(scrollRef, total, 0, load)
  useEffect(() => {
    if (shown) markResponseReady(true)
  }, [shown])
  return (
    <>
      <PartNav base={base} total={total} onChange={setBase} />
      <div ref={scrollRef} className="lines-scroll raw" role="document" aria-label="Raw response body" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div key={item.key} className="line-slot raw-line" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              {rowAt(item.index) ?? ''}
            </div>
          ))}
        </div>
      </div>
    </>
  )
}

function HeadersView({ summary }: { summary: ResponseSummary }) {
  return (
    <div className="headers-view">
      <p className="mono break">
        {summary.method} {summary.url}
      </p>
      <HeaderTable title="Response headers" rows={summary.headers} />
      <HeaderTable title="Request headers (as sent; Authorization masked)" rows={summary.sentHeaders} />
    </div>
  )
}

function HeaderTable({ title, rows }: { title: string; rows: [string, string][] }) {
  return (
    <table className="header-table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={i}>
            <td className="mono">{name}</td>
            <td className="mono break">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RateLimitGauge({ rateLimit }: { rateLimit: RateLimitInfo }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  const left = rateLimit.resetAt - now
  return (
    <span className="rate-limit">
      <label>
        Rate limit{' '}
        <meter
          min={0}
          max={rateLimit.limit}
          value={rateLimit.remaining}
          low={rateLimit.limit * 0.2}
          optimum={rateLimit.limit}
          aria-label="Rate limit remaining"
        />
      </label>{' '}
      <span>
        {rateLimit.remaining} of {rateLimit.limit} left
      </span>
      <span className="muted">{left > 0 ? `resets in ${formatCountdown(left)}` : 'reset'}</span>
    </span>
  )
}
