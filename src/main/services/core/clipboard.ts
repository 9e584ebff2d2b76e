// Copying a secret from main: write it, then clear it after a while, but only if the clipboard
// still holds it (never wipe what the user copied since).
import type { Clock } from '../ports'

export interface RawClipboard {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
}

export interface SecretClipboard {
  copySecret(text: string, clearAfterMs: number): Promise<void>
}

export function createSecretClipboard(
  raw: RawClipboard,
  schedule: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms).unref?.()
): SecretClipboard {
  return {
    async copySecret(text, clearAfterMs) {
      await raw.writeText(text)
      schedule(() => {
        void raw
          .readText()
          .then((current) => (current === text ? raw.writeText('') : undefined))
          .catch(() => undefined)
      }, clearAfterMs)
    }
  }
}

export type { Clock }
