export { OAuthFlows, OAuthRequest, type FlowPhase, type FlowStatus, type OAuthFlowsOptions, type OAuthResult } from './flows'
export { LoopbackListener, DEFAULT_CALLBACK_PATH, DEFAULT_LOOPBACK_TIMEOUT_MS, type LoopbackOptions } from './loopback-listener'
export { GenericProvider, type GenericProviderInput, type GenericTokens } from './generic'
export {
  INTERCOM_API_BASE,
  INTERCOM_AUTHORIZE_URL,
  exchangeIntercomCode,
  intercomAuthorizeUrl,
  revokeIntercomToken,
  sandboxIntercomEndpoints
} from './intercom'
export { loopbackCertificate } from './loopback-certificate'
