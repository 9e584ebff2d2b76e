import { AppError } from '../errors'

export type BuildField = 'baseUrl' | 'path' | 'pathParams' | 'query' | 'headers' | 'body' | 'authMode' | 'credential'

/** Bad input, with the draft field it came from (`name` is the param or header at fault). */
export class RequestBuildError extends AppError {
  constructor(
    readonly field: BuildField,
    message: string,
    readonly fieldName?: string
  ) {
    super('invalid_input', message, fieldName === undefined ? { field } : { field, name: fieldName })
    this.name = 'RequestBuildError'
  }
}
