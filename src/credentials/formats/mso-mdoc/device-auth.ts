/**
 * mdoc device authentication by signature (ISO/IEC 18013-5 §9.1.3): the holder's device signs
 * DeviceAuthenticationBytes = #6.24(bstr .cbor DeviceAuthentication) with DeviceAuthentication =
 * ["DeviceAuthentication", SessionTranscript, DocType, DeviceNameSpacesBytes] (§9.1.3.4), as a
 * COSE_Sign1 whose payload is detached (nil, §9.1.3.6), with the key the issuer put in the MSO's
 * deviceKeyInfo (§9.1.2.4). The SessionTranscript (§9.1.5.1) carries the verifier's client id,
 * nonce and handover (session-transcript.ts), or in an ISO/IEC 18013-5 proximity session the device
 * engagement and the reader's ephemeral key, so a signature made for another verifier, request, QR
 * or reader does not verify: a replayed presentation fails its signature.
 *
 * An embedded payload (the auth0-lab/mdl examples in tests/vectors/mdoc carry one, against
 * §9.1.3.6) is accepted only when it is byte for byte the DeviceAuthenticationBytes Satchel builds
 * from the session: it then proves exactly what a detached one would. Any other payload is refused
 * (it would be a signature over something other than this session).
 */
import { bytesEqual, concatBytes } from '../../../lib/bytes';
import { DataError } from '../../../lib/errors';
import type { VerifyItem } from '../../../lib/signature-verifier';
import { CheckError, type CheckCode } from '../../check-error';
import type { PublicKey } from '../../jwk';
import type { HolderProofExpectations } from '../format';
import { EmbeddedCbor, encodeCbor } from './cbor';
import { coseSign1VerifyItem, type CoseSign1 } from './cose';
import { sessionTranscriptBytes } from './session-transcript';

/** §9.1.3.4: the context string that starts DeviceAuthentication. */
export const DEVICE_AUTHENTICATION = 'DeviceAuthentication';

/** RFC 9053 §2.1: COSE algorithm ES256, the one Satchel's holder keys sign with. */
export const COSE_ALG_ES256 = -7;

/** RFC 8949 §3.4.5.1 tag 24 (major type 6, one-byte argument 24): the head before an embedded byte string. */
const TAG_24_HEAD = Uint8Array.of(0xd8, 0x18);
/** RFC 8949 §3.1: major type 4 (array) of 4 items. */
const ARRAY_OF_FOUR = Uint8Array.of(0x84);

/** What a document presents for device authentication by signature (from a DeviceResponse, §8.3.2.1.2.2). */
export interface DeviceSignedDocument {
  docType: string;
  /** DeviceNameSpacesBytes: the tag-24 item as sent (EmbeddedCbor), or its content, which is then wrapped as encodeCbor would. */
  deviceNameSpacesBytes: Uint8Array | EmbeddedCbor;
  deviceSignature: CoseSign1;
}

function fail(message: string, code: CheckCode = 'damaged'): never {
  throw new CheckError('key-binding', message, code);
}

/** `content` as #6.24(bstr), with the shortest length head (RFC 8949 §4.2.1), as a signer encodes it. */
function tag24(content: Uint8Array): Uint8Array {
  return concatBytes(TAG_24_HEAD, encodeCbor(content));
}

/**
 * DeviceAuthenticationBytes (§9.1.3.4) for `sessionTranscript` (the CBOR of the SessionTranscript
 * array, §9.1.5.1 — not wrapped in tag 24), embedded as given rather than re-encoded, so a
 * transcript another implementation encoded (e.g. with longer length heads) stays what it signed.
 * DeviceNameSpacesBytes likewise: as sent when given as EmbeddedCbor.
 */
export function deviceAuthenticationBytes(sessionTranscript: Uint8Array, docType: string, deviceNameSpacesBytes: Uint8Array | EmbeddedCbor): Uint8Array {
  const nameSpaces = deviceNameSpacesBytes instanceof EmbeddedCbor ? deviceNameSpacesBytes.encoded : tag24(deviceNameSpacesBytes);
  // ["DeviceAuthentication", SessionTranscript, DocType, DeviceNameSpacesBytes], then #6.24(bstr .cbor …).
  const deviceAuthentication = concatBytes(ARRAY_OF_FOUR, encodeCbor(DEVICE_AUTHENTICATION), sessionTranscript, encodeCbor(docType), nameSpaces);
  return tag24(deviceAuthentication);
}

/**
 * The batch item checking `doc`'s device signature over DeviceAuthenticationBytes built from
 * `sessionTranscript` (the SessionTranscript's CBOR, §9.1.5.1) with the MSO's device key: for
 * transcripts Satchel did not build itself (the published vectors' own; an ISO reader's, whose
 * SessionTranscript includes the device engagement). Throws CheckError('key-binding').
 */
export function deviceSignatureItemForTranscript(doc: DeviceSignedDocument, deviceKey: PublicKey, sessionTranscript: Uint8Array): VerifyItem {
  const signed = deviceAuthenticationBytes(sessionTranscript, doc.docType, doc.deviceNameSpacesBytes);
  const { payload } = doc.deviceSignature;
  // §9.1.3.6: the payload is nil (detached); an embedded one must be this session's DeviceAuthenticationBytes (see the top of this file).
  if (payload !== null && !bytesEqual(payload, signed)) {
    fail('The device signature signs something other than this session (its embedded payload is not the DeviceAuthentication for this verifier and request). Ask the holder to share it again.', 'mismatch');
  }
  try {
    return coseSign1VerifyItem(doc.deviceSignature, deviceKey, 'device signature', signed);
  } catch (error) {
    // RFC 9052 §8: the device key fixes the algorithm; a signature in another one is not the holder's.
    if (error instanceof DataError) fail(`${error.message} It was not made by the device this mdoc was issued to.`, 'key-mismatch');
    throw error;
  }
}

/**
 * The batch item checking `doc`'s device signature for a presentation made to this verifier. Online
 * and between two Satchels, SessionTranscript = [null, null, Handover] from `expect.handover`,
 * `expect.audience` (the client id) and `expect.nonce` (session-transcript.ts); in an ISO/IEC
 * 18013-5 proximity session (handover `iso-18013-5`) the transcript is given whole and audience and
 * nonce are not needed. Throws CheckError('key-binding') when what the transcript needs is missing
 * (an mdoc's device signature can only be checked against a session), or when the signature does
 * not fit the device key.
 */
export function deviceSignatureItem(doc: DeviceSignedDocument, deviceKey: PublicKey, expect: HolderProofExpectations): VerifyItem {
  const { audience, nonce, handover } = expect;
  const wholeTranscript = handover?.kind === 'iso-18013-5';
  if (handover === undefined || (!wholeTranscript && (audience === undefined || nonce === undefined))) {
    const absent = [!wholeTranscript && audience === undefined && 'verifier (client id)', !wholeTranscript && nonce === undefined && 'nonce', handover === undefined && 'handover'].filter(Boolean).join(', ');
    fail(`The mdoc's device signature can only be checked against the request it answers, and this check was given no ${absent}.`, 'not-checked');
  }
  let transcript: Uint8Array;
  try {
    transcript = sessionTranscriptBytes(handover, audience, nonce);
  } catch (error) {
    if (error instanceof DataError) fail(error.message, 'not-checked');
    throw error;
  }
  return deviceSignatureItemForTranscript(doc, deviceKey, transcript);
}
