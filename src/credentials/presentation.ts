/**
 * Making a presentation: the request checked here, then presented by the credential's format
 * (formats/sd-jwt-vc/present.ts: selective disclosure and a Key Binding JWT, RFC 9901 §4 / §4.3;
 * formats/jwt-vc/present.ts: the whole credential with the same proof of possession).
 */
import { argumentError } from '../lib/errors';
import { detectFormat, type ClaimPath, type PresentationRequest } from './formats/index';

export type { ClaimPath, PresentationRequest };

function checkRequest(raw: unknown, options: unknown): asserts options is PresentationRequest {
  if (typeof raw !== 'string') throw argumentError('raw', 'a string', raw);
  if (typeof options !== 'object' || options === null) throw argumentError('options', 'an object', options);
  const o = options as Partial<PresentationRequest>;
  if (!Array.isArray(o.disclose)) throw argumentError('options.disclose', 'an array of claim paths', o.disclose);
  o.disclose.forEach((p, i) => {
    if (!Array.isArray(p) || p.length === 0 || !p.every((s) => typeof s === 'string' || s === null || (typeof s === 'number' && Number.isSafeInteger(s) && s >= 0))) {
      throw argumentError(`options.disclose[${i}]`, 'a non-empty claim path of keys, indexes and null', p);
    }
  });
  if (typeof o.audience !== 'string' || o.audience === '') throw argumentError('options.audience', 'a non-empty string', o.audience);
  if (typeof o.nonce !== 'string' || o.nonce === '') throw argumentError('options.nonce', 'a non-empty string', o.nonce);
  const key = o.holderKey as CryptoKey | undefined;
  const algorithm = key?.algorithm as EcKeyAlgorithm | undefined;
  if (typeof CryptoKey === 'undefined' || !(key instanceof CryptoKey) || key.type !== 'private' || algorithm?.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256' || !key.usages.includes('sign')) {
    throw argumentError('options.holderKey', 'a WebCrypto ECDSA P-256 private key that can sign', key);
  }
  if (o.now !== undefined && (!(o.now instanceof Date) || Number.isNaN(o.now.getTime()))) throw argumentError('options.now', 'a valid Date', o.now);
}

/**
 * Builds `<issuer-jwt>~<chosen disclosures>~<kb-jwt>`, or for a JWT VC `<vc-jwt>~<kb-jwt>` (the
 * whole credential: `disclose` only has to name claims it has): each format presents its own way
 * (formats/). Throws DataError for a damaged credential or a claim it does not have.
 */
export async function createPresentation(raw: string, options: PresentationRequest): Promise<string> {
  checkRequest(raw, options);
  return detectFormat(raw).present(raw, options);
}
