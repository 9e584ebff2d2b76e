import type { Handlers } from '../../core/dispatch'
import { isAllowedExternalUrl } from '../../security/policy'
import { AppError } from '../../../../shared/errors'
import type { AppContext } from '../context'

type AppHandlers = Pick<Handlers, 'app.info' | 'app.openExternal' | 'app.setWeakStorage' | 'app.dismissNotice'>

const DISMISSED_KEY = 'dismissedNotices'

export function appHandlers(ctx: AppContext, notices: () => string[]): AppHandlers {
  const { deps, sandbox } = ctx
  return {
    'app.info': () => ({
      name: 'Token Desk',
      version: deps.version,
      host: deps.host,
      platform: deps.platform,
      vault: deps.vault.backend,
      sandboxUrl: sandbox?.url ?? null,
      sandboxOAuth: sandboxClient(ctx),
      notices: notices(),
      dismissedNotices: dismissed(ctx),
      weakStorage: { offered: deps.weakStorage?.offered ?? false, enabled: deps.weakStorage?.enabled ?? false }
    }),
    'app.dismissNotice': ({ id }) => {
      const all = [...new Set([...dismissed(ctx), id])]
      ctx.settings.set(DISMISSED_KEY, all)
      return { dismissed: all }
    },
    'app.setWeakStorage': ({ allow }) => {
      if (!deps.weakStorage?.offered)
        throw new AppError('invalid_input', 'Weaker storage is only offered on a Linux desktop without a keyring.')
      deps.weakStorage.set(allow)
      return { restartRequired: allow !== deps.weakStorage.enabled }
    },
    'app.openExternal': async ({ url }) => {
      const loopback = sandbox ? [new URL(sandbox.url).origin] : []
      if (!isAllowedExternalUrl(url, loopback))
        throw new AppError('invalid_input', 'Only https links (and the embedded sandbox) can be opened.')
      // Browser mode: the page itself opens the link in a new tab.
      if (deps.host === 'web') return { opened: false }
      await deps.opener.openExternal(url)
      return { opened: true }
    }
  }
}

function dismissed(ctx: AppContext): string[] {
  return (ctx.settings.get(DISMISSED_KEY) as string[] | undefined) ?? []
}

function sandboxClient(ctx: AppContext): { clientId: string; clientSecret: string } | null {
  const client = ctx.sandbox?.oauthClients.find((c) => c.clientSecret !== '')
  return client ? { clientId: client.clientId, clientSecret: client.clientSecret } : null
}
