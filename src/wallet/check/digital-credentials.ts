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
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { utf8Decode } from '../../lib/bytes';
import { decryptJwe, generateRecipientKey } from '../../lib/jwe';
import { detectFormat } from '../../credentials/index';
import type { PresentationHandover } from '../../credentials/formats/format';
import { dcApiRequest, DcApiAnswerError, originClientId, readDcApiAnswer, readDecryptedAnswer, type DigitalCredentialGetRequest } from '../../protocols/openid4vp/dc-api';
import { isoMdocRequest, isoMdocSessionTranscript, openIsoMdocAnswer, sessionTranscriptItem, DC_API_PROTOCOL_ISO_MDOC } from '../../protocols/openid4vp/dc-api-iso-mdoc';
import { withDeviceRequest, DOC_REQUEST_MEMBER } from '../../protocols/in-person/device-request';
import { parseDcqlQuery, type DcqlQuery } from '../../protocols/openid4vp/dcql';
import { jwkThumbprintSha256 } from '../../protocols/openid4vp/handover';
import { dcqlFor } from '../shared';
import type { ClaimPath, Purpose } from '../shared';
import { CheckError } from './check-api';
import { allowedProtocols } from './digital-credentials-support';

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
    // Only the requests whose protocol this browser allows (Safari's API: org-iso-mdoc only).
    get: (options) => {
      const allowed = new Set(allowedProtocols(options.digital.requests.map((r) => r.protocol)));
      const requests = options.digital.requests.filter((r) => allowed.has(r.protocol));
      if (requests.length === 0) return Promise.reject(new DOMException('No protocol this browser allows', 'NotSupportedError'));
      return navigator.credentials.get({ ...options, digital: { requests } } as CredentialRequestOptions);
    },
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
  /** What navigator.credentials.get is given: the OpenID4VP request, then the Annex C one when the purpose has an mdoc query. */
  requests: DigitalCredentialGetRequest[];
  /** ISO/IEC 18013-7 Annex C (`org-iso-mdoc`): its HPKE key, transcript, and the credential query its DocRequest stands for. */
  isoMdoc?: { privateKey: CryptoKey; publicKey: Uint8Array; sessionTranscript: Uint8Array; queryId: string };
}

/** What an answer holds, and what an mdoc in it must be bound to (which depends on the protocol the wallet chose). */
export interface DigitalCredentialsAnswer {
  presented: DigitalCredentialsPresented[];
  handover: PresentationHandover;
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
  const isoMdoc = await isoMdocPart(dcql, origin);
  return {
    requestId,
    nonce,
    clientId: originClientId(origin),
    privateKey,
    query,
    // B.2.6.2: OpenID4VPDCAPIHandoverInfo = [origin, nonce, jwkThumbprint] — the key the answer is encrypted to (RFC 7638).
    handover: { kind: 'openid4vp-dc-api', origin, encryptionKeyThumbprint: jwkThumbprintSha256(publicJwk) },
    requests: [dcApiRequest({ nonce, dcqlQuery: dcql, encryptionKey }), ...(isoMdoc ? [isoMdoc.request] : [])],
    ...(isoMdoc ? { isoMdoc: isoMdoc.key } : {}),
  };
}

/**
 * ISO/IEC 18013-7 Annex C: the purpose's mdoc query as a DeviceRequest (the same ItemsRequest a
 * Satchel request QR carries, src/protocols/in-person/device-request.ts), its answer HPKE-encrypted
 * to a P-256 key made for it. Undefined when the purpose asks for no mdoc.
 */
async function isoMdocPart(dcql: Record<string, unknown>, origin: string) {
  const { dcqlQuery, deviceRequest } = withDeviceRequest(dcql);
  const stubs = (dcqlQuery as { credentials: Record<string, unknown>[] }).credentials.filter((c) => c[DOC_REQUEST_MEMBER] !== undefined);
  // One DocRequest (every licence purpose): its document answers that credential query.
  if (deviceRequest === undefined || stubs.length !== 1) return undefined;
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const made = isoMdocRequest({ deviceRequest: base64urlDecode(deviceRequest)!, recipientPublicKey: publicKey, nonce: crypto.getRandomValues(new Uint8Array(NONCE_BYTES)) });
  const sessionTranscript = isoMdocSessionTranscript(made.encryptionInfo, origin);
  return { request: made.request, key: { privateKey: pair.privateKey, publicKey, sessionTranscript, queryId: String(stubs[0]!.id) } };
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
    const credential = await host.get({ mediation: 'required', digital: { requests: request.requests }, ...(signal ? { signal } : {}) });
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
export async function openDigitalCredentialsAnswer(credential: unknown, request: DigitalCredentialsRequest): Promise<DigitalCredentialsAnswer> {
  const protocol = (credential as { protocol?: unknown } | null)?.protocol;
  if (protocol === DC_API_PROTOCOL_ISO_MDOC && request.isoMdoc) return openIsoMdoc(credential, request.isoMdoc);
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
  return { presented, handover: request.handover };
}

/** Annex C: the DeviceResponse, HPKE-opened, as the presentation of the mdoc query; its device authentication must cover this transcript. */
async function openIsoMdoc(credential: unknown, iso: NonNullable<DigitalCredentialsRequest['isoMdoc']>): Promise<DigitalCredentialsAnswer> {
  let deviceResponse: Uint8Array;
  try {
    deviceResponse = await openIsoMdocAnswer(credential, iso);
  } catch (error) {
    if (error instanceof DcApiAnswerError) throw new CheckError('not-a-response', error.message);
    throw error;
  }
  return {
    presented: [{ queryId: iso.queryId, presentation: base64urlEncode(deviceResponse) }],
    // ISO/IEC 18013-5 §9.1.5.1 SessionTranscriptBytes; the HPKE key is the reader key a device MAC would use.
    handover: { kind: 'iso-18013-5', sessionTranscriptBytes: sessionTranscriptItem(iso.sessionTranscript), readerPrivateKey: iso.privateKey },
  };
}
