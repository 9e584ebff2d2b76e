// Code in other languages, made from our POSIX curl snippet by curlconverter (the library
// behind curlconverter.com), so the quoting and token rules are the curl snippet's own: a
// `$INTERCOM_TOKEN` there becomes the language's way of reading that environment variable.
// HTTPie is left out on purpose: curlconverter 4.12 writes the variable unquoted in HTTPie
// commands, so a token is split at spaces and globbed (the fidelity test caught it).
import { toNodeFetchWarn, toPythonWarn } from 'curlconverter'
import { AppError } from '../../../shared/errors'
import type { CodeLanguage } from '../../../shared/snippets'

type Converter = (curl: string) => [string, Array<[string, string]>]

const CONVERTERS: Record<CodeLanguage, Converter> = {
  python: toPythonWarn,
  // Node 18 and later have fetch built in, so the node-fetch import the generator adds is dropped.
  node: (curl) => {
    const [code, warnings] = toNodeFetchWarn(curl)
    return [code.replace(/^import fetch from 'node-fetch';\n\n/, ''), warnings]
  }
}

export function convertCurl(curl: string, language: CodeLanguage): { code: string; warnings: string[] } {
  let converted: ReturnType<Converter>
  try {
    converted = CONVERTERS[language](curl)
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `This request cannot be written for ${language}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const [code, warnings] = converted
  // Reading the token from the environment is the point, not something to warn about.
  const worth = warnings.filter(([kind]) => kind !== 'expansion').map(([, message]) => message.split('\n')[0]!)
  return { code: code.endsWith('\n') ? code : `${code}\n`, warnings: worth }
}
