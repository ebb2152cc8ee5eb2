/**
 * The COSE (RFC 9052) an mdoc uses: COSE_Sign1 for issuerAuth and deviceSignature, COSE_Mac0 for
 * deviceMac, COSE_Key for the device key; algorithms and key parameters from RFC 9053, the
 * certificate chain header from RFC 9360. Parsing only: signatures go to the SignatureVerifier as
 * batch items over the Sig_structure (RFC 9052 §4.4).
 */
import { base64urlEncode } from '../../../lib/base64url';
import { concatBytes } from '../../../lib/bytes';
import { DataError } from '../../../lib/errors';
import type { SignatureAlgorithm, VerifyItem } from '../../../lib/signature-verifier';
import type { PublicKey } from '../../jwk';
import { decodeCbor, encodeCbor, Tagged, TAG_COSE_MAC0, TAG_COSE_SIGN1 } from './cbor';

/** Header labels, RFC 9052 §3.1 and RFC 9360 §2. */
export const HEADER_ALG = 1;
export const HEADER_CRIT = 2;
export const HEADER_X5CHAIN = 33;

/** RFC 9053 §2.1 (ECDSA) and §2.2 (EdDSA): COSE algorithm identifiers Satchel verifies. */
const SIGNATURE_ALGORITHMS = new Map<number, SignatureAlgorithm>([[-7, 'ES256'], [-35, 'ES384'], [-8, 'EdDSA']]);
/** RFC 9053 §2.1: ECDSA signatures are r‖s, each the curve's size; §2.2: an Ed25519 signature is 64 bytes. */
const SIGNATURE_BYTES: Record<SignatureAlgorithm, number> = { ES256: 64, ES384: 96, EdDSA: 64 };
/** RFC 9053 §3.1: HMAC 256/256, the MAC ISO/IEC 18013-5 §9.1.3.5 requires for deviceMac. */
export const COSE_ALG_HMAC_256_256 = 5;

export type CoseHeader = Map<unknown, unknown>;

/** A parsed COSE_Sign1 (RFC 9052 §4.2), keeping the protected header as the bytes sent (they are signed). */
export interface CoseSign1 {
  protectedBytes: Uint8Array;
  protectedHeader: CoseHeader;
  unprotectedHeader: CoseHeader;
  /** null when detached (RFC 9052 §4.1; an mdoc's deviceSignature: the DeviceAuthenticationBytes are supplied). */
  payload: Uint8Array | null;
  signature: Uint8Array;
  alg: SignatureAlgorithm;
  /** RFC 9360 §2 x5chain: DER certificates, the signer's first; undefined when absent. */
  x5chain?: Uint8Array[];
}

/** A parsed COSE_Mac0 (RFC 9052 §6.2). */
export interface CoseMac0 {
  protectedBytes: Uint8Array;
  protectedHeader: CoseHeader;
  unprotectedHeader: CoseHeader;
  payload: Uint8Array | null;
  tag: Uint8Array;
  /** The COSE MAC algorithm identifier (RFC 9053 §3.1); 5 = HMAC 256/256. */
  alg: number;
}

interface CoseParts {
  protectedBytes: Uint8Array;
  protectedHeader: CoseHeader;
  unprotectedHeader: CoseHeader;
  payload: Uint8Array | null;
  last: Uint8Array;
}

/** RFC 9052 §4.2 / §6.2: the four-element array, optionally under its tag (18 or 17). */
function coseParts(value: unknown, tag: number, structure: string, what: string): CoseParts {
  let body = value;
  if (body instanceof Tagged) {
    if (body.tag !== tag) throw new DataError(`The ${what} has CBOR tag ${body.tag}; a ${structure} is untagged or tag ${tag}.`);
    body = body.value;
  }
  if (!Array.isArray(body) || body.length !== 4) throw new DataError(`The ${what} is not a ${structure} (an array of four parts).`);
  const [protectedBytes, unprotectedHeader, payload, last] = body as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) throw new DataError(`The ${what}'s protected header is not a byte string.`);
  if (!(unprotectedHeader instanceof Map)) throw new DataError(`The ${what}'s unprotected header is not a map.`);
  if (payload !== null && !(payload instanceof Uint8Array)) throw new DataError(`The ${what}'s payload is neither a byte string nor null.`);
  if (!(last instanceof Uint8Array)) throw new DataError(`The ${what}'s ${tag === TAG_COSE_SIGN1 ? 'signature' : 'tag'} is not a byte string.`);
  // RFC 9052 §3: a zero-length protected header stands for the empty map.
  const protectedHeader = protectedBytes.length === 0 ? new Map() : decodeCbor(protectedBytes, `${what}'s protected header`);
  if (!(protectedHeader instanceof Map)) throw new DataError(`The ${what}'s protected header is not a map.`);
  // RFC 9052 §3: a label must not appear in both buckets.
  for (const label of protectedHeader.keys()) {
    if (unprotectedHeader.has(label)) throw new DataError(`The ${what} has header ${String(label)} both protected and unprotected.`);
  }
  // RFC 9052 §3.1 crit: labels the reader must understand; Satchel understands none beyond alg and x5chain.
  if (protectedHeader.has(HEADER_CRIT)) throw new DataError(`The ${what} marks headers as critical, which Satchel does not support.`);
  return { protectedBytes, protectedHeader: protectedHeader as CoseHeader, unprotectedHeader: unprotectedHeader as CoseHeader, payload: payload as Uint8Array | null, last };
}

/** The alg header: RFC 9052 §3.1 label 1, protected (ISO/IEC 18013-5 §9.1.2.4 and §9.1.3.6 put it there). */
function protectedAlg(parts: CoseParts, what: string): unknown {
  if (parts.unprotectedHeader.has(HEADER_ALG)) throw new DataError(`The ${what} names its algorithm in the unprotected header; it must be protected.`);
  if (!parts.protectedHeader.has(HEADER_ALG)) throw new DataError(`The ${what} does not name its algorithm.`);
  return parts.protectedHeader.get(HEADER_ALG);
}

/** RFC 9360 §2: x5chain is one certificate (bstr) or an array of them, in either header bucket. */
function x5chainOf(parts: CoseParts, what: string): Uint8Array[] | undefined {
  const chain = parts.protectedHeader.get(HEADER_X5CHAIN) ?? parts.unprotectedHeader.get(HEADER_X5CHAIN);
  if (chain === undefined) return undefined;
  if (chain instanceof Uint8Array) return [chain];
  if (Array.isArray(chain) && chain.length > 0 && chain.every((c) => c instanceof Uint8Array)) return chain as Uint8Array[];
  throw new DataError(`The ${what}'s certificate chain (x5chain) is not a certificate or a list of certificates.`);
}

/** Parses a COSE_Sign1; throws DataError naming `what` for any malformed part or an algorithm other than ES256, ES384 and EdDSA. */
export function parseCoseSign1(value: unknown, what: string): CoseSign1 {
  const parts = coseParts(value, TAG_COSE_SIGN1, 'COSE_Sign1', what);
  const algId = protectedAlg(parts, what);
  const alg = typeof algId === 'number' ? SIGNATURE_ALGORITHMS.get(algId) : undefined;
  if (!alg) throw new DataError(`The ${what} is signed with COSE algorithm ${String(algId)}; Satchel accepts ES256 (-7), ES384 (-35) and EdDSA (-8).`);
  if (parts.last.length !== SIGNATURE_BYTES[alg]) throw new DataError(`The ${what}'s ${alg} signature is ${parts.last.length} bytes long; it must be ${SIGNATURE_BYTES[alg]}.`);
  const x5chain = x5chainOf(parts, what);
  const { last, ...rest } = parts;
  return { ...rest, signature: last, alg, ...(x5chain ? { x5chain } : {}) };
}

/** Parses a COSE_Mac0; throws DataError naming `what` for a malformed part. The algorithm is returned, not judged (the caller knows which it accepts). */
export function parseCoseMac0(value: unknown, what: string): CoseMac0 {
  const parts = coseParts(value, TAG_COSE_MAC0, 'COSE_Mac0', what);
  const alg = protectedAlg(parts, what);
  if (typeof alg !== 'number') throw new DataError(`The ${what}'s algorithm is not a COSE algorithm number.`);
  const { last, ...rest } = parts;
  return { ...rest, tag: last, alg };
}

/**
 * RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected (the bytes sent), external_aad
 * (empty here, as ISO/IEC 18013-5 §9.1.2.4 and §9.1.3.6 use it), payload], encoded as CBOR.
 * `detachedPayload` stands in for a null payload (RFC 9052 §4.1).
 */
export function sigStructure(sign1: CoseSign1, detachedPayload?: Uint8Array): Uint8Array {
  const payload = sign1.payload ?? detachedPayload;
  if (payload === undefined) throw new DataError('The signature is detached and nothing was given to check it over.');
  return encodeCbor(['Signature1', sign1.protectedBytes, new Uint8Array(0), payload]);
}

/** RFC 9052 §6.3: MAC_structure = ["MAC0", body_protected, external_aad (empty), payload]. */
export function macStructure(mac0: CoseMac0, detachedPayload?: Uint8Array): Uint8Array {
  const payload = mac0.payload ?? detachedPayload;
  if (payload === undefined) throw new DataError('The MAC is detached and nothing was given to check it over.');
  return encodeCbor(['MAC0', mac0.protectedBytes, new Uint8Array(0), payload]);
}

/** The batch item checking `sign1` with `key`; throws DataError when the key is for another algorithm (RFC 9052 §8: the key fixes the algorithm). */
export function coseSign1VerifyItem(sign1: CoseSign1, key: PublicKey, what: string, detachedPayload?: Uint8Array): VerifyItem {
  if (key.alg !== sign1.alg) throw new DataError(`The ${what} is signed with ${sign1.alg}, but the key that should have signed it is a ${key.alg} key.`);
  return { alg: sign1.alg, publicKey: key.publicKey, message: sigStructure(sign1, detachedPayload), signature: sign1.signature };
}

/** RFC 9053 §7.1 (EC2) and §7.2 (OKP) key parameters, and RFC 9052 §7.1 kty. */
const KTY_OKP = 1;
const KTY_EC2 = 2;
const KEY_KTY = 1;
const KEY_CRV = -1;
const KEY_X = -2;
const KEY_Y = -3;
const KEY_D = -4;
/** RFC 9053 §7.1 Table 18: curves, with the algorithm each key is for and its coordinate size. */
const CURVES = new Map<number, { kty: number; alg: SignatureAlgorithm; jwkCrv: string; bytes: number }>([
  [1, { kty: KTY_EC2, alg: 'ES256', jwkCrv: 'P-256', bytes: 32 }],
  [2, { kty: KTY_EC2, alg: 'ES384', jwkCrv: 'P-384', bytes: 48 }],
  [6, { kty: KTY_OKP, alg: 'EdDSA', jwkCrv: 'Ed25519', bytes: 32 }],
]);

interface CoseKeyParts {
  curve: { kty: number; alg: SignatureAlgorithm; jwkCrv: string; bytes: number };
  x: Uint8Array;
  y?: Uint8Array;
}

function coseKeyParts(key: unknown, what: string): CoseKeyParts {
  if (!(key instanceof Map)) throw new DataError(`The ${what} is not a COSE_Key (a map).`);
  // RFC 9052 §7: a public key carries no private part.
  if (key.has(KEY_D)) throw new DataError(`The ${what} contains a private key; only public keys are accepted.`);
  const kty = key.get(KEY_KTY);
  const crv = key.get(KEY_CRV);
  const curve = typeof crv === 'number' ? CURVES.get(crv) : undefined;
  if (!curve || curve.kty !== kty) throw new DataError(`The ${what} is key type ${String(kty)} on curve ${String(crv)}; Satchel accepts P-256, P-384 (kty 2) and Ed25519 (kty 1).`);
  const x = key.get(KEY_X);
  if (!(x instanceof Uint8Array) || x.length !== curve.bytes) throw new DataError(`The ${what}'s x coordinate must be ${curve.bytes} bytes.`);
  if (curve.kty === KTY_OKP) return { curve, x };
  // RFC 9053 §7.1.1: y may be a bool (point compression); ISO/IEC 18013-5 keys are uncompressed, and so is all Satchel verifies.
  const y = key.get(KEY_Y);
  if (!(y instanceof Uint8Array) || y.length !== curve.bytes) throw new DataError(`The ${what}'s y coordinate must be ${curve.bytes} bytes (compressed points are not accepted).`);
  return { curve, x, y };
}

/** A COSE_Key (RFC 9052 §7) as the PublicKey a SignatureVerifier takes: SEC1 uncompressed for EC2, the raw key for Ed25519. */
export function publicKeyFromCoseKey(key: unknown, what: string): PublicKey {
  const { curve, x, y } = coseKeyParts(key, what);
  // SEC1 §2.3.3: 0x04 ‖ X ‖ Y.
  return { alg: curve.alg, publicKey: y ? concatBytes(Uint8Array.of(4), x, y) : x };
}

/** A COSE_Key as the public JWK (RFC 7518 §6.2.1, RFC 8037 §2) naming the same key. */
export function jwkFromCoseKey(key: unknown, what: string): JsonWebKey {
  const { curve, x, y } = coseKeyParts(key, what);
  return y ? { kty: 'EC', crv: curve.jwkCrv, x: base64urlEncode(x), y: base64urlEncode(y) } : { kty: 'OKP', crv: curve.jwkCrv, x: base64urlEncode(x) };
}
