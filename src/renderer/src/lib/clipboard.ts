// Clipboard writes that contain a secret are cleared after a while, but only if the clipboard
// still holds what we put there (never wipe something the user copied since).
export async function copyText(text: string, clearAfterMs: number | null = null): Promise<void> {
  await navigator.clipboard.writeText(text)
  if (clearAfterMs === null) return
  setTimeout(() => {
    void navigator.clipboard
      .readText()
      .then((current) => (current === text ? navigator.clipboard.writeText('') : undefined))
      .catch(() => undefined)
  }, clearAfterMs)
}
