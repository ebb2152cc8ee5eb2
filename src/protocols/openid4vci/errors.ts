/**
 * Errors of the OpenID4VCI client, by kind, so the wallet can tell "no connection" (keep the
 * offer and retry) from "the issuer is broken" and from OAuth error responses (RFC 6749 §5.2,
 * OpenID4VCI 1.0 §6.3, §8.3.1.2, §9.3, §11.3).
 */

export type Oid4vciErrorKind =
  | 'invalid-offer' // the input is not a credential offer we can use (§4.1)
  | 'network' // fetch failed: no connection, DNS, CORS, connection dropped
  | 'timeout' // no complete answer within the time limit
  | 'http' // an unexpected HTTP status (5xx, 404…) without an OAuth error body
  | 'bad-response' // garbage, wrong content type, missing or wrongly typed fields
  | 'oauth'; // an error response: see `oauthError`

export class Oid4vciError extends Error {
  constructor(
    readonly kind: Oid4vciErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** The `error` code of an OAuth / OpenID4VCI error response. */
      oauthError?: string;
      description?: string;
      /** Wrong tx_code: tries left, when the issuer says (`tx_code_tries_left`, an extension). */
      triesLeft?: number;
      /**
       * The refused token request carried a tx_code. §6.3 answers `invalid_grant` both for a wrong
       * tx_code and for an expired or used pre-authorised code, so then either may be the cause.
       */
      txCodeSent?: boolean;
      /** The error came back in the sign-in redirect (RFC 6749 §4.1.2.1), e.g. access_denied when the person cancelled. */
      authorizationResponse?: boolean;
      url?: string;
    } = {},
  ) {
    super(message);
    this.name = 'Oid4vciError';
  }
}
