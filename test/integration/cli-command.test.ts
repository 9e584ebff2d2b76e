// The `tokendesk` command line as a user runs it: real child processes, real shells, the real
// embedded sandbox, one data folder served by a writer that the commands talk to over its socket.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectLocalEndpoint, readLock } from '../../src/main/node/local-endpoint'
import { RequestDraft, type Workspace } from '../../src/shared/model'
import { buildRequest } from '../../src/shared/request/build'
import { codeSnippet } from '../../src/shared/snippets/code'
import { baseEnv, buildCli, runCli, startWriter, tempFolder } from '../support/cli'

const folder = tempFolder()
const userData = folder.dir
let writer: Awaited<ReturnType<typeof startWriter>>
const cli = (args: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(['--user-data', userData, ...args], options)
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

beforeAll(async () => {
  buildCli()
  writer = await startWriter(userData)
}, 60_000)

afterAll(async () => {
  await writer?.stop()
  folder.remove()
})

/** Calls the contract over the writer's endpoint, as the app's Workspace settings would. */
async function callDesk(name: string, input: unknown): Promise<unknown> {
  const client = await connectLocalEndpoint(userData)
  if (!client) throw new Error('no endpoint')
  try {
    const result = await client.call(name, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  } finally {
    client.close()
  }
}

async function workspaceId(name: string): Promise<string> {
  const { workspaces } = (await callDesk('workspaces.list', undefined)) as { workspaces: Array<{ id: string; name: string }> }
  return workspaces.find((w) => w.name === name)!.id
}

describe('tokendesk run', () => {
  for (const shell of ['sh', 'bash', 'dash']) {
    it(`puts the variables in the child's environment only (${shell})`, async () => {
      const token = (await cli(['token', '-w', 'Sandbox US'])).stdout.trim()
      expect(token.length).toBeGreaterThan(8)
      const script = [
        '[ -n "$INTERCOM_TOKEN" ] && echo has-token',
        'printf "%s" "$INTERCOM_TOKEN" | sha256sum | cut -c1-64',
        'echo "base=$INTERCOM_API_BASE version=$INTERCOM_VERSION"',
        // The parent (tokendesk) holds the token neither in its environment nor in its argv.
        'tr "\\0" "\\n" < /proc/$PPID/environ | grep -c INTERCOM_ || true',
        'grep -qF "$INTERCOM_TOKEN" /proc/$PPID/cmdline && echo parent-argv-leak || echo parent-argv-clean',
        'grep -qF "$INTERCOM_TOKEN" /proc/$$/cmdline && echo child-argv-leak || echo child-argv-clean'
      ].join('\n')
      const result = await cli(['run', '-w', 'Sandbox US', '--', shell, '-c', script])
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      const lines = result.stdout.trim().split('\n')
      expect(lines[0]).toBe('has-token')
      expect(lines[1]).toBe(sha(token))
      expect(lines[2]).toMatch(/^base=http:\/\/127\.0\.0\.1:\d+ version=2\.\d+$/)
      expect(lines[3]).toBe('0')
      expect(lines[4]).toBe('parent-argv-clean')
      expect(lines[5]).toBe('child-argv-clean')
      // Nor does it land in a file of the data folder.
      for (const file of readdirSync(userData, { recursive: true }) as string[]) {
        const full = path.join(userData, file)
        if (statSync(full).isFile()) expect(readFileSync(full, 'utf8')).not.toContain(token)
      }
    })
  }

  it('uses the variable name given with --env and exits with the child status', async () => {
    const result = await cli(['run', '--env', 'MY_TOKEN', '--', 'sh', '-c', '[ -n "$MY_TOKEN" ] && [ -z "$INTERCOM_TOKEN" ] && exit 7'])
    expect(result.status).toBe(7)
  })

  it('masks the token and its encoded forms, also when split across chunks', async () => {
    const token = (await cli(['token', '-w', 'Sandbox US'])).stdout.trim()
    const script = [
      't="$INTERCOM_TOKEN"',
      'echo "raw: $t"',
      // The token in two writes with a pause between: two chunks for the reader.
      'printf "split: %s" "${t%????????}"; sleep 0.3; printf "%s end\\n" "${t#"${t%????????}"}"',
      'printf "base64: %s\\n" "$(printf %s "$t" | base64 -w0)"',
      'printf "basic: Basic %s\\n" "$(printf %s: "$t" | base64 -w0)"',
      'printf "url: %s\\n" "$(node -e "process.stdout.write(encodeURIComponent(process.env.INTERCOM_TOKEN))")"',
      'echo "stderr: $t" >&2'
    ].join('\n')
    const masked = await cli(['run', '-w', 'Sandbox US', '--', 'bash', '-c', script])
    expect(masked.status).toBe(0)
    const b64 = Buffer.from(token).toString('base64')
    const basic = Buffer.from(`${token}:`).toString('base64')
    for (const form of [token, b64, basic, encodeURIComponent(token), token.slice(0, -8), token.slice(-8)]) {
      expect(masked.stdout).not.toContain(form)
      expect(masked.stderr).not.toContain(form)
    }
    expect(masked.stdout).toBe(
      [
        'raw: <token:Sandbox US>',
        'split: <token:Sandbox US> end',
        'base64: <token:Sandbox US>',
        'basic: Basic <token:Sandbox US>',
        'url: <token:Sandbox US>',
        ''
      ].join('\n')
    )
    expect(masked.stderr).toBe('stderr: <token:Sandbox US>\n')

    const plain = await cli(['run', '-w', 'Sandbox US', '--no-mask', '--', 'sh', '-c', 'echo "$INTERCOM_TOKEN"'])
    expect(plain.stdout.trim()).toBe(token)
  })
})

describe('tokendesk api', () => {
  it('pages through every contact exactly once, for /contacts and for /contacts/search', async () => {
    const first = JSON.parse((await cli(['api', '-w', 'Sandbox US', '/contacts', '-q', 'per_page=50'])).stdout) as { total_count: number }
    expect(first.total_count).toBeGreaterThan(50)
    const listed = await cli(['api', '-w', 'Sandbox US', '--paginate', '/contacts?per_page=50'])
    expect(listed.status).toBe(0)
    const ids = listed.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id)
    expect(ids.length).toBe(first.total_count)
    expect(new Set(ids).size).toBe(ids.length)

    const search = JSON.stringify({ query: { field: 'created_at', operator: '>', value: 0 }, pagination: { per_page: 40 } })
    const found = await cli(['api', '-w', 'Sandbox US', '--paginate', '--input', '-', '/contacts/search'], { input: search })
    expect(found.stderr).toBe('')
    expect(found.status).toBe(0)
    const searched = found.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id)
    expect(searched.sort()).toEqual([...ids].sort())
  }, 60_000)

  it('answers with the exit statuses the issue fixes', async () => {
    const me = await cli(['api', '-w', 'Sandbox US', '/me'])
    expect(me.status).toBe(0)
    expect(JSON.parse(me.stdout)).toMatchObject({ type: 'admin' })

    const admins = await cli(['api', '-w', 'Sandbox EU', '/admins'])
    expect(admins.status).toBe(4)
    expect(admins.stderr).toContain('read_admins')
    expect(admins.stderr).toMatch(/extended scope/)

    const missing = await cli(['api', '-w', 'Sandbox US', '/contacts/no-such-contact'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('404')

    const network = await cli(['api', '--auth', 'none', 'http://127.0.0.1:1/unreachable'])
    expect(network.status).toBe(1)
    expect(network.stderr).toMatch(/reach|refused/i)

    expect((await cli(['api'])).status).toBe(2)
    expect((await cli(['api', '-X', 'FETCH', '/me'])).status).toBe(2)
    expect((await cli(['api', '--bogus', '/me'])).status).toBe(2)
    expect((await cli(['api', '-w', 'No such workspace', '/me'])).status).toBe(2)
  })

  it('prints the status line and headers first with -i, as curl -i does', async () => {
    const result = await cli(['api', '-i', '-w', 'Sandbox US', '/me'])
    const [head, body] = result.stdout.split('\r\n\r\n')
    expect(head!.split('\r\n')[0]).toBe('HTTP/1.1 200 OK')
    expect(head).toMatch(/\r\ncontent-type: application\/json/i)
    expect(JSON.parse(body!)).toMatchObject({ type: 'admin' })
  })
})

describe('token and env', () => {
  it('prints sh, PowerShell and cmd lines that set the variables', async () => {
    const sh = await cli(['env', '-w', 'Sandbox US'])
    expect(sh.status).toBe(0)
    const evaluated = await runCli([], {
      command: ['sh', '-c', `eval "$1"; printf '%s|%s' "$INTERCOM_API_BASE" "$INTERCOM_VERSION"`, 'sh', sh.stdout]
    })
    expect(evaluated.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\|2\.\d+$/)
    expect((await cli(['env', '--shell', 'powershell'])).stdout).toMatch(/^\$env:INTERCOM_TOKEN = '.+'$/m)
    expect((await cli(['env', '--shell', 'cmd'])).stdout).toMatch(/^set "INTERCOM_API_BASE=http:\/\/127.0.0.1:\d+"$/m)
    expect((await cli(['env', '--shell', 'fish'])).status).toBe(2)
  })

  it('refuses to print the token to a terminal unless --reveal', async () => {
    // `script` gives the command a real terminal as its stdout.
    const onTty = await runCli([], { command: ['script', '-qec', `node bin/tokendesk.mjs token --user-data ${userData}`, '/dev/null'] })
    expect(onTty.stdout).toMatch(/Refusing to print the token/)
    expect(onTty.status).toBe(1)
    const revealed = await runCli([], {
      command: ['script', '-qec', `node bin/tokendesk.mjs token --reveal --user-data ${userData}`, '/dev/null']
    })
    expect(revealed.status).toBe(0)
    expect(revealed.stdout.trim().length).toBeGreaterThan(8)
  })
})

describe('lending', () => {
  it('records every lend with the command, process id and folder', async () => {
    const id = await workspaceId('Sandbox EU')
    await cli(['api', '-w', 'Sandbox EU', '/me'], { cwd: '/tmp' })
    const lending = (await callDesk('cli.lending', { workspaceId: id })) as {
      allowed: boolean
      lends: Array<{ command: string; pid: number; cwd: string; at: string }>
    }
    expect(lending.allowed).toBe(true)
    expect(lending.lends[0]).toMatchObject({ command: expect.stringMatching(/^api .*-w Sandbox EU \/me$/), cwd: '/tmp' })
    expect(lending.lends[0]!.pid).toBeGreaterThan(0)
  })

  it('refuses a withdrawn workspace without a terminal, and asks y/N on one', async () => {
    const id = await workspaceId('Sandbox EU')
    await callDesk('cli.setLending', { workspaceId: id, allowed: false })
    const refused = await cli(['token', '-w', 'Sandbox EU'])
    expect(refused.status).toBe(4)
    expect(refused.stderr).toContain('Lend to the command line')
    expect(refused.stdout).toBe('')

    const declined = await runCli([], {
      command: ['script', '-qec', `node bin/tokendesk.mjs api /me -w 'Sandbox EU' --user-data ${userData}`, '/dev/null'],
      input: 'n\n'
    })
    expect(declined.stdout).toContain('[y/N]')
    expect(declined.status).toBe(4)

    const approved = await runCli([], {
      command: ['script', '-qec', `node bin/tokendesk.mjs api /me -w 'Sandbox EU' --user-data ${userData}`, '/dev/null'],
      input: 'y\n'
    })
    expect(approved.status).toBe(0)
    expect(((await callDesk('cli.lending', { workspaceId: id })) as { allowed: boolean }).allowed).toBe(true)
  })
})

describe('the data folder', () => {
  it('keeps the folder 0700 and the socket and lock 0600', () => {
    const lock = readLock(userData)!
    expect(statSync(userData).mode & 0o777).toBe(0o700)
    const socket = statSync(lock.endpoint!)
    expect(socket.isSocket()).toBe(true)
    expect(socket.mode & 0o777).toBe(0o600)
    expect(path.dirname(lock.endpoint!)).toBe(userData)
    expect(statSync(path.join(userData, 'writer.lock')).mode & 0o777).toBe(0o600)
  })

  it('turns away a client without the secret from the lock file', async () => {
    const net = await import('node:net')
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(readLock(userData)!.endpoint!)
      let got = ''
      socket.on('data', (d) => (got += d.toString()))
      socket.on('close', () => resolve(got))
      socket.write(JSON.stringify({ secret: 'wrong' }) + '\n' + JSON.stringify({ id: 1, name: 'workspaces.list' }) + '\n')
    })
    expect(answer).toBe('')
  })

  it('follows `use` in the writer and survives many commands at once without a lost or corrupt file', async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? cli(['use', 'Sandbox EU']) : cli(['api', '-w', 'Sandbox US', '/me'])))
    )
    expect(runs.map((r) => r.status)).toEqual(Array(8).fill(0))
    const { activeId } = (await callDesk('workspaces.list', undefined)) as { activeId: string }
    expect(activeId).toBe(await workspaceId('Sandbox EU'))
    for (const file of readdirSync(userData)) {
      expect(file).not.toMatch(/corrupt|\.tmp/)
      if (file.endsWith('.json')) expect(() => JSON.parse(readFileSync(path.join(userData, file), 'utf8'))).not.toThrow()
    }
  })
})

describe('saved requests', () => {
  it('runs a saved request by name or path, and prints it as a snippet in each language', async () => {
    await callDesk('library.save', {
      name: 'Who am I',
      folder: 'Checks',
      sharing: { kind: 'shared' },
      draft: { method: 'GET', path: '/me', query: [{ name: 'x', value: 'a b', enabled: true }] }
    })
    for (const ref of ['Who am I', 'Checks/Who am I']) {
      const ran = await cli(['request', ref, '-w', 'Sandbox US'])
      expect(ran.status).toBe(0)
      expect(JSON.parse(ran.stdout)).toMatchObject({ type: 'admin' })
    }
    expect((await cli(['request', 'Nothing like it'])).status).toBe(2)

    const td = await cli(['snippet', 'Who am I', '-w', 'Sandbox US', '--lang', 'tokendesk'])
    expect(td.stdout).toBe("tokendesk api -w 'Sandbox US' '/me?x=a%20b'\n")
    // The tokendesk snippet runs as it is, through a real shell, with no token in it.
    const viaShell = await runCli([], {
      command: ['sh', '-c', td.stdout.replace(/^tokendesk /, `node bin/tokendesk.mjs --user-data ${userData} `)]
    })
    expect(JSON.parse(viaShell.stdout)).toMatchObject({ type: 'admin' })

    const sh = await cli(['snippet', 'Checks/Who am I', '-w', 'Sandbox US'])
    expect(sh.stdout).toMatch(/^curl .*\$INTERCOM_TOKEN/)
    // Python and Node.js: the very text the desktop's Code tab writes for this request.
    const { sandboxUrl } = (await callDesk('app.info', undefined)) as { sandboxUrl: string }
    const { workspaces } = (await callDesk('workspaces.list', undefined)) as { workspaces: Workspace[] }
    const us = workspaces.find((w) => w.name === 'Sandbox US')!
    const prepared = buildRequest(RequestDraft.parse({ method: 'GET', path: '/me', query: [{ name: 'x', value: 'a b', enabled: true }] }), {
      baseUrl: sandboxUrl,
      defaultVersion: us.intercomVersion,
      credential: { kind: 'none' }
    })
    for (const lang of ['python', 'node'] as const) {
      const printed = await cli(['snippet', 'Who am I', '-w', 'Sandbox US', '--lang', lang])
      expect(printed.status).toBe(0)
      const desktop = codeSnippet(lang, prepared, { mode: 'bearer', secret: null }, { tokenStyle: 'env' }).text
      expect(printed.stdout).toBe(desktop.endsWith('\n') ? desktop : `${desktop}\n`)
      expect(printed.stdout).toContain('INTERCOM_TOKEN')
    }
    expect((await cli(['snippet', 'Who am I', '--lang', 'cobol'])).status).toBe(2)
  })
})

describe('workspaces and help', () => {
  it('lists the workspaces as a table and as JSON', async () => {
    const table = await cli(['workspaces'])
    expect(table.stdout.split('\n')[0]).toMatch(/NAME\s+ID\s+REGION\s+CREDENTIAL\s+SECRET/)
    const rows = JSON.parse((await cli(['workspaces', '--json'])).stdout) as Array<Record<string, unknown>>
    expect(rows.map((r) => r['name']).sort()).toEqual(['Sandbox EU', 'Sandbox US'])
    expect(rows.filter((r) => r['active'])).toHaveLength(1)
    expect(rows[0]).toMatchObject({ credential: 'access token', secretAvailable: true, region: 'sandbox' })
  })

  it('has --help on every command and completion for bash, zsh and fish', async () => {
    for (const command of ['workspaces', 'use', 'api', 'run', 'env', 'token', 'request', 'snippet', 'completion']) {
      const help = await runCli([command, '--help'], { env: baseEnv() })
      expect(help.status).toBe(0)
      expect(help.stdout).toContain(`Usage: tokendesk ${command}`)
    }
    const bash = await runCli([], { command: ['bash', '-c', 'source <(node bin/tokendesk.mjs completion bash) && complete -p tokendesk'] })
    expect(bash.stdout).toContain('complete -o default -F _tokendesk tokendesk')
    const zsh = (await runCli(['completion', 'zsh'])).stdout
    expect(zsh).toMatch(/^#compdef tokendesk/)
    const fish = (await runCli(['completion', 'fish'])).stdout
    expect(fish).toContain('complete -c tokendesk -n __fish_use_subcommand -a api')
  })
})
