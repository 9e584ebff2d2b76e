// How each shell writes one argument. A word is a list of segments: literal text (always
// quoted so nothing in it is live) or a reference to an environment variable.
export type Segment = { text: string } | { env: string }

export interface Dialect {
  program: string
  /** Line continuation, written at the end of every line but the last. */
  continuation: string
  /** One argument; null when this shell cannot write the text safely. */
  word(segments: Segment[]): string | null
  /** The line that sets the env var, with a placeholder value. */
  setup(envVar: string, placeholder: string): string
  /**
   * The longest command this shell can start, in `unit`s: for sh, the argument block of execve (1 MiB on
   * macOS, counted with the environment, so half is kept for it); for PowerShell, CreateProcess's
   * 32,767 characters for curl.exe's command line; for cmd, its 8,191-character line.
   */
  maxCommand: number
  /** The longest single argument, where the OS limits one (Linux: 128 KiB with its NUL). */
  maxArgument: number
  unit: 'bytes' | 'chars'
}

/** POSIX sh single quotes: nothing is special inside them but the quote itself. */
export function posixQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/** PowerShell treats ' and the typographic quotes U+2018–U+201B alike, so all of them are doubled. */
export function powershellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`
}

/**
 * cmd.exe has no literal quoting: inside "…" `%` and `!` still expand and a `"` flips the quote
 * state, exposing `& | < >`. Only text from this list is written; `&` is allowed because with no
 * `"` in any value it always sits inside quotes. `\` is out: MSVCRT reads `\"` as an escaped quote.
 */
const CMD_SAFE = /^[A-Za-z0-9 _\-.,:;/=+?@#~*[\]{}$'&…]*$/

/**
 * One argument in a batch file (.cmd), such as a program's path. Unlike the prompt, a batch file can
 * keep `%` literal (`%%`), and inside "…" `& | < > ( ) ^` are plain text. `\` is fine (Windows paths
 * need it) except last, where MSVCRT would read `\"` as an escaped quote. A `"` cannot be written,
 * and `!` is literal only with delayed expansion off (the launcher switches it off). Null when unsafe.
 */
export function cmdFileQuote(text: string): string | null {
  if (/["\r\n\0]/.test(text) || text.endsWith('\\')) return null
  return `"${text.replaceAll('%', '%%')}"`
}

const posix: Dialect = {
  program: 'curl',
  continuation: ' \\',
  word: (segments) => segments.map((s) => ('env' in s ? `"$${s.env}"` : posixQuote(s.text))).join(''),
  setup: (envVar, placeholder) => `export ${envVar}=${posixQuote(placeholder)}`,
  maxCommand: 512 * 1024,
  maxArgument: 128 * 1024 - 1,
  unit: 'bytes'
}

const powershell: Dialect = {
  program: 'curl.exe',
  continuation: ' `',
  word: (segments) => {
    const parts = segments.map((s) => ('env' in s ? `$env:${s.env}` : powershellQuote(s.text)))
    // An expression, not an expandable string: user text never sits inside "…".
    return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' + ')})`
  },
  setup: (envVar, placeholder) => `$env:${envVar} = ${powershellQuote(placeholder)}`,
  maxCommand: 32_767,
  maxArgument: 32_767,
  unit: 'chars'
}

const cmd: Dialect = {
  program: 'curl',
  continuation: ' ^',
  word: (segments) => {
    if (!segments.every((s) => 'env' in s || CMD_SAFE.test(s.text))) return null
    return `"${segments.map((s) => ('env' in s ? `!${s.env}!` : s.text)).join('')}"`
  },
  setup: (envVar, placeholder) => `set "${envVar}=${placeholder}"`,
  maxCommand: 8_191,
  maxArgument: 8_191,
  unit: 'chars'
}

export const DIALECTS = { posix, powershell, cmd } as const
