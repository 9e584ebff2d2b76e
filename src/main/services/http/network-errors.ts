// Turns Node/axios transport failures into AppErrors a person can act on. Messages name the host
// only: never the URL (its query may hold secrets) and never a header.
import { AppError, type ErrorCode } from '../../../shared/errors'

interface Explanation {
  code: ErrorCode
  text: (host: string) => string
}

const TLS_PREFIX = (host: string) => `The secure (TLS) connection to ${host} was refused for your safety:`
const INTERCEPTED = 'A proxy or antivirus that inspects HTTPS often causes this.'

const EXPLANATIONS: Record<string, Explanation> = {
  ECONNREFUSED: {
    code: 'network',
    text: (h) => `${h} refused the connection: nothing is listening on that port, or a firewall blocked it.`
  },
  ENOTFOUND: {
    code: 'network',
    text: (h) => `Could not find ${h}: the name does not resolve. Check the address and your DNS or internet connection.`
  },
  EAI_AGAIN: {
    code: 'network',
    text: (h) => `Looking up ${h} failed for now (temporary DNS failure). Check your internet connection and retry.`
  },
  ETIMEDOUT: {
    code: 'timeout',
    text: (h) => `The connection to ${h} timed out. The host may be down or a firewall may be dropping traffic.`
  },
  ECONNABORTED: { code: 'timeout', text: (h) => `${h} did not answer in time.` },
  ECONNRESET: {
    code: 'network',
    text: (h) =>
      `The connection to ${h} was reset before the response was complete. Retry; if it keeps happening, a proxy or firewall may be cutting it.`
  },
  EPIPE: { code: 'network', text: (h) => `The connection to ${h} closed while the request was being sent.` },
  ERR_STREAM_PREMATURE_CLOSE: { code: 'network', text: (h) => `${h} closed the connection before the response was complete.` },
  EHOSTUNREACH: { code: 'network', text: (h) => `There is no network route to ${h}. Check your connection or VPN.` },
  ENETUNREACH: { code: 'network', text: (h) => `The network is unreachable while connecting to ${h}. Check your connection or VPN.` },
  CERT_HAS_EXPIRED: { code: 'network', text: (h) => `${TLS_PREFIX(h)} its certificate has expired (or this computer's clock is wrong).` },
  CERT_NOT_YET_VALID: { code: 'network', text: (h) => `${TLS_PREFIX(h)} its certificate is not valid yet (check this computer's clock).` },
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    code: 'network',
    text: (h) => `${TLS_PREFIX(h)} it presented a self-signed certificate that no trusted authority issued. ${INTERCEPTED}`
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    code: 'network',
    text: (h) => `${TLS_PREFIX(h)} its certificate chain ends in a self-signed certificate that is not trusted. ${INTERCEPTED}`
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    code: 'network',
    text: (h) =>
      `${TLS_PREFIX(h)} its certificate could not be verified (the issuing authority is unknown or an intermediate certificate is missing). ${INTERCEPTED}`
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    code: 'network',
    text: (h) => `${TLS_PREFIX(h)} the authority that issued its certificate is not trusted on this computer. ${INTERCEPTED}`
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    code: 'network',
    text: (h) => `${TLS_PREFIX(h)} the authority that issued its certificate could not be found. ${INTERCEPTED}`
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    code: 'network',
    text: (h) => `${TLS_PREFIX(h)} its certificate was issued for a different host name, so it may not be the server you meant.`
  },
  CERT_REVOKED: { code: 'network', text: (h) => `${TLS_PREFIX(h)} its certificate has been revoked.` },
  EPROTO: { code: 'network', text: (h) => `The secure (TLS) handshake with ${h} failed. The server may not speak HTTPS on this port.` }
}

function errorCodeOf(err: unknown): string | undefined {
  // axios copies the socket's code onto its own error; the original sits in `cause` too.
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code !== 'ERR_BAD_RESPONSE' && code !== 'ERR_NETWORK') return code
  }
  return undefined
}

/** An AppError for a transport failure talking to `host`. */
export function explainNetworkError(err: unknown, host: string): AppError {
  const cause = errorCodeOf(err)
  const known = cause ? EXPLANATIONS[cause] : undefined
  if (known) return new AppError(known.code, known.text(host), { host, cause })
  if (cause?.startsWith('ERR_SSL_') || cause?.startsWith('ERR_TLS_'))
    return new AppError('network', `The secure (TLS) connection to ${host} failed (${cause}).`, { host, cause })
  return new AppError('network', `Could not talk to ${host}${cause ? ` (${cause})` : ''}.`, cause ? { host, cause } : { host })
}
