// The variables `tokendesk run` puts in the child's environment and `tokendesk env` prints.
import type { LentCredential } from '../shared/contract/cli'
import { posixQuote, powershellQuote } from '../shared/snippets/shells'

export const DEFAULT_TOKEN_VAR = 'INTERCOM_TOKEN'
export type EnvShell = 'sh' | 'powershell' | 'cmd'

export class EnvError extends Error {}

export function lentVariables(
  lent: { apiBase: string; intercomVersion: string; credential: LentCredential },
  tokenVar = DEFAULT_TOKEN_VAR
): Array<[string, string]> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVar)) throw new EnvError(`"${tokenVar}" is not a valid environment variable name.`)
  const base: Array<[string, string]> = [
    ['INTERCOM_API_BASE', lent.apiBase],
    ['INTERCOM_VERSION', lent.intercomVersion]
  ]
  const { credential } = lent
  return credential.kind === 'bearer'
    ? [[tokenVar, credential.token], ...base]
    : [['INTERCOM_APP_ID', credential.appId], ['INTERCOM_API_KEY', credential.apiKey], ...base]
}

/** cmd has no quoting that keeps % and " literal, so such values are refused rather than mangled. */
const CMD_SAFE = /^[^"%!\r\n^&|<>]*$/

export function envLines(vars: Array<[string, string]>, shell: EnvShell): string {
  return vars
    .map(([name, value]) => {
      if (shell === 'sh') return `export ${name}=${posixQuote(value)}`
      if (shell === 'powershell') return `$env:${name} = ${powershellQuote(value)}`
      if (!CMD_SAFE.test(value)) throw new EnvError(`${name} holds characters cmd cannot set safely; use --shell powershell.`)
      return `set "${name}=${value}"`
    })
    .join('\n')
}
