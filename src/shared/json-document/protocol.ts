// The questions a response viewer asks about a formatted body, and their answers. The same
// messages are answered by a Web Worker in the page (small bodies that travel with their summary)
// and by a worker thread in main (large bodies, which never cross to the page at all).
import { z } from 'zod'
import type { LineView as LineViewShape } from './lines'

const Index = z.number().int().min(0)
/** A window of rows; more than a few screens at once is never needed. */
const Window = z.object({ from: Index, to: Index }).refine((w) => w.to >= w.from && w.to - w.from <= 2_000, {
  message: 'A window is at most 2,000 rows, with `to` not before `from`.'
})

export const DocumentQuery = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('lines'), from: Index, to: Index }),
    z.object({ type: z.literal('raw'), from: Index, to: Index }),
    z.object({ type: z.literal('toggle'), line: Index }),
    z.object({ type: z.literal('collapseAll') }),
    z.object({ type: z.literal('expandAll') }),
    z.object({ type: z.literal('search'), query: z.string().max(1_000) }),
    z.object({ type: z.literal('reveal'), match: Index }),
    z.object({ type: z.literal('copy'), line: Index, what: z.enum(['value', 'path']) })
  ])
  .superRefine((query, ctx) => {
    if (query.type === 'lines' || query.type === 'raw') {
      const checked = Window.safeParse(query)
      if (!checked.success) ctx.addIssue({ code: 'custom', message: checked.error.issues[0]!.message })
    }
  })
export type DocumentQuery = z.infer<typeof DocumentQuery>

export const LineView = z.object({
  index: z.number(),
  line: z.number(),
  depth: z.number(),
  key: z.string().nullable(),
  inArray: z.boolean(),
  kind: z.enum(['open', 'close', 'scalar', 'empty']),
  type: z.enum(['string', 'number', 'boolean', 'null', 'object', 'array']),
  text: z.string(),
  truncated: z.number(),
  collapsed: z.boolean(),
  size: z.number(),
  comma: z.boolean()
})
// The schema and the model's own type must never drift apart.
null as unknown as z.infer<typeof LineView> satisfies LineViewShape
null as unknown as LineViewShape satisfies z.infer<typeof LineView>

export const DocumentAnswer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lines'), rows: z.array(LineView), total: z.number() }),
  z.object({ type: z.literal('raw'), rows: z.array(z.string()), total: z.number() }),
  z.object({ type: z.literal('changed'), total: z.number() }),
  z.object({ type: z.literal('searched'), count: z.number() }),
  z.object({ type: z.literal('revealed'), index: z.number(), line: z.number(), total: z.number() }),
  z.object({ type: z.literal('copied'), text: z.string() })
])
export type DocumentAnswer = z.infer<typeof DocumentAnswer>

/** What formatting a body found: whether it is JSON (and why not), and how many lines it shows. */
export const DocumentLoaded = z.object({ json: z.boolean(), parseError: z.string().nullable(), lines: z.number() })
export type DocumentLoaded = z.infer<typeof DocumentLoaded>

type AnswerType = {
  lines: 'lines'
  raw: 'raw'
  toggle: 'changed'
  collapseAll: 'changed'
  expandAll: 'changed'
  search: 'searched'
  reveal: 'revealed'
  copy: 'copied'
}
/** The answer a query of type `T` gets. */
export type AnswerTo<T extends DocumentQuery['type']> = Extract<DocumentAnswer, { type: AnswerType[T] }>

/** One formatted body, wherever it is held. */
export interface DocumentClient {
  ask<Q extends DocumentQuery>(query: Q): Promise<AnswerTo<Q['type']>>
  /** Lets go of the document (a no-op when its holder manages that itself). */
  close(): void
}
