// HTML for the OAuth consent and error pages. No script at all; styles come from a same-origin
// stylesheet so the CSP can forbid everything inline.
import { PERMISSIONS, PERMISSION_GROUP_LABELS, permissionById, type PermissionGroup } from '../../shared/intercom/permissions'

export const CONSENT_CSS_PATH = '/oauth/consent.css'

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** Headers every sandbox HTML page carries: nothing inline, nothing framed, nothing cached. */
export function htmlHeaders(formActionOrigin?: string): Record<string, string> {
  const formAction = formActionOrigin ? `'self' ${formActionOrigin}` : "'self'"
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store'
  }
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${CONSENT_CSS_PATH}">
</head>
<body>
<main class="card">
${main}
</main>
</body>
</html>
`
}

export interface ConsentView {
  appName: string
  nonce: string
  redirectOrigin: string
  workspaces: Array<{ key: string; label: string }>
  permissionIds: readonly string[]
}

export function renderConsentPage(view: ConsentView): string {
  const byGroup = new Map<PermissionGroup, string[]>()
  for (const id of view.permissionIds) {
    const perm = permissionById(id)
    if (!perm) continue
    const items = byGroup.get(perm.group) ?? []
    items.push(
      `<li><span class="access access-${perm.access}">${perm.access === 'read' ? 'Read' : 'Write'}</span> ${escapeHtml(perm.label)}</li>`
    )
    byGroup.set(perm.group, items)
  }
  // Groups in the order Intercom's scopes page lists them.
  const groupOrder = [...new Set(PERMISSIONS.map((p) => p.group))]
  const groups = groupOrder
    .filter((g) => byGroup.has(g))
    .map(
      (g) =>
        `<section class="group" aria-labelledby="group-${g}"><h3 id="group-${g}">${PERMISSION_GROUP_LABELS[g]}</h3><ul>${(byGroup.get(g) ?? []).join('')}</ul></section>`
    )
    .join('\n')
  const workspaces = view.workspaces
    .map(
      (w, i) =>
        `<label class="workspace"><input type="radio" name="workspace" value="${escapeHtml(w.key)}"${i === 0 ? ' checked' : ''} required> ${escapeHtml(w.label)}</label>`
    )
    .join('\n')
  const app = escapeHtml(view.appName)
  return page(
    `Authorize ${view.appName}`,
    `<h1>Authorize ${app}</h1>
<p class="lead"><strong>${app}</strong> wants to access an Intercom sandbox workspace. After you decide, you will be sent to <code>${escapeHtml(view.redirectOrigin)}</code>.</p>
<form method="post" action="/oauth/decision">
<input type="hidden" name="nonce" value="${escapeHtml(view.nonce)}">
<fieldset>
<legend>Workspace</legend>
${workspaces}
</fieldset>
<h2>${app} will be able to</h2>
${groups}
<div class="actions">
<button type="submit" name="decision" value="deny" class="secondary" aria-label="Deny">Deny</button>
<button type="submit" name="decision" value="authorize" class="primary" aria-label="Authorize">Authorize</button>
</div>
</form>`
  )
}

export function renderErrorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`)
}

export const CONSENT_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
.card { max-width: 40rem; margin: 0 auto; padding: 1.5rem 2rem; border: 1px solid GrayText; border-radius: 12px; }
h1 { font-size: 1.4rem; margin-top: 0; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
h3 { font-size: 0.95rem; margin: 1rem 0 0.25rem; }
ul { margin: 0; padding-left: 1.2rem; }
fieldset { border: 1px solid GrayText; border-radius: 8px; }
.workspace { display: block; padding: 0.25rem 0; }
.access { display: inline-block; min-width: 3.2rem; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; }
.access-write { color: #b45309; }
.actions { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1.5rem; }
button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 8px; border: 1px solid GrayText; cursor: pointer; }
button.primary { background: #1f6feb; color: white; border-color: #1f6feb; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`
