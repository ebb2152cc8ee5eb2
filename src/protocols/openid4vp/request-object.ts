/**
 * Validating an OpenID4VP 1.0 Authorization Request (the request object, §5.1–5.2, §5.8–5.9)
 * into what a wallet needs to answer it. The same shape serves online requests (fetched by
 * `request_uri`, §5.10) and Satchel's in-person request QR (src/protocols/in-person), which is
 * an unsigned request object with `response_mode` "satchel_qr.jwt" and a client id under the
 * `satchel-in-person:` prefix. The two channels never share a prefix or a response mode: the
 * KB-JWT `aud` is the client id (B.3.6), so an in-person QR that could carry an online verifier's
 * `redirect_uri:` client id would produce an answer that verifier accepts (docs/sharing.md, "In-person formats": the two channels never share a client id prefix).
 *
 * Supported: `response_type` vp_token (§5.2), a DCQL query (§5.1 `dcql_query`, §6), response
 * modes `direct_post` and `direct_post.jwt` (§8.2, §8.3), the Client Identifier Prefixes (§5.9.3)
 * `redirect_uri:` (unsigned requests, response_uri equals the client id) and `x509_san_dns:` /
 * `x509_hash:` (signed requests: the caller has verified the signer, signed-request.ts, and passes
 * it as RequestValidation.signer; here the response_uri's host must be one of the certificate's
 * DNS names, which §5.9.3 lets a wallet require, and an x509 prefix without a signer is refused),
 * response encryption with ECDH-ES on P-256 and A128GCM or A256GCM (§8.3 with
 * `client_metadata.jwks` and `encrypted_response_enc_values_supported`, §5.1; HAIP 1.0). Not
 * supported (refused as malformed, with the reason): the decentralized_identifier and other
 * prefixes, `presentation_definition`, `transaction_data`.
 */
import { isJsonObject } from '../../lib/json-safe';
import { PRODUCTION_POLICY, remoteUrlProblem, type RemoteUrlPolicy } from '../../lib/remote-url';
import { isJweEnc, isP256PublicJwk, JWE_ALG, type JweEnc, type P256PublicJwk } from '../../lib/jwe';
import { isX509Prefix, splitClientId } from './client-id';
import { DcqlError, parseDcqlQuery, type DcqlQuery } from './dcql';

export const IN_PERSON_RESPONSE_MODE = 'satchel_qr.jwt';
/**
 * The Client Identifier Prefix of in-person requests (Satchel's own, §5.9: a wallet may support
 * prefixes beyond those defined). Only request QR codes may use it, and they may use nothing else.
 */
export const IN_PERSON_CLIENT_ID_PREFIX = 'satchel-in-person:';
/** Where a request came from: a request QR shown in person, or an OpenID4VP link or QR (online). */
export type RequestChannel = 'in-person' | 'online';
export type ResponseMode = 'direct_post' | 'direct_post.jwt' | typeof IN_PERSON_RESPONSE_MODE;

/** Without its own `exp`, a request is answered for at most this long after it was read. */
export const REQUEST_DEFAULT_LIFETIME_S = 10 * 60;
/** Clock skew tolerated on `exp` / `iat` (as in docs/credentials.md). */
export const REQUEST_CLOCK_SKEW_S = 300;
const MAX_NONCE_CHARS = 256;

/**
 * Why a signed request's signer could not be confirmed (OpenID4VP 1.0 §5.9.3, RFC 9101 §6.2,
 * RFC 5280 §6): with RequestError code 'untrusted'. Nothing is sent to such a verifier.
 */
export type VerifierProblem =
  | 'bad-signature' // the JWS does not verify with the leaf certificate's key
  | 'certificate-expired' // a certificate of the chain is outside its validity
  | 'certificate-unlisted' // the chain does not lead to a CA of the trust list's verifier register, or no registered verifier has this certificate
  | 'certificate-invalid' // unreadable, loops, too long, not a CA where it must be, wrong key usage
  | 'client-id-mismatch' // the client id is not the certificate's DNS name (x509_san_dns) or hash (x509_hash)
  | 'response-uri-mismatch'; // the response_uri is on a host the certificate does not name

/**
 * The leaf certificate that signed a request object, its chain validated to `anchor` (one of the
 * anchors the caller gave): what the share use case matches against the verifier register.
 */
export interface RequestSigner {
  prefix: 'x509_san_dns' | 'x509_hash';
  /** The leaf's subject as text ("CN=…, O=…"), for messages. */
  subject: string;
  /** The leaf subject's organizationIdentifier (2.5.4.97), when it has one. */
  organizationIdentifier?: string;
  /** The leaf's subjectAltName dNSNames (RFC 5280 §4.2.1.6). */
  dnsNames: readonly string[];
  /** The register CA certificate (DER) the chain ends at. */
  anchor: Uint8Array;
}

export class RequestError extends Error {
  constructor(readonly code: 'malformed' | 'expired' | 'untrusted', message: string, readonly problem?: VerifierProblem) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface ValidatedRequest {
  clientId: string;
  nonce: string;
  dcql: DcqlQuery;
  responseMode: ResponseMode;
  /** direct_post(.jwt): where to POST (§8.2). */
  responseUri?: string;
  state?: string;
  /** The verifier's encryption key, when the response is to be encrypted (§8.3). */
  encryptionKey?: P256PublicJwk;
  /** With encryptionKey: the content encryption the verifier accepts that Satchel uses (§5.1, §8.3). */
  encryptionEnc?: JweEnc;
  /**
   * With encryptionKey: compress before encrypting (JWE "zip": "DEF", RFC 7516 §4.1.3). Always in
   * person (fewer QR frames; Satchel's checker inflates); online only when the verifier lists DEF
   * in `client_metadata.zip_values_supported` — OpenID4VP 1.0 defines no zip metadata, so a
   * verifier that says nothing may not implement it (HAIP). Absent = no compression.
   */
  compressResponse?: boolean;
  /** As the verifier names itself (`client_metadata.client_name`): unverified. */
  verifierName?: string;
  /** A signed request (x509_san_dns: or x509_hash:): who signed it, its chain validated. Absent: unsigned (redirect_uri:, in person). */
  signer?: RequestSigner;
  /** ISO 8601. */
  expiresAt: string;
  /** Satchel extension: one of the ready-made purposes, when the verifier picked one. */
  purpose?: string;
}

function malformed(message: string): never {
  throw new RequestError('malformed', message);
}

/** §8.3: the first P-256 key fit for ECDH-ES key agreement in client_metadata.jwks. */
function encryptionKeyOf(metadata: Record<string, unknown>): P256PublicJwk {
  const jwks = metadata.jwks;
  if (!isJsonObject(jwks) || !Array.isArray(jwks.keys)) malformed('An encrypted response needs client_metadata.jwks');
  const key = (jwks.keys as unknown[]).find((k) => isP256PublicJwk(k) && (k as { use?: unknown }).use !== 'sig' && ((k as { alg?: unknown }).alg === undefined || (k as { alg?: unknown }).alg === JWE_ALG));
  if (!key) malformed('The verifier offers no P-256 ECDH-ES key to encrypt the response to (HAIP)');
  const { kty, crv, x, y, kid } = key as P256PublicJwk;
  return kid === undefined ? { kty, crv, x, y } : { kty, crv, x, y, kid };
}

export interface RequestValidation {
  channel: RequestChannel;
  /** §5.10: the client_id of the link that carried or pointed to the request object. */
  expectedClientId?: string;
  /** Where an answer may be sent (src/lib/remote-url.ts); absent = production rules (https, no loopback). */
  remoteUrls?: RemoteUrlPolicy;
  /** A signed request's signer, already verified (signed-request.ts); required with an x509_san_dns: or x509_hash: client id. */
  signer?: RequestSigner;
}

/**
 * Issue 10, finding 1: in person only `satchel-in-person:` and the in-person response mode; online
 * never either of them. Checked before anything else about the request is believed.
 */
function checkChannel(r: Record<string, unknown> & { client_id: string }, channel: RequestChannel): void {
  const inPersonId = r.client_id.startsWith(IN_PERSON_CLIENT_ID_PREFIX);
  if (channel === 'in-person') {
    if (!inPersonId || r.client_id.length === IN_PERSON_CLIENT_ID_PREFIX.length) {
      malformed(`This request code names a verifier that is not in-person (client id ${JSON.stringify(r.client_id.slice(0, 80))}): in-person requests use the ${IN_PERSON_CLIENT_ID_PREFIX} prefix`);
    }
    if (r.response_mode !== IN_PERSON_RESPONSE_MODE) malformed('An in-person request is answered with a QR code only');
    if (r.response_uri !== undefined || r.redirect_uri !== undefined) malformed('An in-person request is answered with a QR code, not sent to an address');
  } else {
    if (inPersonId) malformed(`An online request cannot use the in-person client identifier prefix ${IN_PERSON_CLIENT_ID_PREFIX}`);
    if (r.response_mode === IN_PERSON_RESPONSE_MODE) malformed('An online request cannot ask for an in-person answer');
  }
}

/**
 * §5.1: `encrypted_response_enc_values_supported` "MUST be present for anything other than the
 * default single value of A128GCM"; otherwise the first it lists that Satchel implements.
 */
function responseEncOf(metadata: Record<string, unknown>): JweEnc {
  const encs = metadata.encrypted_response_enc_values_supported;
  if (encs === undefined) return 'A128GCM';
  if (!Array.isArray(encs) || encs.length === 0 || !encs.every((e) => typeof e === 'string')) malformed('encrypted_response_enc_values_supported is not a list of enc values');
  const usable = (encs as string[]).find(isJweEnc);
  if (!usable) malformed(`The verifier accepts only ${(encs as string[]).slice(0, 5).join(', ')} encryption; Satchel can encrypt with A128GCM or A256GCM`);
  return usable;
}

/**
 * §5.9.3, for an online request whose response_uri is `responseUri` (parsed: `uri`): under redirect_uri: the client id
 * (after the prefix) is the response_uri and nothing is signed; under x509_san_dns: / x509_hash:
 * the request was signed (`signer`) and the answer goes to a host the certificate names.
 */
function checkClientIdPrefix(clientId: string, responseUri: string, uri: URL, signer: RequestSigner | undefined): void {
  const id = splitClientId(clientId);
  if (id?.prefix === 'redirect_uri') {
    if (signer) malformed('A request under the redirect_uri: client identifier prefix must not be signed (OpenID4VP 1.0 §5.9.3)');
    if (id.value !== responseUri) malformed('The response_uri does not match the client_id');
    return;
  }
  if (!isX509Prefix(id?.prefix)) malformed('Only the redirect_uri:, x509_san_dns: and x509_hash: client identifier prefixes are supported');
  // §5.9.3: these prefixes are only for signed requests; unsigned, nothing vouches for the name.
  if (!signer) throw new RequestError('untrusted', `The request says it is from ${id!.value.slice(0, 120)} but is not signed, so nothing confirms who is asking`, 'bad-signature');
  // §5.9.3 lets the wallet require it (HAIP 1.0): the answer goes only to a host the certificate names.
  if (!signer.dnsNames.includes(uri.hostname.toLowerCase())) {
    throw new RequestError('untrusted', `The request is signed with a certificate for ${signer.dnsNames.join(', ') || 'no web address'}, but asks for the answer to be sent to ${uri.hostname}`, 'response-uri-mismatch');
  }
}

/** Validates a request object (already decoded JSON). `now` is a Date; throws RequestError. */
export function validateRequestObject(request: unknown, now: Date, options: RequestValidation): ValidatedRequest {
  const { channel, expectedClientId } = options;
  if (!isJsonObject(request)) malformed('The request is not a JSON object');
  const r = request;
  const nowS = Math.floor(now.getTime() / 1000);
  // §5.2 / §5.1: response_type vp_token.
  if (r.response_type !== 'vp_token') malformed('The request does not ask for a vp_token');
  if (typeof r.client_id !== 'string' || r.client_id === '') malformed('The request has no client_id');
  // §5.10: the client_id of the request URL and the request object must be the same.
  if (expectedClientId !== undefined && r.client_id !== expectedClientId) malformed('The request object names another client_id than the link');
  checkChannel(r as Record<string, unknown> & { client_id: string }, channel);
  // §5.2: nonce is REQUIRED.
  if (typeof r.nonce !== 'string' || r.nonce === '' || r.nonce.length > MAX_NONCE_CHARS) malformed('The request has no usable nonce');
  if (r.presentation_definition !== undefined) malformed('Presentation Exchange is not supported; ask with a DCQL query');
  if (r.transaction_data !== undefined) malformed('transaction_data is not supported');
  if (r.dcql_query === undefined) malformed('The request has no dcql_query');
  let dcql: DcqlQuery;
  try {
    dcql = parseDcqlQuery(r.dcql_query);
  } catch (error) {
    return malformed(error instanceof DcqlError ? `The DCQL query is invalid: ${error.message}` : 'The DCQL query is invalid');
  }
  // Expiry: a JWT `exp` (RFC 7519 §4.1.4); otherwise the default lifetime from now.
  if (r.exp !== undefined && typeof r.exp !== 'number') malformed('The request exp is not a number');
  if (typeof r.exp === 'number' && r.exp + REQUEST_CLOCK_SKEW_S < nowS) throw new RequestError('expired', 'This request has expired: ask the verifier for a new one');
  if (typeof r.iat === 'number' && r.iat - REQUEST_CLOCK_SKEW_S > nowS) malformed('The request was issued in the future');
  const expiresAt = new Date((typeof r.exp === 'number' ? r.exp : nowS + REQUEST_DEFAULT_LIFETIME_S) * 1000).toISOString();
  const metadata = r.client_metadata === undefined ? {} : r.client_metadata;
  if (!isJsonObject(metadata)) malformed('client_metadata is not an object');
  const mode = r.response_mode ?? 'fragment';
  if (mode !== 'direct_post' && mode !== 'direct_post.jwt' && mode !== IN_PERSON_RESPONSE_MODE) malformed(`Response mode ${JSON.stringify(mode)} is not supported`);
  const validated: ValidatedRequest = { clientId: r.client_id, nonce: r.nonce, dcql, responseMode: mode, expiresAt };
  if (mode !== IN_PERSON_RESPONSE_MODE) {
    // §8.2: response_uri is REQUIRED with direct_post, and redirect_uri MUST NOT be present.
    if (typeof r.response_uri !== 'string') malformed('The request has no response_uri');
    if (r.redirect_uri !== undefined) malformed('redirect_uri must not be present with direct_post');
    let uri: URL;
    try {
      uri = new URL(r.response_uri);
    } catch {
      return malformed('The response_uri is not a URL');
    }
    // §8.2 / §14: the person's claims go to response_uri — only where the wallet's policy allows (https; loopback in demo and test builds only).
    const problem = remoteUrlProblem(uri, options.remoteUrls ?? PRODUCTION_POLICY);
    if (problem !== undefined) malformed(`Satchel will not send an answer to this response_uri: ${problem}`);
    checkClientIdPrefix(r.client_id, r.response_uri, uri, options.signer);
    validated.responseUri = r.response_uri;
    if (options.signer) validated.signer = options.signer;
  }
  if (mode !== 'direct_post') {
    // §8.3: the verifier's key and the content encryption it accepts.
    validated.encryptionKey = encryptionKeyOf(metadata);
    validated.encryptionEnc = responseEncOf(metadata);
    const zips = metadata.zip_values_supported;
    validated.compressResponse = channel === 'in-person' || (Array.isArray(zips) && zips.includes('DEF'));
  }
  if (r.state !== undefined) {
    if (typeof r.state !== 'string') malformed('state is not a string');
    validated.state = r.state;
  }
  if (typeof metadata.client_name === 'string' && metadata.client_name.trim() !== '') validated.verifierName = metadata.client_name.trim().slice(0, 120);
  if (typeof r.satchel_purpose === 'string') validated.purpose = r.satchel_purpose;
  return validated;
}
