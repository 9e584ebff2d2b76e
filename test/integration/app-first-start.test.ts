// A first start while the embedded sandbox fails every request: the app starts, says what failed,
// and keeps trying to create the sandbox workspaces until the sandbox answers.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, type TokenDeskApp } from '../../src/main/services/app'
import { dispatchOk, testAppDeps } from '../support/app'
import { JsonFileStore } from '../../src/main/services/store'

let app: TokenDeskApp | null = null
let dir = ''
afterEach(async () => {
  await app?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const call = <T>(name: string, input?: unknown) => dispatchOk<T>(app!, name, input)

it('starts on a sandbox that fails every request, says so, and creates the workspaces once it answers', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-first-'))
  app = await createApp(
    testAppDeps(dir, {
      sandbox: { contacts: 20, faults: { errorRate: 1 } },
      sandboxRetryMs: { first: 50, max: 200 }
    })
  )
  const info = await call<{ notices: string[] }>('app.info')
  expect(info.notices.join('\n')).toMatch(/sandbox workspaces could not be created yet \(Sandbox US: .+\).*keeps trying/)
  expect((await call<{ workspaces: unknown[] }>('workspaces.list')).workspaces).toEqual([])

  // The page re-reads its notices when the workspaces change: the last such event must find the notice gone.
  const noticesAtEvent: string[][] = []
  app.events.subscribe((name) => {
    if (name === 'workspacesChanged') void call<{ notices: string[] }>('app.info').then((info) => noticesAtEvent.push(info.notices))
  })
  app.sandbox!.setFaults({ errorRate: 0 })
  await vi.waitFor(async () => expect((await call<{ workspaces: unknown[] }>('workspaces.list')).workspaces).toHaveLength(2), {
    timeout: 5_000
  })
  expect((await call<{ notices: string[] }>('app.info')).notices.join('\n')).not.toMatch(/could not be created/)
  await vi.waitFor(() => expect(noticesAtEvent.at(-1)?.join('\n')).toBe(''))
  expect(new JsonFileStore({ cwd: dir, name: 'settings' }).get('sandboxSeeded')).toBe(true)
})

it('a restart on a failing sandbox with the tokens gone says so, and puts them back once the sandbox answers', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'td-first-'))
  const first = await createApp(testAppDeps(dir, { sandbox: { contacts: 5 } }))
  await first.dispose()
  // A memory-only vault: the second start has the workspaces but not their tokens, and the sandbox fails.
  app = await createApp(
    testAppDeps(dir, {
      sandbox: { contacts: 5, faults: { errorRate: 1 } },
      sandboxRetryMs: { first: 50, max: 200 }
    })
  )
  type Listed = { workspaces: Array<{ name: string; secretMissing: boolean }> }
  expect((await call<Listed>('workspaces.list')).workspaces.map((w) => w.secretMissing)).toEqual([true, true])
  expect((await call<{ notices: string[] }>('app.info')).notices.join('\n')).toMatch(
    /tokens could not be put back yet \(Sandbox US: .+\).*keeps trying/
  )

  app.sandbox!.setFaults({ errorRate: 0 })
  await vi.waitFor(
    async () => expect((await call<Listed>('workspaces.list')).workspaces.map((w) => w.secretMissing)).toEqual([false, false]),
    {
      timeout: 5_000
    }
  )
  expect((await call<{ notices: string[] }>('app.info')).notices.join('\n')).not.toMatch(/could not/)
  const sent = await call<{ status: number }>('requests.send', { requestId: 'me', draft: { method: 'GET', path: '/me' } })
  expect(sent.status).toBe(200)
})
