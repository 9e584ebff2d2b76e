// Where a JSON text is invalid. Uses CodeMirror's JSON grammar, so it lives apart from the small
// format helpers and is loaded with the body editor, not at start-up.
import { jsonLanguage } from '@codemirror/lang-json'

export interface JsonSyntaxError {
  line: number
  column: number
  message: string
}

/** Where a JSON text is invalid (1-based line and column), or null when it parses. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    JSON.parse(text)
    return null
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const position = /position (\d+)/.exec(message)
    // Not every engine message has a position; the JSON grammar's error recovery finds one then.
    const at = position ? Number(position[1]) : firstGrammarError(text)
    const before = text.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    return { line, column, message: message.replace(/\s*\(line \d+ column \d+\)/, '') }
  }
}

function firstGrammarError(text: string): number {
  let at = text.length
  jsonLanguage.parser.parse(text).iterate({
    enter: (node) => {
      if (!node.type.isError || node.from >= at) return undefined
      at = node.from
      return false
    }
  })
  return at
}
