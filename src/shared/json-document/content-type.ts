/** Whether a response's Content-Type says its body is JSON (`application/json`, `…+json`). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType)
}
