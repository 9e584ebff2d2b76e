// Saves text as a file through the browser's download mechanism (works the same in Electron and
// browser mode, and needs no file-system access in the renderer).
export function downloadText(text: string | string[], filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : text, { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked later: the download may not have read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
