// A generic OAuth 2.0 provider: authorization code with PKCE S256, protocol handled by
// oauth4webapi (state, iss, token response validation).
import * as oauth from 'oauth4webapi'
import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import { describeOAuthError } from './callback'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
const TOKEN_TIMEOUT_MS = 15_000

const EndpointUrl = z
  .string()
  .url()
  .refine((u) => {
    const url = new URL(u)
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  }, 'must be https (plain http is allowed for 127.0.0.1/localhost only)')

export const GenericProvider = z.object({
  authorizationUrl: EndpointUrl,
  tokenUrl: EndpointUrl,
  clientId: z.string().min(1).max(512),
  clientSecret: z.string().max(512).optional(),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope without spaces or quotes'))
    .max(50)
    .default([]),
  /** Expected `iss` (RFC 9207); defaults to the authorization URL's origin. */
  issuer: z.string().url().optional()
})
export type GenericProvider = z.output<typeof GenericProvider>
export type GenericProviderInput = z.input<typeof GenericProvider>

export interface GenericTokens {
  accessToken: string
  tokenType: string
  refreshToken: string | null
  expiresIn: number | null
  scope: string | null
  idToken: string | null
}

/** One authorization attempt: its PKCE verifier and state live only here, in memory. */
export class GenericAuthorization {
  readonly #as: oauth.AuthorizationServer
  readonly #client: oauth.Client
  readonly #auth: oauth.ClientAuth
  readonly #insecure: boolean

  private constructor(
    private readonly provider: GenericProvider,
    readonly state: string,
    private readonly verifier: string,
    private readonly challenge: string
  ) {
    this.#as = {
      issuer: provider.issuer ?? new URL(provider.authorizationUrl).origin,
      authorization_endpoint: provider.authorizationUrl,
      token_endpoint: provider.tokenUrl
    }
    this.#client = { client_id: provider.clientId }
    this.#auth = provider.clientSecret ? oauth.ClientSecretPost(provider.clientSecret) : oauth.None()
    this.#insecure = new URL(provider.tokenUrl).protocol === 'http:'
  }

  static async create(provider: GenericProvider): Promise<GenericAuthorization> {
    const verifier = oauth.generateRandomCodeVerifier()
    return new GenericAuthorization(provider, oauth.generateRandomState(), verifier, await oauth.calculatePKCECodeChallenge(verifier))
  }

  authorizeUrl(redirectUri: string): string {
    const url = new URL(this.provider.authorizationUrl)
    url.searchParams.set('response_type', 'code')
    url.searchParams.set('client_id', this.provider.clientId)
    url.searchParams.set('redirect_uri', redirectUri)
    if (this.provider.scopes.length) url.searchParams.set('scope', this.provider.scopes.join(' '))
    url.searchParams.set('state', this.state)
    url.searchParams.set('code_challenge', this.challenge)
    url.searchParams.set('code_challenge_method', 'S256')
    return url.href
  }

  /** Validates the redirect (state, iss, error) and redeems the code with the verifier. */
  async exchange(callback: URLSearchParams, redirectUri: string): Promise<GenericTokens> {
    try {
      const params = oauth.validateAuthResponse(this.#as, this.#client, callback, this.state)
      const response = await oauth.authorizationCodeGrantRequest(this.#as, this.#client, this.#auth, params, redirectUri, this.verifier, {
        [oauth.allowInsecureRequests]: this.#insecure,
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS)
      })
      const tokens = await oauth.processAuthorizationCodeResponse(this.#as, this.#client, response)
      return {
        accessToken: tokens.access_token,
        tokenType: tokens.token_type,
        refreshToken: tokens.refresh_token ?? null,
        expiresIn: tokens.expires_in ?? null,
        scope: tokens.scope ?? null,
        idToken: tokens.id_token ?? null
      }
    } catch (error) {
      throw toOAuthError(error)
    }
  }
}

function toOAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AppError('oauth', describeOAuthError(error.error, error.error_description ?? null), { error: error.error })
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new AppError(
      'oauth',
      `The token endpoint refused the code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
      {
        error: error.error,
        status: error.status
      }
    )
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new AppError('timeout', 'The token endpoint did not answer in time.')
  return new AppError('oauth', `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`)
}
