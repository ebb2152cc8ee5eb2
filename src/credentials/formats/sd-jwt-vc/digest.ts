/**
 * Disclosure digests, RFC 9901 §4.2.3: base64url(hash(ASCII(disclosure))), and `sd_hash`
 * (§4.3.1). Hash algorithm names follow the IANA "Named Information Hash Algorithm" registry
 * (§4.1.1); only sha-256 is supported.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlEncode } from '../../../lib/base64url';
import { asciiBytes, utf8Encode } from '../../../lib/bytes';
import { CheckError } from '../../check-error';
import type { JsonObject } from '../../../lib/json-safe';

export const SD_ALG_DEFAULT = 'sha-256';

/** RFC 9901 §4.1.1: `_sd_alg` absent means sha-256; anything else we refuse clearly. */
export function checkSdAlg(payload: JsonObject): void {
  const alg = payload._sd_alg;
  if (alg === undefined || alg === SD_ALG_DEFAULT) return;
  throw new CheckError('disclosures', `This credential uses the digest algorithm ${JSON.stringify(alg)}, which Satchel does not support (only sha-256)`);
}

/** RFC 9901 §4.2.3: the digest is over the ASCII bytes of the base64url disclosure as sent. */
export function disclosureDigest(encoded: string): string {
  return base64urlEncode(sha256(asciiBytes(encoded)));
}

/** RFC 9901 §4.3.1: sd_hash over the SD-JWT up to and including the last `~` (UTF-8 = ASCII here). */
export function sdHash(presentedWithoutKb: string): string {
  return base64urlEncode(sha256(utf8Encode(presentedWithoutKb)));
}
