// Large response bodies, kept in main and read or queried in pieces.
import { z } from 'zod'
import { DocumentAnswer, DocumentLoaded, DocumentQuery } from '../json-document/protocol'
import { call, JobId } from './define'

/** The largest piece of a response body one call returns, in characters. */
export const RESPONSE_CHUNK_MAX = 4 * 1024 * 1024

export const responsesCalls = {
  /**
   * A range of a response body that did not travel with its summary, in characters. Read in
   * pieces so a 50 MB body never has to cross (or be parsed on) the UI thread in one go.
   */
  'responses.body': call(
    z.object({
      requestId: JobId,
      offset: z.number().int().min(0).default(0),
      length: z.number().int().min(1).max(RESPONSE_CHUNK_MAX).default(RESPONSE_CHUNK_MAX)
    }),
    z.object({ text: z.string(), offset: z.number(), total: z.number() })
  ),
  /**
   * Formats such a body in main (once) and says what it holds. The viewer then asks
   * responses.query for the rows on screen, so a 50 MB body never crosses to the page.
   */
  'responses.open': call(z.object({ requestId: JobId, json: z.boolean() }), DocumentLoaded),
  'responses.query': call(z.object({ requestId: JobId, query: DocumentQuery }), DocumentAnswer)
}
