/**
 * Whether this browser offers the W3C Digital Credentials API, through which a page can ask a
 * wallet app on this device for a credential (Chrome 141+ on Android and desktop; Safari 26 for
 * mdocs only). Cheap and synchronous, so a screen can decide whether to offer "Ask a wallet on
 * this phone" without loading the checker. Detection only: digital-credentials.ts asks.
 */

/**
 * The protocols the checker speaks: OpenID4VP 1.0 §A.1 `openid4vp-v1-unsigned` and ISO/IEC 18013-7
 * Annex C `org-iso-mdoc` (src/protocols/openid4vp/dc-api.ts, dc-api-iso-mdoc.ts), written out here
 * so that the screen asking this loads nothing of the protocols (they share a chunk with the JWE code).
 */
export const DIGITAL_CREDENTIALS_PROTOCOLS: readonly string[] = ['openid4vp-v1-unsigned', 'org-iso-mdoc'];

/** What of the browser the Digital Credentials API needs (a test can pass its own). */
export interface DigitalCredentialsScope {
  navigator?: { credentials?: { get?: unknown } };
  DigitalCredential?: unknown;
  isSecureContext?: boolean;
}

/**
 * The protocols of `protocols` this browser says it allows (`DigitalCredential.userAgentAllowsProtocol`,
 * W3C Digital Credentials API); all of them where it cannot say. Safari's API, for one, takes
 * `org-iso-mdoc` only.
 */
export function allowedProtocols(protocols: readonly string[], scope: DigitalCredentialsScope = globalThis as DigitalCredentialsScope): string[] {
  const allows = (scope.DigitalCredential as { userAgentAllowsProtocol?: unknown } | undefined)?.userAgentAllowsProtocol;
  if (typeof allows !== 'function') return [...protocols];
  return protocols.filter((protocol) => {
    try {
      return (allows as (p: string) => unknown).call(scope.DigitalCredential, protocol) === true;
    } catch {
      return false;
    }
  });
}

/**
 * True when `navigator.credentials.get` takes `digital` requests: the DigitalCredential interface
 * exists (W3C Digital Credentials API §DigitalCredential), the page is a secure context (the API is
 * [SecureContext]), and the browser allows at least one protocol the checker speaks.
 */
export function digitalCredentialsAvailable(scope: DigitalCredentialsScope = globalThis as DigitalCredentialsScope): boolean {
  if (typeof scope.navigator?.credentials?.get !== 'function') return false;
  if (typeof scope.DigitalCredential !== 'function') return false;
  if (scope.isSecureContext === false) return false;
  return allowedProtocols(DIGITAL_CREDENTIALS_PROTOCOLS, scope).length > 0;
}
