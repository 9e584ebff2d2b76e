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

  app.sandbox!.setFaults({ errorRate: 0 })
  await vi.waitFor(async () => expect((await call<{ workspaces: unknown[] }>('workspaces.list')).workspaces).toHaveLength(2), {
    timeout: 5_000
  })
  expect((await call<{ notices: string[] }>('app.info')).notices.join('\n')).not.toMatch(/could not be created/)
  expect(new JsonFileStore({ cwd: dir, name: 'settings' }).get('sandboxSeeded')).toBe(true)
})
