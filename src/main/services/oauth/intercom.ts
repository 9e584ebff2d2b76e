// Intercom's own OAuth (developers.intercom.com "Setting up OAuth"): authorize in the browser,
// exchange the code with the client secret (no PKCE), and revoke by uninstalling the app.
import axios from 'axios'
import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import { authorizationValue } from '../../../shared/request/auth'
import { intercomError, intercomHttp } from '../workspaces/intercom-identity'

export const INTERCOM_AUTHORIZE_URL = 'https://app.intercom.com/oauth'
export const INTERCOM_API_BASE = 'https://api.intercom.io'

/** For the embedded sandbox, which serves both on one origin. */
export const sandboxIntercomEndpoints = (sandboxUrl: string) => ({
  authorizeUrl: new URL('/oauth', sandboxUrl).href,
  apiBase: sandboxUrl
})

export function intercomAuthorizeUrl(authorizeUrl: string, params: { clientId: string; state: string; redirectUri: string }): string {
  const url = new URL(authorizeUrl)
  url.searchParams.set('client_id', params.clientId)
  url.searchParams.set('state', params.state)
  url.searchParams.set('redirect_uri', params.redirectUri)
  return url.href
}

const TokenResponse = z
  .object({ token_type: z.string().optional(), token: z.string().min(1).optional(), access_token: z.string().min(1).optional() })
  .refine((r) => r.access_token ?? r.token, 'no token in the response')

/** POST /auth/eagle/token with the form Intercom documents: code, client_id, client_secret. */
export async function exchangeIntercomCode(options: {
  apiBase: string
  code: string
  clientId: string
  clientSecret: string
}): Promise<string> {
  let data: unknown
  try {
    const form = new URLSearchParams({ code: options.code, client_id: options.clientId, client_secret: options.clientSecret })
    data = (await axios.post(new URL('/auth/eagle/token', options.apiBase).href, form, intercomHttp())).data
  } catch (error) {
    const appError = intercomError(error, 'Exchanging the authorization code')
    throw new AppError('oauth', appError.message, appError.details)
  }
  const parsed = TokenResponse.safeParse(data)
  if (!parsed.success) throw new AppError('oauth', 'The token endpoint answered without a token.')
  return (parsed.data.access_token ?? parsed.data.token) as string
}

/** Uninstalls the app for the token's workspace, which revokes the token (POST /auth/uninstall). */
export async function revokeIntercomToken(apiBase: string, token: string): Promise<void> {
  try {
    await axios.post(new URL('/auth/uninstall', apiBase).href, null, {
      ...intercomHttp(),
      headers: { Accept: 'application/json', Authorization: authorizationValue({ scheme: 'bearer' }, token)! }
    })
  } catch (error) {
    throw intercomError(error, 'Revoking the token with POST /auth/uninstall')
  }
}
