// `tokendesk run` masks the lent secret in the child's output: the raw value and the forms a
// script is likely to print it in (a Basic Authorization value, base64, URL-encoded). The output
// arrives in chunks that may split a secret anywhere, so the tail that could still become one is
// held back until the next chunk (or the end) decides.
import { Transform, type TransformCallback } from 'node:stream'
import type { LentCredential } from '../shared/contract/cli'
import { credentialSecrets, secretForms as formsOf } from '../shared/request/secret-forms'

/** Every form of the credential worth hiding, longest first (so a form wins over its prefix): the same forms the app's redactor cuts. */
export function secretForms(credential: LentCredential): string[] {
  return [...new Set(credentialSecrets(credential).flatMap(formsOf))].sort((a, b) => b.length - a.length)
}

export class SecretMasker extends Transform {
  readonly #patterns: Buffer[]
  readonly #replacement: Buffer
  readonly #longest: number
  #pending: Buffer = Buffer.alloc(0)

  constructor(forms: string[], replacement: string) {
    super()
    this.#patterns = forms.map((f) => Buffer.from(f, 'utf8'))
    this.#replacement = Buffer.from(replacement, 'utf8')
    this.#longest = Math.max(0, ...this.#patterns.map((p) => p.length))
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = Buffer.concat([this.#pending, chunk])
    const { out, rest } = this.#scan(data, false)
    this.#pending = rest
    if (out.length) this.push(out)
    done()
  }

  override _flush(done: TransformCallback): void {
    const { out } = this.#scan(this.#pending, true)
    this.#pending = Buffer.alloc(0)
    if (out.length) this.push(out)
    done()
  }

  /** Replaces every whole match; unless at the end, keeps back a tail that may begin one. */
  #scan(data: Buffer, end: boolean): { out: Buffer; rest: Buffer } {
    const parts: Buffer[] = []
    let from = 0
    for (;;) {
      let at = -1
      let found: Buffer | null = null
      for (const pattern of this.#patterns) {
        const i = data.indexOf(pattern, from)
        // Earliest match wins; at the same place the longer one (patterns are longest first).
        if (i !== -1 && (at === -1 || i < at)) {
          at = i
          found = pattern
        }
      }
      if (!found) break
      // A longer form may start here and still be arriving (padded base64 after its unpadded
      // prefix): wait for the next chunk to decide which one it is.
      if (!end && this.#mayGrow(data, at, found.length)) {
        parts.push(data.subarray(from, at))
        return { out: Buffer.concat(parts), rest: Buffer.from(data.subarray(at)) }
      }
      parts.push(data.subarray(from, at), this.#replacement)
      from = at + found.length
    }
    let keep = end ? 0 : this.#heldBack(data, from)
    keep = Math.min(keep, data.length - from)
    parts.push(data.subarray(from, data.length - keep))
    return { out: Buffer.concat(parts), rest: Buffer.from(data.subarray(data.length - keep)) }
  }

  #mayGrow(data: Buffer, at: number, matched: number): boolean {
    const tail = data.subarray(at)
    return this.#patterns.some((p) => p.length > matched && p.length > tail.length && p.subarray(0, tail.length).equals(tail))
  }

  /** Length of the longest tail of `data` (after `from`) that is the start of some pattern. */
  #heldBack(data: Buffer, from: number): number {
    const max = Math.min(this.#longest - 1, data.length - from)
    for (let n = max; n > 0; n--) {
      const tail = data.subarray(data.length - n)
      if (this.#patterns.some((p) => p.length > n && p.subarray(0, n).equals(tail))) return n
    }
    return 0
  }
}
