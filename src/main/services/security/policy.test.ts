import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAllowedNavigation, isTrustedSender } from './policy'
import { resolveStaticFile } from './static-files'

describe('navigation policy', () => {
  it.each([
    ['app://token-desk/index.html', true],
    ['app://token-desk/#/x', true],
    ['https://evil.example/', false],
    ['app://token-desk.evil/', false],
    ['app://bundle/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed)
  })

  it('allows the dev server origin only when one is configured', () => {
    expect(isAllowedNavigation('http://localhost:5173/x', 'http://localhost:5173')).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
  })
})

describe('external URL policy', () => {
  const sandbox = ['http://127.0.0.1:4010']
  it.each([
    ['https://developers.intercom.com/docs', true],
    ['https://app.intercom.com/oauth?client_id=x', true],
    ['http://127.0.0.1:4010/oauth?client_id=x', true],
    ['http://127.0.0.1:9999/oauth', false],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['smb://host/share', false],
    ['javascript:alert(1)', false],
    ['intercom://open', false],
    ['https://user:pass@example.com/', false],
    [`https://example.com/${'a'.repeat(3000)}`, false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url, sandbox)).toBe(allowed)
  })
})

describe('IPC sender policy', () => {
  it('accepts only the app top frame', () => {
    expect(isTrustedSender({ url: 'app://token-desk/index.html', isTopFrame: true })).toBe(true)
    expect(isTrustedSender({ url: 'app://token-desk/index.html', isTopFrame: false })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true })).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true }, 'http://localhost:5173')).toBe(true)
  })
})

describe('Content-Security-Policy', () => {
  it('is strict: no unsafe script sources, no objects, no base, no framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name!, values.join(' ')]
      })
    )
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/)
  })

  it('index.html carries the same policy (minus frame-ancestors, which meta tags cannot hold)', () => {
    const html = readFileSync(path.resolve('src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const expected = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ')
    expect(meta).toBe(expected)
  })
})

describe('static files', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'td-static-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const bundle = path.join(root, 'bundle')
  mkdirSync(path.join(bundle, 'assets'), { recursive: true })
  writeFileSync(path.join(bundle, 'index.html'), '<html>')
  writeFileSync(path.join(bundle, 'assets', 'app.js'), '1')
  writeFileSync(path.join(root, 'secret.txt'), 'secret')
  symlinkSync(path.join(root, 'secret.txt'), path.join(bundle, 'link.txt'))

  it('serves files inside the bundle', () => {
    expect(resolveStaticFile(bundle, '/')).toBe(path.join(bundle, 'index.html'))
    expect(resolveStaticFile(bundle, '/assets/app.js?v=1')).toBe(path.join(bundle, 'assets', 'app.js'))
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '//etc/passwd',
    '/link.txt',
    '/assets',
    '/nope.js',
    '/%00',
    '/..\\secret.txt',
    '/%E0%A4%A'
  ])('refuses %s', (p) => {
    expect(resolveStaticFile(bundle, p)).toBeNull()
  })
})
