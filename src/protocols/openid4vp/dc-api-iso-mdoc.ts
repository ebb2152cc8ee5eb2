/**
 * ISO/IEC 18013-7 Annex C over the W3C Digital Credentials API (protocol `org-iso-mdoc`), the
 * reader's side: an mdoc request without OpenID4VP, for wallets and browsers that take only this
 * (Safari's API among them). Pure but for WebCrypto; the wallet's check use case calls it.
 *
 *   request   { deviceRequest: base64url(DeviceRequest), encryptionInfo: base64url(EncryptionInfo) }
 *             EncryptionInfo = ["dcapi", { "nonce": bstr (≥ 16 bytes), "recipientPublicKey": COSE_Key }]
 *   answer    { response: base64url(EncryptedResponse) }
 *             EncryptedResponse = ["dcapi", { "enc": bstr, "cipherText": bstr }]
 *   transcript SessionTranscript = [null, null, ["dcapi", SHA-256(cbor([EncryptionInfo as sent (base64url text), origin]))]]
 *   decrypt   HPKE base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM (RFC 9180,
 *             dc-api-hpke.ts), info = cbor(SessionTranscript), aad empty → DeviceResponse
 *
 * The DeviceResponse's device authentication covers the same SessionTranscript, handed to the mdoc
 * format as SessionTranscriptBytes (#6.24, ISO/IEC 18013-5 §9.1.5.1), so an answer made for another
 * origin or request fails its key binding.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeCbor, encodeCbor, embedCbor } from '../../credentials/formats/mso-mdoc/cbor';
import { base64urlDecode, base64urlEncode } from '../../lib/base64url';
import { isJsonObject } from '../../lib/json-safe';
import { p256CoseKey } from '../iso18013-5/cose-key';
import { hpkeOpenBase, HpkeError } from './dc-api-hpke';
import { DC_API_MAX_ANSWER_CHARS, DcApiAnswerError, type DigitalCredentialGetRequest } from './dc-api';

/** ISO/IEC 18013-7 Annex C: the protocol identifier registered for the Digital Credentials API. */
export const DC_API_PROTOCOL_ISO_MDOC = 'org-iso-mdoc';
/** Annex C: the tag of EncryptionInfo, EncryptedResponse and the handover. */
const DCAPI = 'dcapi';
const MIN_NONCE_BYTES = 16;

export interface IsoMdocRequest {
  request: DigitalCredentialGetRequest;
  /** The base64url EncryptionInfo exactly as sent: the SessionTranscript hashes these characters. */
  encryptionInfo: string;
}

/** Annex C: the request for a DeviceRequest (CBOR, §8.3.2.1.2.1), the answer to be HPKE-encrypted to `recipientPublicKey` (uncompressed P-256, 65 bytes). */
export function isoMdocRequest(input: { deviceRequest: Uint8Array; recipientPublicKey: Uint8Array; nonce: Uint8Array }): IsoMdocRequest {
  const { deviceRequest, recipientPublicKey: pk, nonce } = input;
  if (pk.length !== 65 || pk[0] !== 0x04) throw new TypeError('recipientPublicKey must be an uncompressed P-256 point (65 bytes)');
  if (nonce.length < MIN_NONCE_BYTES) throw new TypeError(`nonce must be at least ${MIN_NONCE_BYTES} bytes`);
  const coseKey = p256CoseKey(pk);
  const encryptionInfo = base64urlEncode(encodeCbor([DCAPI, new Map<string, unknown>([['nonce', nonce], ['recipientPublicKey', coseKey]])]));
  return { request: { protocol: DC_API_PROTOCOL_ISO_MDOC, data: { deviceRequest: base64urlEncode(deviceRequest), encryptionInfo } }, encryptionInfo };
}

/** Annex C: cbor(SessionTranscript) = cbor([null, null, ["dcapi", SHA-256(cbor([encryptionInfo, origin]))]]) — HPKE's info. */
export function isoMdocSessionTranscript(encryptionInfo: string, origin: string): Uint8Array {
  return encodeCbor([null, null, [DCAPI, sha256(encodeCbor([encryptionInfo, origin]))]]);
}

/** The same as SessionTranscriptBytes (#6.24, ISO/IEC 18013-5 §9.1.5.1), for the mdoc format's iso-18013-5 handover. */
export function sessionTranscriptItem(sessionTranscript: Uint8Array): Uint8Array {
  return encodeCbor(embedCbor(decodeCbor(sessionTranscript, 'SessionTranscript')));
}

/**
 * Annex C: opens the DigitalCredential the browser resolved with and returns the DeviceResponse
 * (CBOR). Throws DcApiAnswerError 'malformed' for another protocol, no `response`, an
 * EncryptedResponse that is not ["dcapi", { enc, cipherText }], or one this key cannot open.
 */
export async function openIsoMdocAnswer(credential: unknown, key: { privateKey: CryptoKey; publicKey: Uint8Array; sessionTranscript: Uint8Array }): Promise<Uint8Array> {
  if (!isJsonObject(credential)) throw new DcApiAnswerError('malformed', 'The wallet gave back nothing readable');
  const { protocol, data: raw } = credential as { protocol?: unknown; data?: unknown };
  if (protocol !== DC_API_PROTOCOL_ISO_MDOC) throw new DcApiAnswerError('malformed', `The wallet answered with protocol ${JSON.stringify(protocol)}, not ${DC_API_PROTOCOL_ISO_MDOC}`);
  let data = raw;
  if (typeof raw === 'string' && raw.length <= DC_API_MAX_ANSWER_CHARS) {
    try {
      data = JSON.parse(raw) as unknown;
    } catch {
      data = undefined;
    }
  }
  const response = isJsonObject(data) ? data.response : undefined;
  if (typeof response !== 'string' || response.length === 0 || response.length > DC_API_MAX_ANSWER_CHARS) throw new DcApiAnswerError('malformed', 'The wallet\'s answer holds no encrypted response');
  const bytes = base64urlDecode(response);
  if (!bytes) throw new DcApiAnswerError('malformed', 'The wallet\'s encrypted response is not base64url');
  let enc: unknown;
  let cipherText: unknown;
  try {
    const encrypted = decodeCbor(bytes, 'EncryptedResponse');
    if (!Array.isArray(encrypted) || encrypted.length !== 2 || encrypted[0] !== DCAPI || !(encrypted[1] instanceof Map)) throw new TypeError('shape');
    enc = encrypted[1].get('enc');
    cipherText = encrypted[1].get('cipherText');
  } catch {
    throw new DcApiAnswerError('malformed', 'The wallet\'s encrypted response is not ["dcapi", { enc, cipherText }]');
  }
  if (!(enc instanceof Uint8Array) || !(cipherText instanceof Uint8Array)) throw new DcApiAnswerError('malformed', 'The wallet\'s encrypted response lacks enc or cipherText');
  try {
    return await hpkeOpenBase({ enc, recipientPrivateKey: key.privateKey, recipientPublicKey: key.publicKey, info: key.sessionTranscript, ciphertext: cipherText });
  } catch (error) {
    if (error instanceof HpkeError) throw new DcApiAnswerError('malformed', error.message);
    throw error;
  }
}
