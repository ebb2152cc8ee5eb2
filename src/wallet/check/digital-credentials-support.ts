/**
 * Whether this browser offers the W3C Digital Credentials API, through which a page can ask a
 * wallet app on this device for a credential (Chrome 141+ on Android and desktop; Safari 26 for
 * mdocs only). Cheap and synchronous, so a screen can decide whether to offer "Ask a wallet on
 * this phone" without loading the checker. Detection only: digital-credentials.ts asks.
 */

/**
 * OpenID4VP 1.0 §A.1 (DC_API_PROTOCOL_UNSIGNED in src/protocols/openid4vp/dc-api.ts), written out
 * here so that the screen asking this loads nothing of the protocol (it shares a chunk with the JWE code).
 */
const DC_API_PROTOCOL_UNSIGNED = 'openid4vp-v1-unsigned';

/** What of the browser the Digital Credentials API needs (a test can pass its own). */
export interface DigitalCredentialsScope {
  navigator?: { credentials?: { get?: unknown } };
  DigitalCredential?: unknown;
  isSecureContext?: boolean;
}

/**
 * True when `navigator.credentials.get` takes `digital` requests: the DigitalCredential interface
 * exists (W3C Digital Credentials API §DigitalCredential), the page is a secure context (the API is
 * [SecureContext]), and, where the browser can say so (`DigitalCredential.userAgentAllowsProtocol`),
 * it allows the unsigned OpenID4VP protocol (OpenID4VP 1.0 §A.1).
 */
export function digitalCredentialsAvailable(scope: DigitalCredentialsScope = globalThis as DigitalCredentialsScope): boolean {
  if (typeof scope.navigator?.credentials?.get !== 'function') return false;
  if (typeof scope.DigitalCredential !== 'function') return false;
  if (scope.isSecureContext === false) return false;
  const allows = (scope.DigitalCredential as { userAgentAllowsProtocol?: unknown }).userAgentAllowsProtocol;
  if (typeof allows !== 'function') return true;
  try {
    return (allows as (protocol: string) => unknown).call(scope.DigitalCredential, DC_API_PROTOCOL_UNSIGNED) === true;
  } catch {
    return false;
  }
}
