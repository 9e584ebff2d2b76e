// Tests need a few system parts: Chromium (browser-mode e2e), a Secret Service (gnome-keyring over
// D-Bus) for the real keychain tests, and curl, dash, zsh, mksh, busybox and Python's requests for the snippet
// fidelity tests. On Debian as root, install what is missing; elsewhere print the exact command.
// With CI=true nothing may be missing.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const NEEDS = [
  { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'browser-mode end-to-end tests' },
  { bin: '/usr/bin/gnome-keyring-daemon', pkg: 'gnome-keyring', why: 'a real Secret Service for the keychain tests' },
  { bin: '/usr/bin/dbus-run-session', pkg: 'dbus', why: 'a D-Bus session for the keychain tests' },
  { bin: '/usr/bin/secret-tool', pkg: 'libsecret-tools', why: 'checking keychain items from outside the app' },
  { bin: '/usr/bin/curl', pkg: 'curl', why: 'the curl snippet fidelity test' },
  { bin: '/usr/bin/dash', pkg: 'dash', why: 'running snippets under a strict POSIX shell' },
  { bin: '/usr/bin/zsh', pkg: 'zsh', why: 'running snippets under zsh (the differential test)' },
  { bin: '/usr/bin/mksh', pkg: 'mksh', why: 'running snippets under mksh (the differential test)' },
  { bin: '/usr/bin/busybox', pkg: 'busybox', why: 'running snippets under busybox sh (the differential test)' },
  { bin: '/usr/lib/python3/dist-packages/requests/__init__.py', pkg: 'python3-requests', why: 'the Python snippet fidelity test' }
]

if (process.platform !== 'linux') {
  console.log('system parts: not Linux; the keychain and fidelity tests use what this OS provides.')
  process.exit(0)
}
const missing = NEEDS.filter((n) => !existsSync(n.bin))
if (missing.length === 0) {
  console.log('system parts: all present.')
  process.exit(0)
}
const packages = missing.map((m) => m.pkg)
const isDebian = existsSync('/etc/debian_version')
const isRoot = process.getuid?.() === 0
if (isDebian && isRoot) {
  console.log(`system parts: installing ${packages.join(', ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env })
  if (install.status === 0 && NEEDS.every((n) => existsSync(n.bin))) process.exit(0)
}
for (const m of missing) console.error(`missing: ${m.bin} (${m.why})`)
console.error(`Install them with:\n  sudo apt-get install -y ${packages.join(' ')}`)
process.exit(1)
