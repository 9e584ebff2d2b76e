/** Puts the caret in the composer's path field (after the palette or the catalog closes). */
export function focusPathField(): void {
  // After the closing dialog has given focus back, and only if nothing else took it (another dialog).
  setTimeout(() => {
    if (document.querySelector('dialog[open]')) return
    const path = document.querySelector<HTMLInputElement>('input[aria-label="Path"]')
    path?.focus()
  }, 0)
}
