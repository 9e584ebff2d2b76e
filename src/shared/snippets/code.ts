// Python (requests) and Node.js (node:https) code written straight from the built request, so it
// sends the same bytes as Send and the curl snippet: the URL exactly as built (requests would
// re-quote it, so the prepared URL is set back), the headers as listed (no library defaults),
// the body as its exact UTF-8 text, and the Authorization value by the shared rule in ../request/auth.
// curlconverter could not do this (it re-serialised JSON, encoded spaces as "+", dropped
// headers), and Node's fetch always adds headers of its own (Accept-Language, Sec-Fetch-Mode).
import { AUTH_MESSAGES, checkSecret, type AuthPlan } from '../request/auth'
import { contentLength, maskSecret, type PreparedRequest } from '../request/build'
import { snippetAuthPlan, SnippetError, type CodeLanguage, type Snippet, type SnippetAuth, type TokenStyle } from './index'

export interface CodeOptions {
  tokenStyle: TokenStyle
  envVar?: string
}

/** How the generated code gets the secret: an env var (checked at run time) or a literal. */
type SecretSource = { env: string } | { literal: string }

export function codeSnippet(language: CodeLanguage, req: PreparedRequest, auth: SnippetAuth, opts: CodeOptions): Snippet {
  const plan = snippetAuthPlan(auth)
  const envVar = opts.envVar ?? 'INTERCOM_TOKEN'
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envVar)) throw new SnippetError(`"${envVar}" is not a valid environment variable name.`)
  const warnings: string[] = []
  const typedAuth = req.headers.some(([name]) => name.toLowerCase() === 'authorization')
  let style = opts.tokenStyle
  if (typedAuth) warnings.push('The request has its own Authorization header; it is copied as typed.')
  else if (plan.scheme !== 'none' && style !== 'env' && !auth.secret) {
    warnings.push('No token is available, so the code reads it from an environment variable.')
    style = 'env'
  }
  const needsAuth = !typedAuth && plan.scheme !== 'none'
  const source: SecretSource | null = !needsAuth
    ? null
    : style === 'env'
      ? { env: envVar }
      : { literal: style === 'masked' && !auth.masked ? maskSecret(auth.secret ?? '') : (auth.secret ?? '') }
  // A real token is refused here exactly as Send refuses it; an env-var token is checked by the code.
  if (needsAuth && style === 'real') checkSecret(plan, auth.secret ?? '')
  const text = language === 'python' ? python(req, plan, source) : node(req, plan, source)
  return {
    text,
    setup: source && 'env' in source ? setupLine(envVar, plan) : null,
    containsSecret: typedAuth || (needsAuth && style === 'real'),
    warnings,
    bodyFile: null
  }
}

/** The shell line that sets the variable before the code runs (POSIX; the curl tabs show the others). */
function setupLine(envVar: string, plan: AuthPlan): string {
  return `export ${envVar}='${plan.scheme === 'basic' && plan.suffix === '' ? 'app_id:api_key' : 'your-access-token'}'`
}

/** Body text as UTF-8 would carry it: lone surrogates become U+FFFD, as in every other door. */
function wellFormed(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text))
}

function headerList(req: PreparedRequest): Array<[string, string]> {
  const length = contentLength(req)
  return length === null ? req.headers : [...req.headers, ['Content-Length', length]]
}

// ---- Python -------------------------------------------------------------------------------

/** A Python str literal in single quotes; anything unusual as an escape so the source stays plain. */
function pyStr(text: string): string {
  let out = "'"
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (ch === '\\' || ch === "'") out += `\\${ch}`
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff)
      out += cp <= 0xff ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`
    else out += ch
  }
  return `${out}'`
}

function python(req: PreparedRequest, plan: AuthPlan, source: SecretSource | null): string {
  const lines = ['import base64', 'import os', 'import sys', '', 'import requests', '']
  const headers = headerList(req).map(([n, v]) => `    (${pyStr(n)}, ${pyStr(v)}),`)
  if (source) {
    lines.push('secret = ' + ('env' in source ? `os.environ.get(${pyStr(source.env)}, '')` : pyStr(source.literal)))
    lines.push(`if any(c in secret for c in '\\r\\n\\x00'):`, `    sys.exit(${pyStr(AUTH_MESSAGES.lineBreak)})`)
    if (plan.scheme === 'bearer') {
      lines.push(`if any(not ' ' <= c <= '~' for c in secret):`, `    sys.exit(${pyStr(AUTH_MESSAGES.bearerNotAscii)})`)
      headers.push(`    ('Authorization', 'Bearer ' + secret),`)
    } else if (plan.scheme === 'basic') {
      const userPass = plan.suffix === '' ? 'secret' : `secret + ${pyStr(plan.suffix)}`
      headers.push(`    ('Authorization', 'Basic ' + base64.b64encode((${userPass}).encode('utf-8', 'surrogateescape')).decode('ascii')),`)
    }
    lines.push('')
  }
  lines.push(`url = ${pyStr(req.url)}`, 'headers = [', ...headers, ']')
  lines.push(`body = ${req.body === null ? 'None' : `${pyStr(wellFormed(req.body))}.encode('utf-8')`}`, '')
  lines.push(
    `prepared = requests.Request(${pyStr(req.method)}, url, data=body).prepare()`,
    '# Exactly these headers and this URL: requests would add its own and re-quote the URL.',
    'prepared.headers = requests.structures.CaseInsensitiveDict(headers)',
    'prepared.url = url',
    'with requests.Session() as session:',
    '    response = session.send(prepared)',
    'print(response.status_code, response.reason)',
    'print(response.text)',
    ''
  )
  return lines.join('\n')
}

// ---- Node.js ------------------------------------------------------------------------------

function jsStr(text: string): string {
  // JSON string syntax is valid JavaScript; U+2028/9 are escaped for older parsers.
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`)
}

function node(req: PreparedRequest, plan: AuthPlan, source: SecretSource | null): string {
  const module = req.url.startsWith('https:') ? 'node:https' : 'node:http'
  const lines = [`const { request } = require(${jsStr(module)})`, "const zlib = require('node:zlib')", '']
  const headers = headerList(req).map(([n, v]) => `  ${jsStr(n)}: ${jsStr(v)},`)
  if (source) {
    lines.push('const secret = ' + ('env' in source ? `process.env[${jsStr(source.env)}] ?? ''` : jsStr(source.literal)))
    lines.push(`if (/[\\r\\n\\0]/.test(secret)) fail(${jsStr(AUTH_MESSAGES.lineBreak)})`)
    if (plan.scheme === 'bearer') {
      lines.push(`if (/[^\\x20-\\x7e]/.test(secret)) fail(${jsStr(AUTH_MESSAGES.bearerNotAscii)})`)
      headers.push('  Authorization: `Bearer ${secret}`,')
    } else if (plan.scheme === 'basic') {
      const userPass = plan.suffix === '' ? 'secret' : `secret + ${jsStr(plan.suffix)}`
      headers.push(`  Authorization: 'Basic ' + Buffer.from(${userPass}, 'utf8').toString('base64'),`)
    }
    lines.push('')
  }
  lines.push(`const url = ${jsStr(req.url)}`)
  lines.push('// Sent exactly as listed; node:http adds only Host and Connection.', 'const headers = {', ...headers, '}')
  lines.push(`const body = ${req.body === null ? 'null' : `Buffer.from(${jsStr(wellFormed(req.body))}, 'utf8')`}`, '')
  lines.push(
    `const req = request(url, { method: ${jsStr(req.method)}, headers }, (res) => {`,
    "  const decode = { gzip: zlib.createGunzip, deflate: zlib.createInflate, br: zlib.createBrotliDecompress }[res.headers['content-encoding']]",
    '  const stream = decode ? res.pipe(decode()) : res',
    '  const chunks = []',
    "  stream.on('data', (chunk) => chunks.push(chunk))",
    "  stream.on('end', () => console.log(res.statusCode, res.statusMessage + '\\n' + Buffer.concat(chunks).toString('utf8')))",
    '})',
    "req.on('error', (error) => fail(error.message))",
    'req.end(body ?? undefined)',
    '',
    'function fail(message) {',
    '  console.error(message)',
    '  process.exit(1)',
    '}',
    ''
  )
  return lines.join('\n')
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0')
}
