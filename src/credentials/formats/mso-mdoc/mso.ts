/**
 * The Mobile Security Object (ISO/IEC 18013-5 §9.1.2.4): what the issuer signs in issuerAuth —
 * the digest of every data element, the device key, the docType and the validity period — and
 * its optional `status` (draft-ietf-oauth-status-list §6.3, the COSE Referenced Token: a
 * `status_list` with `idx` and `uri`).
 */
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { DataError } from '../../../lib/errors';
import { CheckError } from '../../check-error';
import type { StatusReference } from '../../status-token';
import type { ValidityWindow } from '../../validity';
import { CborDateTime, decodeCbor, decodeEmbedded } from './cbor';
import type { CoseSign1 } from './cose';

/** §9.1.2.4 digestAlgorithm: the hash each value digest is made with. */
const DIGEST_ALGORITHMS: Record<string, { hash: (bytes: Uint8Array) => Uint8Array; bytes: number }> = {
  'SHA-256': { hash: sha256, bytes: 32 },
  'SHA-384': { hash: sha384, bytes: 48 },
  'SHA-512': { hash: sha512, bytes: 64 },
};

export interface MobileSecurityObject {
  version: string;
  digestAlgorithm: string;
  /** Hashes bytes with digestAlgorithm. */
  digest: (bytes: Uint8Array) => Uint8Array;
  /** namespace → digestID → digest. */
  valueDigests: Map<string, Map<number, Uint8Array>>;
  /** The COSE_Key the holder's device signs with (deviceKeyInfo.deviceKey), not yet checked. */
  deviceKey: unknown;
  docType: string;
  window: ValidityWindow;
  /** undefined when the issuer publishes no status. Throws DataError when damaged (read when asked). */
  status: () => StatusReference | undefined;
}

const WHAT = 'mobile security object (MSO)';

function field(map: Map<unknown, unknown>, name: string, what = WHAT): unknown {
  if (!map.has(name)) throw new DataError(`The ${what} has no "${name}".`);
  return map.get(name);
}

function mapOf(value: unknown, what: string): Map<unknown, unknown> {
  if (!(value instanceof Map)) throw new DataError(`The ${what} is not a map.`);
  return value;
}

/**
 * §9.1.2.4 validityInfo: tdate (tag 0) "signed", "validFrom", "validUntil", as seconds since the
 * epoch. ISO requires no fractional seconds and UTC; a date with an offset is still read exactly.
 */
function seconds(validityInfo: Map<unknown, unknown>, name: string): number {
  const value = field(validityInfo, name, 'MSO validity information');
  if (!(value instanceof CborDateTime)) throw new CheckError('validity', `The MSO's "${name}" is not a date and time (tag 0).`);
  const ms = Date.parse(value.text);
  if (!Number.isFinite(ms)) throw new CheckError('validity', `The MSO's "${name}" (${value.text}) is not a date Satchel can read.`);
  return Math.floor(ms / 1000);
}

function validityWindow(value: unknown): ValidityWindow {
  const info = mapOf(value, 'MSO validity information');
  const signed = seconds(info, 'signed');
  const validFrom = seconds(info, 'validFrom');
  const validUntil = seconds(info, 'validUntil');
  // §9.1.2.4: validUntil is after validFrom, and validFrom not before signed.
  if (validUntil <= validFrom) throw new CheckError('validity', 'The MSO says it stops being valid before it starts.');
  if (validFrom < signed) throw new CheckError('validity', 'The MSO says it is valid from before it was signed.');
  return { issuedAt: signed, notBefore: validFrom, expires: validUntil };
}

function valueDigestsOf(value: unknown, digestBytes: number): Map<string, Map<number, Uint8Array>> {
  const out = new Map<string, Map<number, Uint8Array>>();
  for (const [namespace, digests] of mapOf(value, 'MSO valueDigests')) {
    if (typeof namespace !== 'string') throw new DataError('The MSO valueDigests has a namespace that is not text.');
    const ids = new Map<number, Uint8Array>();
    for (const [id, digest] of mapOf(digests, `MSO valueDigests for ${namespace}`)) {
      // §9.1.2.4: DigestID = uint.
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw new DataError(`The MSO valueDigests for ${namespace} has a digest ID that is not a whole number.`);
      if (!(digest instanceof Uint8Array) || digest.length !== digestBytes) throw new DataError(`The MSO's digest ${id} in ${namespace} is not ${digestBytes} bytes.`);
      ids.set(id, digest);
    }
    out.set(namespace, ids);
  }
  return out;
}

/** draft-ietf-oauth-status-list §6.3: status → { status_list: { idx: uint, uri: tstr } }. */
function statusOf(mso: Map<unknown, unknown>): StatusReference | undefined {
  if (!mso.has('status')) return undefined;
  const status = mso.get('status');
  if (!(status instanceof Map)) throw new DataError('The MSO\'s "status" is not a map.');
  const ref = status.get('status_list');
  if (ref === undefined) throw new DataError('The credential names a status mechanism Satchel does not support (only status_list).');
  if (!(ref instanceof Map)) throw new DataError('The MSO\'s status_list reference is not a map.');
  const idx = ref.get('idx');
  const uri = ref.get('uri');
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) throw new DataError('The credential\'s status list index (idx) is not a non-negative whole number.');
  if (typeof uri !== 'string' || uri === '') throw new DataError('The credential\'s status list address (uri) is missing.');
  return { idx, uri };
}

/**
 * Reads the MSO from issuerAuth's payload: MobileSecurityObjectBytes = #6.24(bstr .cbor
 * MobileSecurityObject) (§9.1.2.4). Throws DataError (CheckError('validity') for the dates).
 */
export function parseMso(issuerAuth: CoseSign1): MobileSecurityObject {
  if (issuerAuth.payload === null) throw new DataError('The issuer signature (issuerAuth) carries no MSO.');
  const mso = mapOf(decodeEmbedded(decodeCbor(issuerAuth.payload, 'issuer signature payload'), WHAT), WHAT);
  const version = field(mso, 'version');
  // §9.1.2.4: version "1.0"; a later minor version keeps the structure (ISO/IEC 18013-5 second edition adds only optional elements).
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) throw new DataError(`The MSO is version ${JSON.stringify(version)}; Satchel reads version 1.x.`);
  const digestAlgorithm = field(mso, 'digestAlgorithm');
  const algorithm = typeof digestAlgorithm === 'string' ? DIGEST_ALGORITHMS[digestAlgorithm] : undefined;
  if (!algorithm) throw new DataError(`The MSO uses the digest algorithm ${JSON.stringify(digestAlgorithm)}; Satchel accepts SHA-256, SHA-384 and SHA-512.`);
  const docType = field(mso, 'docType');
  if (typeof docType !== 'string' || docType === '') throw new DataError('The MSO does not name its document type (docType).');
  const deviceKeyInfo = mapOf(field(mso, 'deviceKeyInfo'), 'MSO deviceKeyInfo');
  return {
    version,
    digestAlgorithm: digestAlgorithm as string,
    digest: algorithm.hash,
    valueDigests: valueDigestsOf(field(mso, 'valueDigests'), algorithm.bytes),
    deviceKey: field(deviceKeyInfo, 'deviceKey', 'MSO deviceKeyInfo'),
    docType,
    window: validityWindow(field(mso, 'validityInfo')),
    status: () => statusOf(mso),
  };
}
