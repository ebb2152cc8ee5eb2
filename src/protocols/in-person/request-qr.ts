/**
 * The in-person request QR: an unsigned OpenID4VP 1.0 request object (§5.1) that the verifier's
 * screen shows and the holder's camera reads — verifier name (`client_metadata.client_name`),
 * a one-time `nonce`, the `dcql_query` (§6), the verifier's ephemeral P-256 key for the encrypted
 * response (`client_metadata.jwks`, §8.3; HAIP: ECDH-ES with A256GCM) and `exp`. Its client id is
 * always `satchel-in-person:<check id>` (IN_PERSON_CLIENT_ID_PREFIX): the KB-JWT `aud` is the
 * client id, so a QR carrying an online verifier's would make an answer that verifier accepts.
 *
 * An mdoc credential query travels as an ISO/IEC 18013-5 DeviceRequest (`device_request`, base64url
 * CBOR) in place of its DCQL, with a stub keeping its place in `dcql_query` (device-request.ts).
 *
 * Text: `SVQ1.` + base64url(deflate-raw(JSON)). The constant members (response_type,
 * response_mode, encrypted_response_enc_values_supported) are left out of the QR and put back by
 * the reader, so the code stays one QR of at most REQUEST_QR_MAX_CHARS characters.
 */
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { utf8Decode, utf8Encode } from '../../lib/bytes';
import { deflateRaw, inflateRaw } from '../../lib/deflate';
import { JWE_ALG, JWE_ENC, type P256PublicJwk } from '../../lib/jwe';
import { DataError } from '../../lib/errors';
import { parseJsonObject } from '../../lib/json-safe';
import { IN_PERSON_CLIENT_ID_PREFIX, IN_PERSON_RESPONSE_MODE, RequestError, validateRequestObject, type ValidatedRequest } from '../openid4vp/request-object';
import { dcqlWithDocRequests, withDeviceRequest } from './device-request';

export const REQUEST_QR_PREFIX = 'SVQ1.';
/** One QR code (version 25-M holds 1,000+ bytes; a typical request is 350–500 characters). */
export const REQUEST_QR_MAX_CHARS = 1000;
const REQUEST_QR_MAX_JSON_BYTES = 16 * 1024;

export interface InPersonRequestInput {
  clientId: string;
  verifierName: string;
  nonce: string;
  dcqlQuery: unknown;
  encryptionKey: P256PublicJwk & { kid: string };
  issuedAt: Date;
  expiresAt: Date;
  purpose?: string;
}

/** Builds the request QR text; throws RangeError when it would not fit one QR code. */
export async function encodeRequestQr(input: InPersonRequestInput): Promise<string> {
  // Issue 10, finding 1: an in-person request never carries another channel's client id (the wallet refuses it too).
  if (!input.clientId.startsWith(IN_PERSON_CLIENT_ID_PREFIX) || input.clientId.length === IN_PERSON_CLIENT_ID_PREFIX.length) {
    throw new TypeError(`clientId must be ${IN_PERSON_CLIENT_ID_PREFIX} followed by the check's id (got ${input.clientId})`);
  }
  const { dcqlQuery, deviceRequest } = withDeviceRequest(input.dcqlQuery);
  const body: Record<string, unknown> = {
    client_id: input.clientId,
    nonce: input.nonce,
    iat: Math.floor(input.issuedAt.getTime() / 1000),
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    dcql_query: dcqlQuery,
    ...(deviceRequest !== undefined ? { device_request: deviceRequest } : {}),
    client_metadata: { client_name: input.verifierName, jwks: { keys: [{ ...input.encryptionKey, use: 'enc', alg: JWE_ALG }] } },
  };
  if (input.purpose !== undefined) body.satchel_purpose = input.purpose;
  const text = REQUEST_QR_PREFIX + base64urlEncode(await deflateRaw(utf8Encode(JSON.stringify(body))));
  if (text.length > REQUEST_QR_MAX_CHARS) throw new RangeError(`The request is ${text.length} characters; one QR code holds ${REQUEST_QR_MAX_CHARS}. Ask for fewer claims.`);
  return text;
}

export function isRequestQr(text: string): boolean {
  return typeof text === 'string' && text.trim().startsWith(REQUEST_QR_PREFIX);
}

/** Reads and validates a request QR (throws RequestError). */
export async function decodeRequestQr(text: string, now: Date): Promise<ValidatedRequest> {
  const packed = base64urlDecode(text.trim().slice(REQUEST_QR_PREFIX.length));
  if (!packed || text.length > REQUEST_QR_MAX_CHARS) throw new RequestError('malformed', 'The request QR code is damaged');
  let json: string | undefined;
  try {
    json = utf8Decode(await inflateRaw(packed, REQUEST_QR_MAX_JSON_BYTES));
  } catch {
    json = undefined;
  }
  if (json === undefined) throw new RequestError('malformed', 'The request QR code is damaged');
  let body: Record<string, unknown>;
  try {
    body = parseJsonObject(json, 'The request');
  } catch {
    throw new RequestError('malformed', 'The request QR code is damaged');
  }
  const metadata = typeof body.client_metadata === 'object' && body.client_metadata !== null ? body.client_metadata : {};
  // The mdoc queries said as a DeviceRequest go back into the DCQL query, which is validated whole.
  const { device_request: deviceRequest, ...rest } = body;
  let dcqlQuery: unknown;
  try {
    dcqlQuery = dcqlWithDocRequests(body.dcql_query, deviceRequest);
  } catch (error) {
    if (error instanceof DataError) throw new RequestError('malformed', `The request QR code's mdoc request cannot be read: ${error.message}`);
    throw error;
  }
  // Put back the constant members left out of the QR.
  const request = {
    ...rest,
    dcql_query: dcqlQuery,
    response_type: 'vp_token',
    response_mode: IN_PERSON_RESPONSE_MODE,
    client_metadata: { ...metadata, encrypted_response_enc_values_supported: [JWE_ENC] },
  };
  // A request QR must say when it expires: the verifier's key and nonce are one-time.
  if (typeof body.exp !== 'number') throw new RequestError('malformed', 'The request QR code has no expiry');
  return validateRequestObject(request, now, { channel: 'in-person' });
}
