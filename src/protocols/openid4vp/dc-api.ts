/**
 * OpenID4VP 1.0 over the W3C Digital Credentials API (OpenID4VP 1.0 Appendix A), the verifier's
 * side: the request a page hands to `navigator.credentials.get({ digital: { requests } })` and
 * the reading of what the browser gives back. Pure: nothing here calls the browser (the wallet's
 * check use case does, src/wallet/check/digital-credentials.ts).
 *
 * Satchel's checker sends an unsigned request (§A.1 `openid4vp-v1-unsigned`): it has no
 * certificate from a register of verifiers, so it could not sign one a wallet would trust. An
 * unsigned request carries no `client_id` (§A.2: the wallet uses the origin the browser vouches
 * for, and a KB-JWT's audience is then `origin:<origin>`, §A.4), and no `expected_origins` (that
 * is for signed requests, §A.2). It asks for an encrypted answer (§A.3 `dc_api.jwt`): the answer
 * passes through the browser and the platform's credential manager, and ECDH-ES to a key made
 * for this one request (§8.3, the same JWE Satchel's checker opens in person, src/lib/jwe.ts)
 * keeps the person's details readable by this page only.
 */
import { isJsonObject, type JsonObject } from '../../lib/json-safe';
import { JWE_ALG, JWE_ENCS, type P256PublicJwk } from '../../lib/jwe';
import { readResponseParameters, type ResponseParameters } from './response';

/** §A.1: the protocol identifier of an unsigned OpenID4VP 1.0 request over the DC API. */
export const DC_API_PROTOCOL_UNSIGNED = 'openid4vp-v1-unsigned';
/** §A.3: the response mode of an encrypted answer over the DC API (the JWE in `response`). */
export const DC_API_RESPONSE_MODE_ENCRYPTED = 'dc_api.jwt';
/** §A.3: the response mode of a plain answer over the DC API (`vp_token` as is). */
export const DC_API_RESPONSE_MODE_PLAIN = 'dc_api';
/** §A.4: the audience of a holder proof answering an unsigned request is the origin, so prefixed. */
export const ORIGIN_CLIENT_ID_PREFIX = 'origin:';
/** The most characters of an answer read (a JWE holding a licence with its portrait is tens of KiB). */
export const DC_API_MAX_ANSWER_CHARS = 512 * 1024;

/** §B.2.2 / §B.3: the formats and algorithms the checker verifies (COSE ids for mdocs: -7 ES256, -35 ES384, -8 EdDSA). */
const vpFormatsSupported = (): JsonObject => ({
  'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256', 'EdDSA'], 'kb-jwt_alg_values': ['ES256'] },
  mso_mdoc: { issuerauth_alg_values: [-7, -35, -8], deviceauth_alg_values: [-7, -8] },
});

/** One entry of `digital.requests` (W3C Digital Credentials API: DigitalCredentialGetRequest). */
export interface DigitalCredentialGetRequest {
  protocol: string;
  data: JsonObject;
}

export interface DcApiRequestInput {
  /** Fresh, single-use (§5.2, §14.1): at least 128 bits of randomness, base64url. */
  nonce: string;
  /** The DCQL query (§6), already checked by parseDcqlQuery. */
  dcqlQuery: Record<string, unknown>;
  /** The public half of this request's ephemeral ECDH-ES P-256 key (§8.3); its kid is echoed in the JWE header. */
  encryptionKey: P256PublicJwk & { kid: string };
}

/** §A.2: the unsigned request for `navigator.credentials.get`. */
export function dcApiRequest(input: DcApiRequestInput): DigitalCredentialGetRequest {
  if (typeof input.nonce !== 'string' || input.nonce.length < 22) throw new TypeError('nonce must be at least 128 bits, base64url');
  return {
    protocol: DC_API_PROTOCOL_UNSIGNED,
    data: {
      response_type: 'vp_token',
      response_mode: DC_API_RESPONSE_MODE_ENCRYPTED,
      nonce: input.nonce,
      dcql_query: input.dcqlQuery as JsonObject,
      client_metadata: {
        // §8.3 / §5.1: the key to encrypt to, fit for ECDH-ES only; the wallet picks A128GCM or A256GCM (both are opened).
        jwks: { keys: [{ ...input.encryptionKey, use: 'enc', alg: JWE_ALG }] },
        encrypted_response_enc_values_supported: [...JWE_ENCS],
        vp_formats_supported: vpFormatsSupported(),
      },
    },
  };
}

/** Why an answer could not be read: the wallet said no (§8.5 error response), or it is not an OpenID4VP answer. */
export class DcApiAnswerError extends Error {
  constructor(readonly code: 'declined' | 'malformed', message: string) {
    super(message);
    this.name = 'DcApiAnswerError';
  }
}

/** What came back: the JWE to decrypt (`dc_api.jwt`), or the response parameters as they are (`dc_api`). */
export type DcApiAnswer = { kind: 'encrypted'; jwe: string } | { kind: 'plain'; params: ResponseParameters };

/**
 * §A.3: reads the DigitalCredential the browser resolved with ({ protocol, data }). `data` is an
 * object (W3C Digital Credentials API); early browser builds passed it as JSON text, read too.
 * Throws DcApiAnswerError: 'declined' for an OpenID4VP error response (§8.5, e.g. access_denied),
 * 'malformed' for anything else that is not an answer to this request.
 */
export function readDcApiAnswer(credential: unknown, expectEncrypted = true): DcApiAnswer {
  // A DigitalCredential's protocol and data are getters on its prototype: read them, never spread it.
  if (!isJsonObject(credential)) throw new DcApiAnswerError('malformed', 'The wallet gave back nothing readable');
  const { protocol, data: rawData } = credential as { protocol?: unknown; data?: unknown };
  if (protocol !== DC_API_PROTOCOL_UNSIGNED) throw new DcApiAnswerError('malformed', `The wallet answered with protocol ${JSON.stringify(protocol)}, not ${DC_API_PROTOCOL_UNSIGNED}`);
  const data = typeof rawData === 'string' ? parseJsonText(rawData) : rawData;
  if (!isJsonObject(data)) throw new DcApiAnswerError('malformed', 'The wallet\'s answer holds no response parameters');
  // §8.5: an error response instead of an answer (the person declined, or the wallet holds nothing that fits).
  if (typeof data.error === 'string') throw new DcApiAnswerError('declined', `The wallet answered with an error: ${data.error.slice(0, 80)}`);
  if (expectEncrypted) {
    // §A.3 / §8.3: with dc_api.jwt the answer is only `response`, the compact JWE; a plain vp_token is refused (it could have been read on the way).
    const { response } = data;
    if (typeof response !== 'string' || response.length === 0) throw new DcApiAnswerError('malformed', 'The wallet\'s answer is not encrypted as asked (no response)');
    if (response.length > DC_API_MAX_ANSWER_CHARS) throw new DcApiAnswerError('malformed', `The wallet's answer is longer than ${DC_API_MAX_ANSWER_CHARS} characters`);
    return { kind: 'encrypted', jwe: response };
  }
  const params = readResponseParameters(data);
  if (!params) throw new DcApiAnswerError('malformed', 'The wallet\'s answer holds no vp_token keyed by credential query');
  return { kind: 'plain', params };
}

/** The response parameters inside a decrypted `dc_api.jwt` answer (§8.3: the same JSON as a plain one). */
export function readDecryptedAnswer(text: string | undefined): ResponseParameters {
  const params = text === undefined ? undefined : readResponseParameters(parseJsonText(text));
  if (!params) throw new DcApiAnswerError('malformed', 'The decrypted answer holds no vp_token keyed by credential query');
  return params;
}

function parseJsonText(text: string): unknown {
  if (text.length > DC_API_MAX_ANSWER_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** §A.4: the client id a wallet uses for an unsigned request from `origin` (and the KB-JWT's audience). */
export function originClientId(origin: string): string {
  return `${ORIGIN_CLIENT_ID_PREFIX}${origin}`;
}
