/**
 * Presenting an mdoc: a DeviceResponse (ISO/IEC 18013-5 §8.3.2.1.2.2) version "1.0" holding one
 * document with status 0 (OK), as OpenID4VP 1.0 Appendix B.2.6 sends it (base64url, the vp_token
 * value) and Satchel's in-person answer carries it:
 * - issuerSigned: ONLY the requested data elements, each IssuerSignedItemBytes exactly as issued
 *   (its digest in the MSO covers those bytes, §9.1.2.5), and the issuer's issuerAuth;
 * - deviceSigned: no device-signed elements (nameSpaces = #6.24(empty map)) and deviceAuth.
 *   deviceSignature, a COSE_Sign1 ES256 with a nil payload (§9.1.3.6) over DeviceAuthenticationBytes
 *   for this verifier's SessionTranscript (device-auth.ts, session-transcript.ts), signed with the
 *   holder's key, the one the MSO's deviceKeyInfo names.
 *
 * The response is assembled from CBOR heads and the stored bytes rather than re-encoded from
 * decoded values, so nothing the issuer signed can change shape on the way out. issuerAuth is
 * re-encoded from its decoded parts: its protected header, payload (the MSO bytes) and signature
 * are byte strings and come out byte for byte; only the unsigned header map may be re-ordered.
 */
import { base64urlEncode } from '../../../lib/base64url';
import { concatBytes } from '../../../lib/bytes';
import { DataError } from '../../../lib/errors';
import type { ClaimPath, PresentationRequest } from '../format';
import { decodeCbor, encodeCbor, type EmbeddedCbor } from './cbor';
import { COSE_ALG_ES256, deviceAuthenticationBytes } from './device-auth';
import { DEVICE_RESPONSE_VERSION } from './device-response';
import { parseIssuerSigned } from './issuer-signed';
import { mdocBytes } from './parse';
import { sessionTranscriptBytes } from './session-transcript';

/** RFC 8949 §3.1 major types. */
const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
/** §8.3.2.1.2.3: status 0, "OK". */
const STATUS_OK = 0;
/** RFC 9052 §3.1 label 1 (alg) = -7 (ES256, RFC 9053 §2.1): the device signature's protected header. */
const DEVICE_SIGNATURE_PROTECTED = encodeCbor(new Map([[1, COSE_ALG_ES256]]));
/** §8.3.2.1.2.2 DeviceNameSpacesBytes with no device-signed elements: #6.24(bstr .cbor {}). */
const NO_DEVICE_NAMESPACES = Uint8Array.of(0xd8, 0x18, 0x41, 0xa0);

/** RFC 8949 §3.1: the shortest head for an array or map of `count` items. */
function head(major: number, count: number): Uint8Array {
  const type = major << 5;
  if (count < 24) return Uint8Array.of(type | count);
  if (count < 0x100) return Uint8Array.of(type | 24, count);
  if (count < 0x10000) return Uint8Array.of(type | 25, count >> 8, count & 0xff);
  throw new DataError('The mdoc has too many data elements to present.');
}

/** A CBOR map from already-encoded keys and values, in the order given. */
function map(entries: readonly [string, Uint8Array][]): Uint8Array {
  return concatBytes(head(MAJOR_MAP, entries.length), ...entries.flatMap(([key, value]) => [encodeCbor(key), value]));
}

function array(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(head(MAJOR_ARRAY, items.length), ...items);
}

/** OpenID4VP 1.0 B.2.4: an mdoc claim path is exactly [namespace, element]. */
function elementPath(path: ClaimPath): [string, string] {
  const [namespace, element] = path;
  if (path.length !== 2 || typeof namespace !== 'string' || typeof element !== 'string') {
    throw new DataError(`An mdoc data element is asked for as [namespace, element]; ${JSON.stringify(path)} is not one.`);
  }
  return [namespace, element];
}

/** The requested elements' IssuerSignedItemBytes as issued, by namespace (in the order issued). */
function chosenElements(nameSpaces: Map<string, { elementIdentifier: string; itemBytes: EmbeddedCbor }[]>, disclose: readonly ClaimPath[]): [string, Uint8Array[]][] {
  const wanted = new Map<string, Set<string>>();
  for (const path of disclose) {
    const [namespace, element] = elementPath(path);
    if (!nameSpaces.get(namespace)?.some((item) => item.elementIdentifier === element)) {
      throw new DataError(`This mdoc has no data element ${element} in namespace ${namespace}.`);
    }
    wanted.set(namespace, (wanted.get(namespace) ?? new Set()).add(element));
  }
  const chosen: [string, Uint8Array[]][] = [];
  for (const [namespace, items] of nameSpaces) {
    const names = wanted.get(namespace);
    if (names) chosen.push([namespace, items.filter((item) => names.has(item.elementIdentifier)).map((item) => item.itemBytes.encoded)]);
  }
  return chosen;
}

/** WebCrypto ECDSA P-256 with SHA-256 returns r‖s (IEEE P1363), the form COSE wants (RFC 9053 §2.1). */
async function signEs256(key: CryptoKey, message: Uint8Array): Promise<Uint8Array> {
  const algorithm = key.algorithm as EcKeyAlgorithm;
  if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') throw new DataError('The holder key is not an ECDSA P-256 key, so it cannot sign an mdoc presentation (ES256).');
  return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, message as BufferSource));
}

/**
 * Builds the DeviceResponse presenting `request.disclose` ([namespace, element] paths) from the
 * stored IssuerSigned `raw`, signed for `request.audience`, `request.nonce` and `request.handover`;
 * base64url without padding. Throws DataError for a damaged credential, an element it does not
 * hold, or no handover.
 */
export async function presentMdoc(raw: string, request: PresentationRequest): Promise<string> {
  if (!request.handover) throw new DataError('An mdoc can only be presented for a session (the verifier’s handover); none was given.');
  const stored = decodeCbor(mdocBytes(raw), 'stored mdoc');
  if (!(stored instanceof Map) || !stored.has('issuerAuth')) throw new DataError('The stored mdoc is not issuer-signed data (IssuerSigned), so it cannot be presented.');
  const issuerSigned = parseIssuerSigned(stored);
  const docType = issuerSigned.mso.docType;
  const chosen = chosenElements(issuerSigned.nameSpaces, request.disclose);

  // §9.1.3.4 DeviceAuthenticationBytes for this session; §9.1.3.6 a detached payload; RFC 9052 §4.4 Sig_structure.
  const transcript = sessionTranscriptBytes(request.handover, request.audience, request.nonce);
  const deviceAuthentication = deviceAuthenticationBytes(transcript, docType, NO_DEVICE_NAMESPACES.subarray(3));
  const toBeSigned = encodeCbor(['Signature1', DEVICE_SIGNATURE_PROTECTED, new Uint8Array(0), deviceAuthentication]);
  const signature = await signEs256(request.holderKey, toBeSigned);
  const deviceSignature = encodeCbor([DEVICE_SIGNATURE_PROTECTED, new Map(), null, signature]);

  const issuerSignedEntries: [string, Uint8Array][] = [];
  // §8.3.2.1.2.2: nameSpaces is optional; with nothing disclosed it is left out.
  if (chosen.length > 0) issuerSignedEntries.push(['nameSpaces', map(chosen.map(([namespace, items]) => [namespace, array(items)]))]);
  issuerSignedEntries.push(['issuerAuth', encodeCbor(stored.get('issuerAuth'))]);
  const document = map([
    ['docType', encodeCbor(docType)],
    ['issuerSigned', map(issuerSignedEntries)],
    ['deviceSigned', map([['nameSpaces', NO_DEVICE_NAMESPACES], ['deviceAuth', map([['deviceSignature', deviceSignature]])]])],
  ]);
  const response = map([['version', encodeCbor(DEVICE_RESPONSE_VERSION)], ['documents', array([document])], ['status', encodeCbor(STATUS_OK)]]);
  return base64urlEncode(response);
}
