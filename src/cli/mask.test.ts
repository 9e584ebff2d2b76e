import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SecretMasker, secretForms } from './mask'

const token = 'dG9rOmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMzQ1Njc4OQ=/+x'
const forms = secretForms({ kind: 'bearer', token })

/** Feeds `input` through a masker in the given chunk sizes. */
async function mask(input: string, cuts: number[]): Promise<string> {
  const bytes = Buffer.from(input)
  const chunks: Buffer[] = []
  let at = 0
  for (const cut of [...cuts, bytes.length]) {
    const end = Math.min(Math.max(cut, at), bytes.length)
    chunks.push(bytes.subarray(at, end))
    at = end
  }
  return text(Readable.from(chunks.filter((c) => c.length)).pipe(new SecretMasker(forms, '<token:Acme>')))
}

describe('SecretMasker', () => {
  it('knows the raw, Basic, base64 and URL-encoded forms', () => {
    expect(forms).toEqual(
      expect.arrayContaining([
        token,
        encodeURIComponent(token),
        Buffer.from(token).toString('base64'),
        Buffer.from(`${token}:`).toString('base64')
      ])
    )
  })

  it('replaces every form wherever the chunks split it', async () => {
    for (const form of forms) {
      const input = `before ${form} middle ${form}\nafter`
      for (let cut = 0; cut <= Buffer.byteLength(input); cut++) {
        expect(await mask(input, [cut])).toBe('before <token:Acme> middle <token:Acme>\nafter')
      }
    }
  })

  it('never lets a form through and never changes other text, for any chunking', async () => {
    const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...forms), fc.constantFrom('é', '✓', '\n'))
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.array(fc.nat(200), { maxLength: 6 }), async (pieces, cuts) => {
        const input = pieces.join('')
        const out = await mask(
          input,
          cuts.sort((a, b) => a - b)
        )
        for (const form of forms) expect(out).not.toContain(form)
        // Without any form in the input the output is the input, byte for byte.
        if (!forms.some((f) => input.includes(f))) expect(out).toBe(input)
      }),
      { numRuns: 300 }
    )
  })

  it('holds back only a tail that could still become a secret', async () => {
    const masker = new SecretMasker(forms, '<token:Acme>')
    const seen: string[] = []
    masker.on('data', (d: Buffer) => seen.push(d.toString()))
    masker.write(Buffer.from(`line one\n${token.slice(0, 10)}`))
    await new Promise((r) => setImmediate(r))
    expect(seen.join('')).toBe('line one\n')
    masker.end(Buffer.from('zzz'))
    await new Promise((r) => masker.on('end', r))
    expect(seen.join('')).toBe(`line one\n${token.slice(0, 10)}zzz`)
  })
})
