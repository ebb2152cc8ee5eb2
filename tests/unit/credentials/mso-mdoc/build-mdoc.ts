/**
 * A test-only mdoc issuer on Satchel's own CBOR encoder (the vectors and @owf/mdoc cover
 * interoperability): an IssuerSigned (ISO/IEC 18013-5 §8.3.2.1.2.2) whose MSO the options shape,
 * so each rule of the parser can be tried on a structure that is otherwise right, and signed for
 * real (ES256 over the Sig_structure, RFC 9052 §4.4).
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { CborDateTime, embedCbor, encodeCbor, type EmbeddedCbor } from '../../../../src/credentials/formats/mso-mdoc/cbor';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { selfSignedP256Certificate } from '../../../shared/credentials/test-certificate';

export const MDL = 'org.iso.18013.5.1.mDL';
export const MDL_NS = 'org.iso.18013.5.1';

export interface BuildOptions {
  docType?: string;
  /** namespace → element → CBOR value. */
  elements?: Record<string, Record<string, unknown>>;
  digestAlgorithm?: 'SHA-256' | 'SHA-384' | 'SHA-512' | string;
  validity?: { signed: string; validFrom: string; validUntil: string };
  /** The MSO's `status` member, as CBOR. */
  status?: unknown;
  /** Changes the MSO map before it is signed. */
  editMso?: (mso: Map<string, unknown>) => void;
  /** Changes the items (after their digests were taken) before they are put in the IssuerSigned. */
  editItems?: (items: Map<string, EmbeddedCbor[]>) => void;
  randomBytes?: number;
  /** The Document Signer's algorithm: ES256 (P-256, the default) or ES384 (P-384, RFC 9053 §2.1). */
  alg?: 'ES256' | 'ES384';
}

export const DEFAULT_ELEMENTS: Record<string, Record<string, unknown>> = {
  [MDL_NS]: { family_name: 'Smith', given_name: 'Jo', issuing_authority: 'DVLA', age_over_18: true },
};

const HASHES: Record<string, (b: Uint8Array) => Uint8Array> = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 };

export interface BuiltMdoc {
  raw: string;
  issuerSigned: Map<string, unknown>;
  certificate: Uint8Array;
  issuerKey: Uint8Array;
  deviceSecret: Uint8Array;
  devicePoint: Uint8Array;
}

export function buildIssuerSigned(options: BuildOptions = {}): BuiltMdoc {
  const curve = options.alg === 'ES384' ? p384 : p256;
  const issuerSecret = curve.utils.randomSecretKey();
  const deviceSecret = p256.utils.randomSecretKey();
  const devicePoint = p256.getPublicKey(deviceSecret, false);
  const hash = HASHES[options.digestAlgorithm ?? 'SHA-256'] ?? sha256;
  const nameSpaces = new Map<string, EmbeddedCbor[]>();
  const valueDigests = new Map<string, Map<number, Uint8Array>>();
  for (const [namespace, elements] of Object.entries(options.elements ?? DEFAULT_ELEMENTS)) {
    const items: EmbeddedCbor[] = [];
    const digests = new Map<number, Uint8Array>();
    Object.entries(elements).forEach(([name, value], digestID) => {
      const item = embedCbor(new Map<string, unknown>([['digestID', digestID], ['random', crypto.getRandomValues(new Uint8Array(options.randomBytes ?? 16))], ['elementIdentifier', name], ['elementValue', value]]));
      items.push(item);
      digests.set(digestID, hash(item.encoded));
    });
    nameSpaces.set(namespace, items);
    valueDigests.set(namespace, digests);
  }
  const validity = options.validity ?? { signed: '2026-01-01T00:00:00Z', validFrom: '2026-01-01T00:00:00Z', validUntil: '2031-01-01T00:00:00Z' };
  const mso = new Map<string, unknown>([
    ['version', '1.0'],
    ['digestAlgorithm', options.digestAlgorithm ?? 'SHA-256'],
    ['valueDigests', valueDigests],
    ['deviceKeyInfo', new Map([['deviceKey', new Map<number, unknown>([[1, 2], [-1, 1], [-2, devicePoint.subarray(1, 33)], [-3, devicePoint.subarray(33)]])]])],
    ['docType', options.docType ?? MDL],
    ['validityInfo', new Map([['signed', new CborDateTime(validity.signed)], ['validFrom', new CborDateTime(validity.validFrom)], ['validUntil', new CborDateTime(validity.validUntil)]])],
  ]);
  if (options.status !== undefined) mso.set('status', options.status);
  options.editMso?.(mso);
  options.editItems?.(nameSpaces);
  const protectedBytes = encodeCbor(new Map([[1, options.alg === 'ES384' ? -35 : -7]]));
  const payload = embedCbor(mso).encoded;
  const signature = curve.sign(encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]), issuerSecret, { prehash: true, format: 'compact' });
  // A P-384 signer gets a stand-in certificate: these tests hand parse's signature item the key itself.
  const certificate = options.alg === 'ES384' ? Uint8Array.of(0x30, 0x00) : selfSignedP256Certificate(issuerSecret, 'Test Document Signer', new Date('2025-01-01T00:00:00Z'), new Date('2035-01-01T00:00:00Z'));
  const issuerSigned = new Map<string, unknown>([
    ['nameSpaces', nameSpaces],
    ['issuerAuth', [protectedBytes, new Map([[33, certificate]]), payload, signature]],
  ]);
  return { raw: base64urlEncode(encodeCbor(issuerSigned)), issuerSigned, certificate, issuerKey: curve.getPublicKey(issuerSecret, false), deviceSecret, devicePoint };
}
