// A seeded generator of hostile but legal drafts (and the credential each is sent with), for the
// differential test. Same seed, same drafts: a failure names its seed and index to replay it.
import type { AuthMode, HttpMethod, KeyValue, RequestDraftInput } from '../../src/shared/model'
import type { Credential } from '../../src/shared/request/build'

export interface HostileCase {
  index: number
  draft: RequestDraftInput
  credential: Credential
}

/** mulberry32: tiny, fast and good enough to pick test inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = [
  `'`,
  `"`,
  '$',
  '$(touch CANARY)',
  '`id`',
  '${HOME}',
  '!',
  '!!',
  '%',
  '%PATH%',
  '^',
  '&',
  '&&',
  '|',
  ';',
  '#',
  '<',
  '>',
  '\\',
  ' ',
  '=',
  '+',
  '%20',
  '%',
  '?',
  '/',
  '*',
  '~',
  '[1]',
  '{a,b}',
  '-X DELETE',
  '@/etc/passwd',
  'ünï',
  'é',
  '名前',
  '😀',
  '’',
  '\u2028',
  'abc',
  'plain',
  '42',
  '\t'
]
const CONTROL = ['\r', '\n', '\r\n', '\0']
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']
const AUTH_MODES: AuthMode[] = ['bearer', 'basic', 'legacy', 'none']
const HEADER_NAMES = ['X-Note', 'X-Trace', 'X-A', 'x-a', 'Accept', 'Intercom-Version', 'X-Empty', 'X_Under', "X-'Quote"]

export function hostileDrafts(seed: number, count: number): HostileCase[] {
  const r = rng(seed)
  const int = (n: number) => Math.floor(r() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  const chance = (p: number) => r() < p
  const text = (max = 6): string => {
    let out = ''
    for (let i = int(max); i >= 0; i--) out += pick(PIECES)
    if (chance(0.05)) out += pick(CONTROL)
    return out
  }
  const rows = (max: number, value: () => string): KeyValue[] =>
    Array.from({ length: int(max + 1) }, () => ({ name: chance(0.1) ? '' : text(3), value: value(), enabled: !chance(0.1) }))

  const body = (): string | null => {
    switch (int(9)) {
      case 0:
        return null
      case 1:
        return JSON.stringify({ name: text(), nested: { list: [text(), 1, true, null] } })
      case 2:
        return '{"id":12345678901234567890,"n":1e5,"dup":1,"dup":2,"s":"ünï 😀 \\u00e9"}'
      case 3:
        return '@body.json'
      case 4:
        return text(12) // not JSON at all
      case 5:
        return `line1\nline2\r\n\ttab ${text()}\0nul`
      case 6:
        return `{"big":"${'x'.repeat(70 * 1024)}"}` // past the inline limit: goes through a file
      case 7:
        return '{"lone":"\ud800 surrogate"}'
      default:
        return ''
    }
  }

  const token = (): string => {
    const base = ['tok_', 'dG9rOjEy', 't\'o"k$(id)`id`!;&|#%^', 'ünï-tök', 'abc def'][int(5)]!
    // No NUL: no environment variable can hold one, so the env-var doors could not even be given it.
    return chance(0.08) ? base + pick(['\r', '\n', '\r\n']) : base + text(2).replace(/[\r\n\0]/g, '')
  }

  return Array.from({ length: count }, (_, index): HostileCase => {
    const method = pick(METHODS)
    const withParam = chance(0.4)
    let path = withParam ? '/contacts/{contact_id}/notes' : pick(['/me', '/contacts', '/ünï/a b', '/x!$`', '/a%2Fb/%zz'])
    if (chance(0.25)) path += pick(['?a+b=c&flag', '?q=%20x&r=1', '?per_page=2', '?x=a=b&&y', '?'])
    const headers = rows(3, () => (chance(0.1) ? '' : chance(0.05) ? 'x'.repeat(5000) : text()))
    for (const h of headers) if (chance(0.5)) h.name = pick(HEADER_NAMES)
    const mode = pick(AUTH_MODES)
    const credential: Credential =
      mode === 'legacy' || chance(0.1)
        ? { kind: 'legacy', appId: `app${text(1)}`.replace(/[\r\n\0]/g, ''), apiKey: token() }
        : { kind: 'token', token: token() }
    return {
      index,
      credential,
      draft: {
        method,
        path,
        pathParams: withParam ? { contact_id: chance(0.1) ? '' : text(3) } : {},
        query: rows(3, () => text()),
        headers,
        body: method === 'GET' || method === 'HEAD' ? (chance(0.1) ? 'x' : null) : body(),
        intercomVersion: pick([null, null, '2.14', '', 'Unstable']),
        authMode: mode
      }
    }
  })
}
