// Accepted `Intercom-Version` values: the 2.16 spec's enum (kept equal to spec-schemas.json by a
// test) plus the Preview channel and its old name.
import { ApiError } from './http'

export const SPEC_VERSIONS = [
  '1.0',
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '2.0',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '2.7',
  '2.8',
  '2.9',
  '2.10',
  '2.11',
  '2.12',
  '2.13',
  '2.14',
  '2.15',
  '2.16'
] as const
export const DEFAULT_VERSION = '2.16'
const ACCEPTED = new Set<string>([...SPEC_VERSIONS, 'Preview', 'Unstable'])

/** The version a request asks for; a missing header means the default. */
export function requestedVersion(header: string | string[] | undefined): string {
  if (header === undefined) return DEFAULT_VERSION
  const value = Array.isArray(header) ? header.join(',') : header.trim()
  if (!ACCEPTED.has(value)) {
    throw new ApiError(400, 'intercom_version_invalid', `Intercom-Version "${value}" is not valid; use one of ${[...ACCEPTED].join(', ')}`)
  }
  return value
}
