// The last few response bodies, so the renderer can read a large one in pieces. Bounded: older
// entries fall out (their spooled files stay in the spool folder, which is emptied at start).
import { readFile } from 'node:fs/promises'
import type { ResponseBody } from '../requests/executor'

export class RecentResponses {
  private readonly bodies = new Map<string, { body: ResponseBody; text: Promise<string> | null }>()
  constructor(private readonly capacity: number) {}

  add(id: string, body: ResponseBody): void {
    this.bodies.delete(id)
    this.bodies.set(id, { body, text: null })
    while (this.bodies.size > this.capacity) this.bodies.delete(this.bodies.keys().next().value!)
  }

  /** Where the body is kept: in memory or spooled to a file. */
  body(id: string): ResponseBody | null {
    return this.bodies.get(id)?.body ?? null
  }

  /** The body's text; a spooled body is read from disk once and kept for the following ranges. */
  text(id: string): Promise<string> | null {
    const entry = this.bodies.get(id)
    if (!entry) return null
    entry.text ??= entry.body.kind === 'inline' ? Promise.resolve(entry.body.text) : readFile(entry.body.path, 'utf8')
    return entry.text
  }
}
