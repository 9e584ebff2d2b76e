// The one place that asks Intercom who a token belongs to (`GET /me`), plus the mapping from an
// HTTP failure to an AppError built from Intercom's error body. Kept tiny on purpose: the
// request executor proper lives elsewhere.
import axios, { type AxiosRequestConfig } from 'axios'
import { z } from 'zod'
import { AppError } from '../../../shared/errors'
import { authorizationValue } from '../../../shared/request/auth'
import { Region } from '../../../shared/model'

export const IDENTITY_TIMEOUT_MS = 15_000

export interface IntercomIdentity {
  adminId: string
  adminName: string | null
  adminEmail: string | null
  emailVerified: boolean | null
  appIdCode: string
  appName: string | null
  /** From `app.region` when Intercom names one we know. */
  region: Region | null
}

const MeResponse = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().nullish(),
  email: z.string().nullish(),
  email_verified: z.boolean().nullish(),
  app: z.object({ id_code: z.string().min(1), name: z.string().nullish(), region: z.string().nullish() })
})

const ErrorBody = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string().nullish() })).min(1) })

/** Shared axios settings: no redirects (a credential must not follow one), bounded time. */
export const intercomHttp = (timeoutMs = IDENTITY_TIMEOUT_MS): AxiosRequestConfig => ({
  timeout: timeoutMs,
  maxRedirects: 0,
  headers: { Accept: 'application/json' }
})

export async function fetchIntercomIdentity(options: {
  apiBase: string
  token: string
  intercomVersion?: string
  timeoutMs?: number
}): Promise<IntercomIdentity> {
  let data: unknown
  try {
    const response = await axios.get(new URL('/me', options.apiBase).href, {
      ...intercomHttp(options.timeoutMs),
      headers: {
        Accept: 'application/json',
        Authorization: authorizationValue({ scheme: 'bearer' }, options.token)!,
        ...(options.intercomVersion ? { 'Intercom-Version': options.intercomVersion } : {})
      }
    })
    data = response.data
  } catch (error) {
    throw intercomError(error, 'Checking the token with GET /me')
  }
  const me = MeResponse.safeParse(data)
  if (!me.success)
    throw new AppError('intercom_error', 'GET /me answered, but not with an admin and its workspace (app.id_code is missing).')
  const region = Region.safeParse(me.data.app.region?.toUpperCase())
  return {
    adminId: me.data.id,
    adminName: me.data.name ?? null,
    adminEmail: me.data.email ?? null,
    emailVerified: me.data.email_verified ?? null,
    appIdCode: me.data.app.id_code,
    appName: me.data.app.name ?? null,
    region: region.success ? region.data : null
  }
}

/** Turns an axios failure into an AppError naming what failed, using Intercom's error body. */
export function intercomError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error
  if (!axios.isAxiosError(error)) return new AppError('internal', `${what} failed unexpectedly.`)
  if (error.response) {
    const { status, data } = error.response
    const body = ErrorBody.safeParse(data)
    const first = body.success ? body.data.errors[0] : undefined
    const said = first ? `: ${first.message ?? first.code} (${first.code})` : ''
    const code = status === 401 ? 'unauthorized' : 'intercom_error'
    return new AppError(code, `${what} failed with HTTP ${status}${said}.`, { status, intercomCode: first?.code ?? null })
  }
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return new AppError('timeout', `${what} timed out.`)
  return new AppError(
    'network',
    `${what} failed: could not reach ${error.config?.url ? new URL(error.config.url).host : 'the server'} (${error.code ?? error.message}).`
  )
}
