/**
 * Checking online by asking a wallet on this device through the W3C Digital Credentials API
 * (OpenID4VP 1.0 Appendix A; docs/reader.md). The steps, each checked as a scanned answer is:
 *
 *   prepare   a one-time nonce, an ephemeral ECDH-ES P-256 key (non-extractable, WebCrypto) and the
 *             DCQL query for the purpose → the unsigned `openid4vp-v1-unsigned` request with
 *             response_mode dc_api.jwt (src/protocols/openid4vp/dc-api.ts)
 *   ask       navigator.credentials.get({ digital: { requests } }): the browser shows its own
 *             chooser, the wallet app asks the person; cancelling or declining are one answer
 *             (NotAllowedError, by design it does not say which)
 *   open      the JWE decrypted with this request's key (§8.3, src/lib/jwe.ts) → vp_token (§8.1) →
 *             every holder proof bound to this nonce and to `origin:<this page's origin>` (§A.4),
 *             or, for an mdoc, to the OpenID4VPDCAPIHandover over the origin, nonce and key
 *             thumbprint (B.2.6.2), which its device signature check proves → the nonce spent
 *
 * The checker (check.ts) then verifies the presentations with the same code as every other
 * answer (verifyPresentations: issuer, trust list, validity, status, key binding, what was asked).
 */
import { base64urlEncode } from '../../lib/base64url';
import { utf8Decode } from '../../lib/bytes';
import { decryptJwe, generateRecipientKey } from '../../lib/jwe';
import { detectFormat } from '../../credentials/index';
import type { PresentationHandover } from '../../credentials/formats/format';
import { dcApiRequest, DcApiAnswerError, originClientId, readDcApiAnswer, readDecryptedAnswer, type DigitalCredentialGetRequest } from '../../protocols/openid4vp/dc-api';
import { parseDcqlQuery, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import { jwkThumbprintSha256 } from '../../protocols/openid4vp/handover';
import { dcqlFor } from '../shared';
import type { ClaimPath, Purpose } from '../shared';
import { CheckError } from './check-api';

const NONCE_BYTES = 16;
/** Presentations one answer may hold (as check.ts): far more than any purpose asks for. */
const MAX_PRESENTATIONS = 10;

/** The browser's side: navigator.credentials.get and the page's origin (a test passes a double). */
export interface DigitalCredentialsHost {
  get(options: { mediation: 'required'; digital: { requests: DigitalCredentialGetRequest[] }; signal?: AbortSignal }): Promise<unknown>;
  /** The origin the browser tells the wallet (W3C Digital Credentials API): this page's. */
  origin: string;
}

/** The browser's own Digital Credentials API, for the app. */
export function browserDigitalCredentials(): DigitalCredentialsHost {
  return {
    get: (options) => navigator.credentials.get(options as CredentialRequestOptions),
    origin: location.origin,
  };
}

/** One request made: what its answer must be bound to. Forgotten with the check. */
export interface DigitalCredentialsRequest {
  requestId: string;
  nonce: string;
  /** `origin:<origin>` (§A.4): the audience of every KB-JWT in the answer. */
  clientId: string;
  privateKey: CryptoKey;
  query: DcqlQuery;
  /** B.2.6.2: an mdoc's SessionTranscript handover (R3's mso-mdoc format builds it). */
  handover: PresentationHandover;
  request: DigitalCredentialGetRequest;
}

/** A credential in the answer, under its credential query id (OpenID4VP 1.0 §8.1). */
export interface DigitalCredentialsPresented {
  queryId: string;
  presentation: string;
}

const randomId = (bytes: number): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));

/** Step one: the request for a purpose (or chosen claims), bound to `origin`. */
export async function prepareDigitalCredentialsRequest(options: { purpose?: Purpose; claims?: ClaimPath[] }, origin: string): Promise<DigitalCredentialsRequest> {
  if (typeof origin !== 'string' || !/^https?:\/\/[^/]+$/.test(origin)) throw new TypeError(`origin must be a web origin (got ${JSON.stringify(origin)})`);
  const dcql = dcqlFor(options).query;
  const query = parseDcqlQuery(dcql);
  const requestId = randomId(12);
  const nonce = randomId(NONCE_BYTES);
  const { privateKey, publicJwk } = await generateRecipientKey();
  const encryptionKey = { ...publicJwk, kid: requestId.slice(0, 8) };
  return {
    requestId,
    nonce,
    clientId: originClientId(origin),
    privateKey,
    query,
    // B.2.6.2: OpenID4VPDCAPIHandoverInfo = [origin, nonce, jwkThumbprint] — the key the answer is encrypted to (RFC 7638).
    handover: { kind: 'openid4vp-dc-api', origin, encryptionKeyThumbprint: jwkThumbprintSha256(publicJwk) },
    request: dcApiRequest({ nonce, dcqlQuery: dcql, encryptionKey }),
  };
}

/**
 * Step two: asks the browser. The errors a person can meet, as CheckErrors: 'holder-declined'
 * (NotAllowedError: the chooser closed, the wallet declined, or no wallet holds what was asked —
 * the browser does not say which, so that a page cannot probe what someone holds),
 * 'digital-credentials-unavailable' (the browser or this page cannot use the API), and AbortError
 * when `signal` stopped it (left as it is: the caller chose to).
 */
export async function askBrowser(host: DigitalCredentialsHost, request: DigitalCredentialsRequest, signal?: AbortSignal): Promise<unknown> {
  try {
    const credential = await host.get({ mediation: 'required', digital: { requests: [request.request] }, ...(signal ? { signal } : {}) });
    if (credential === null || credential === undefined) throw new CheckError('holder-declined', 'No wallet on this device answered');
    return credential;
  } catch (error) {
    if (error instanceof CheckError) throw error;
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'AbortError' && signal?.aborted) throw error;
    if (name === 'NotAllowedError' || name === 'AbortError') throw new CheckError('holder-declined', 'No wallet on this device shared anything: the person cancelled, or no wallet held what was asked for');
    if (name === 'NotSupportedError' || name === 'SecurityError' || name === 'TypeError' || name === 'NotReadableError') {
      throw new CheckError('digital-credentials-unavailable', `This browser cannot ask a wallet on this device (${String(name)})`);
    }
    throw new CheckError('digital-credentials-unavailable', 'This browser could not ask a wallet on this device');
  }
}

/**
 * Step three: opens the answer (the DigitalCredential the browser resolved with) and returns the
 * presentations, each bound to this request. Throws CheckError 'holder-declined' (an OpenID4VP
 * error response, §8.5), 'not-a-response' (garbage, the wrong protocol, not encrypted as asked, a
 * JWE this key cannot open, more presentations than asked for) or 'replayed' (a proof made for
 * another nonce or origin).
 */
export async function openDigitalCredentialsAnswer(credential: unknown, request: DigitalCredentialsRequest): Promise<DigitalCredentialsPresented[]> {
  let params;
  try {
    const answer = readDcApiAnswer(credential);
    if (answer.kind !== 'encrypted') throw new DcApiAnswerError('malformed', 'The answer is not encrypted');
    let plaintext: Uint8Array;
    try {
      plaintext = await decryptJwe(answer.jwe, request.privateKey);
    } catch {
      throw new DcApiAnswerError('malformed', 'The wallet\'s answer could not be decrypted with this check\'s key');
    }
    params = readDecryptedAnswer(utf8Decode(plaintext));
  } catch (error) {
    if (error instanceof DcApiAnswerError) throw new CheckError(error.code === 'declined' ? 'holder-declined' : 'not-a-response', error.message);
    throw error;
  }
  const presented = Object.entries(params.vp_token).flatMap(([queryId, list]) => list.map((presentation) => ({ queryId, presentation })));
  if (presented.length > MAX_PRESENTATIONS) throw new CheckError('not-a-response', `The answer holds ${presented.length} presentations; at most ${MAX_PRESENTATIONS} are read`);
  for (const [queryId, list] of Object.entries(params.vp_token)) {
    // §6.1 / §8.1: unless the query allows `multiple`, its array holds exactly one presentation.
    const query = request.query.credentials.find((q) => q.id === queryId);
    if (list.length > 1 && !query?.multiple) throw new CheckError('not-a-response', 'The answer holds several presentations for a credential asked for once');
  }
  for (const { presentation } of presented) {
    let proof: { nonce?: unknown; aud?: unknown } | undefined;
    try {
      proof = detectFormat(presentation).peekHolderProof(presentation);
    } catch {
      proof = undefined;
    }
    // An mdoc's DeviceAuth has no readable nonce or audience: both are inside the hashed
    // SessionTranscript (B.2.6.2), which its device signature check proves it covers.
    const transcriptBound = proof !== undefined && proof.nonce === undefined && proof.aud === undefined;
    if (!proof || (!transcriptBound && (proof.nonce !== request.nonce || proof.aud !== request.clientId))) {
      throw new CheckError('replayed', 'This answer was made for another check or another website: it may be a copy');
    }
  }
  return presented;
}
