// One formatted body and the answers to the viewer's questions about it. Pure code, hosted by
// the page's Web Worker and by main's worker thread alike.
import { JsonLines, RawLines } from './lines'
import type { DocumentAnswer, DocumentLoaded, DocumentQuery } from './protocol'

export class DocumentSession {
  #doc: JsonLines | null = null
  #raw: RawLines | null = null
  #text = ''

  /** Formats `text`: as JSON when `json` is asked for and it parses, else as raw text only. */
  load(text: string, json: boolean): DocumentLoaded {
    this.#text = text
    this.#raw = null
    this.#doc = null
    let parseError: string | null = null
    if (json) {
      try {
        this.#doc = JsonLines.parse(text)
      } catch (e) {
        parseError = e instanceof Error ? e.message : String(e)
      }
    }
    return { json: this.#doc !== null, parseError, lines: this.#doc?.visibleCount ?? 0 }
  }

  answer(query: DocumentQuery): DocumentAnswer {
    const doc = this.#doc
    const total = () => doc?.visibleCount ?? 0
    switch (query.type) {
      case 'lines':
        return { type: 'lines', rows: doc?.slice(query.from, query.to) ?? [], total: total() }
      case 'raw':
        this.#raw ??= new RawLines(this.#text)
        return { type: 'raw', rows: this.#raw.slice(query.from, query.to), total: this.#raw.count }
      case 'toggle':
        doc?.toggle(query.line)
        return { type: 'changed', total: total() }
      case 'collapseAll':
        doc?.collapseAll()
        return { type: 'changed', total: total() }
      case 'expandAll':
        doc?.expandAll()
        return { type: 'changed', total: total() }
      case 'search':
        return { type: 'searched', count: doc?.search(query.query) ?? 0 }
      case 'reveal': {
        const found = doc?.reveal(query.match) ?? null
        return { type: 'revealed', index: found?.index ?? -1, line: found?.line ?? -1, total: total() }
      }
      case 'copy':
        return { type: 'copied', text: doc ? (query.what === 'path' ? doc.pathOf(query.line) : doc.valueOf(query.line)) : '' }
    }
  }
}
