// The command line's calls and the Workspace settings' "Lend to the command line" section.
import type { Handlers } from '../../core/dispatch'
import { AppError } from '../../../../shared/errors'
import type { AppContext } from '../context'
import { installLauncher } from '../../cli/launcher'
import os from 'node:os'

type CliHandlers = Pick<Handlers, 'cli.lending' | 'cli.setLending' | 'cli.install' | 'cli.workspaces' | 'cli.lend'>

export function cliHandlers(ctx: AppContext): CliHandlers {
  const { registry, lending } = ctx
  const available = (id: string) =>
    registry.credentialFor(id).then(
      () => true,
      () => false
    )
  return {
    'cli.lending': ({ workspaceId }) => lending.get(registry.get(workspaceId)),
    'cli.setLending': ({ workspaceId, allowed }) => lending.set(registry.get(workspaceId), allowed),
    'cli.install': () => {
      const command = ctx.deps.cliLauncher
      if (!command) throw new AppError('not_found', 'This Token Desk has no command line tool to install.')
      // The folder and the PATH check follow this process's own environment (TOKEN_DESK_BIN_DIR, PATH).
      return installLauncher({ platform: process.platform, command, env: process.env, homedir: os.homedir() })
    },
    'cli.workspaces': async () => {
      const workspaces = await Promise.all(
        registry.list().map(async (w) => ({ ...w, secretAvailable: await available(w.id), lendAllowed: lending.get(w).allowed }))
      )
      return { workspaces, activeId: registry.active()?.id ?? null }
    },
    'cli.lend': async ({ workspaceId, command, pid, cwd, approved, secret }) => {
      const workspace = registry.get(workspaceId)
      if (approved) lending.set(workspace, true)
      if (!lending.get(workspace).allowed)
        throw new AppError(
          'not_allowed',
          `“${workspace.name}” is not lent to the command line. Allow it in Token Desk (Workspace settings › Lend to the command line), or run the command from a terminal and answer y.`,
          { workspaceId }
        )
      const credential = await registry.credentialFor(workspaceId)
      lending.record(workspaceId, { command, pid, cwd })
      return {
        workspace,
        apiBase: credential.apiBase,
        intercomVersion: credential.intercomVersion,
        credential: secret ? credential.auth : null
      }
    }
  }
}
