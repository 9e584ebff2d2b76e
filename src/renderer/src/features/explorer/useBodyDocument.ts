// One worker per shown response body: it parses and flattens the text while the UI stays
// responsive, and is thrown away (with everything it holds) when the next response arrives.
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { RESPONSE_CHUNK_MAX } from '../../../../shared/contract/explorer'
import { JsonWorkerClient } from './json-protocol'

/** Where a body comes from: the summary itself, or main (read in ranges, never whole). */
export type BodySource = { kind: 'inline'; text: string } | { kind: 'remote'; requestId: string }

export type BodyDocument =
  | { phase: 'formatting'; client: null }
  | { phase: 'ready'; client: JsonWorkerClient; json: boolean; parseError: string | null; lines: number }
  | { phase: 'error'; client: null; message: string }

export function useBodyDocument(source: BodySource, json: boolean): BodyDocument {
  const [doc, setDoc] = useState<BodyDocument>({ phase: 'formatting', client: null })
  const text = source.kind === 'inline' ? source.text : null
  const requestId = source.kind === 'remote' ? source.requestId : null
  useEffect(() => {
    setDoc({ phase: 'formatting', client: null })
    const client = new JsonWorkerClient(new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module' }))
    let live = true
    const chunks = text !== null ? textChunks(text) : remoteChunks(requestId!)
    sendInChunks(client, chunks, () => live)
      .then(() => client.ask({ type: 'load', json }))
      .then(
        (loaded) => live && setDoc({ phase: 'ready', client, json: loaded.json, parseError: loaded.parseError, lines: loaded.lines }),
        (e: unknown) => live && setDoc({ phase: 'error', client: null, message: e instanceof Error ? e.message : String(e) })
      )
    return () => {
      live = false
      client.terminate()
    }
  }, [text, requestId, json])
  return doc
}

/** Small enough that copying one chunk into the worker never holds up a frame. */
const CHUNK_CHARS = 1 << 20

async function* textChunks(text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += CHUNK_CHARS) yield text.slice(at, at + CHUNK_CHARS)
}

/** Range reads kept in flight at once: the transfer, not main, is the slow part of a big body. */
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

/** Hands the text to the worker a chunk at a time, letting the page paint in between. */
async function sendInChunks(client: JsonWorkerClient, chunks: AsyncIterable<string>, live: () => boolean): Promise<void> {
  for await (const chunk of chunks) {
    if (!live()) break
    client.post({ type: 'append', chunk })
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  if (!live()) throw new Error('cancelled')
}

/** Marks the page once the first lines of a response are on screen (read by e2e tests and the benchmark). */
export function markResponseReady(ready: boolean): void {
  if (ready) document.body.dataset.responseReady = '1'
  else delete document.body.dataset.responseReady
}
