// The shown response body as a formatted document. A body that came with its summary is
// formatted by a Web Worker made for it (thrown away with everything it holds when the next
// response arrives); a large one is formatted in main, and only the rows on screen come over.
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { RESPONSE_CHUNK_MAX } from '../../../../shared/contract/responses'
import type { DocumentClient, DocumentLoaded } from '../../../../shared/json-document/protocol'
import { RemoteDocument, WorkerDocument } from './document-clients'

/** Where a body comes from: the summary itself, or main. */
export type BodySource = { kind: 'inline'; text: string } | { kind: 'remote'; requestId: string }

export type BodyDocument =
  | { phase: 'formatting'; client: null }
  | ({ phase: 'ready'; client: DocumentClient } & DocumentLoaded)
  | { phase: 'error'; client: null; message: string }

export function useBodyDocument(source: BodySource, json: boolean): BodyDocument {
  const [doc, setDoc] = useState<BodyDocument>({ phase: 'formatting', client: null })
  const text = source.kind === 'inline' ? source.text : null
  const requestId = source.kind === 'remote' ? source.requestId : null
  useEffect(() => {
    setDoc({ phase: 'formatting', client: null })
    let live = true
    let client: DocumentClient | null = null
    const opened = text !== null ? formatInPage(text, json, () => live) : RemoteDocument.open(requestId!, json)
    opened.then(
      (result) => {
        client = result.client
        if (live) setDoc({ phase: 'ready', client: result.client, ...result.loaded })
        else result.client.close()
      },
      (e: unknown) => live && setDoc({ phase: 'error', client: null, message: e instanceof Error ? e.message : String(e) })
    )
    return () => {
      live = false
      client?.close()
    }
  }, [text, requestId, json])
  return doc
}

/** Small enough that copying one chunk into the worker never holds up a frame. */
const CHUNK_CHARS = 1 << 20

/** Hands the text to a new worker a chunk at a time, letting the page paint in between. */
async function formatInPage(text: string, json: boolean, live: () => boolean): Promise<{ client: DocumentClient; loaded: DocumentLoaded }> {
  const client = new WorkerDocument(new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module' }))
  try {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      if (!live()) throw new Error('cancelled')
      client.append(text.slice(at, at + CHUNK_CHARS))
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    return { client, loaded: await client.load(json) }
  } catch (e) {
    client.close()
    throw e
  }
}

/** Range reads kept in flight at once when the whole body is wanted (save, copy). */
const PARALLEL_READS = 3

/** Reads a body kept in main range by range (a few at a time), yielding the pieces in order. */
export async function* remoteChunks(requestId: string): AsyncGenerator<string> {
  const read = (offset: number) => api.responses.body({ requestId, offset, length: RESPONSE_CHUNK_MAX })
  const first = await read(0)
  yield first.text
  const offsets: number[] = []
  for (let at = first.text.length; first.text.length > 0 && at < first.total; at += RESPONSE_CHUNK_MAX) offsets.push(at)
  const inFlight = offsets.slice(0, PARALLEL_READS).map(read)
  for (let i = 0; i < offsets.length; i++) {
    const next = offsets[i + PARALLEL_READS]
    if (next !== undefined) inFlight.push(read(next))
    yield (await inFlight[i]!).text
  }
}

/** Marks the page once the first lines of a response are on screen (read by e2e tests and the benchmark). */
export function markResponseReady(ready: boolean): void {
  if (ready) document.body.dataset.responseReady = '1'
  else delete document.body.dataset.responseReady
}
