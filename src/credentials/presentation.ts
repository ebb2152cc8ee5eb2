/**
 * Making a presentation, RFC 9901 §4 / §4.3: keep the issuer-signed JWT, only the disclosures for
 * the claims the person chose and those they sit inside, then append a Key Binding JWT
 * (`typ` kb+jwt, `iat`, `aud`, `nonce`, `sd_hash` — §4.3, §4.3.1) signed with the holder's
 * WebCrypto ECDSA P-256 key (ES256, RFC 7518 §3.4: the raw r‖s WebCrypto returns).
 *
 * A JWT VC (`vc+jwt`, VC-JOSE-COSE §3.1.1: the veteran card) cannot disclose selectively, so it is
 * presented whole, with the same proof of possession: `<vc-jwt>~<kb-jwt>` — the SD-JWT+KB
 * serialisation with no disclosures (§4), the KB-JWT's sd_hash over `<vc-jwt>~` and signed with the
 * key the credential names in `cnf.jwk` (RFC 7800 §3.2). This is Satchel's own binding for a JWT
 * VC, not an OpenID4VP B.1 Verifiable Presentation (docs/sharing.md).
 */
import { base64urlEncode } from '../lib/base64url';
import { asciiBytes, utf8Encode } from '../lib/bytes';
import { argumentError, DataError } from '../lib/errors';
import { hasOwn, isJsonObject, type JsonValue } from '../lib/json-safe';
import { sdHash } from './digest';
import type { Disclosure } from './disclosure';
import { parseCompactJws } from './jws';
import { parseJwtVc } from './jwt-vc';
import { KB_JWT_TYP } from './key-binding';
import { parseSdJwt } from './sd-jwt';
import { processSdJwtPayload, type ConcretePath } from './sd-jwt-process';

/** A claim path as in DCQL: keys, array indexes, and null for "every element". */
export type ClaimPath = readonly (string | number | null)[];

export interface PresentationRequest {
  disclose: ClaimPath[];
  audience: string;
  nonce: string;
  holderKey: CryptoKey;
  now?: Date;
}

function stepMatches(want: string | number | null, have: string | number): boolean {
  return want === null ? typeof have === 'number' : want === have;
}

/** True when one path is a prefix of the other (the claim itself, something inside it, or a parent). */
function related(want: ClaimPath, have: ConcretePath): boolean {
  const n = Math.min(want.length, have.length);
  for (let i = 0; i < n; i++) if (!stepMatches(want[i]!, have[i]!)) return false;
  return true;
}

/** Whether `path` names at least one claim in the fully disclosed claims. */
function exists(value: JsonValue, path: ClaimPath): boolean {
  if (path.length === 0) return true;
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    if (step === null) return value.some((v) => exists(v, rest));
    return typeof step === 'number' && step < value.length && exists(value[step]!, rest);
  }
  if (isJsonObject(value) && typeof step === 'string' && hasOwn(value, step)) return exists(value[step]!, rest);
  return false;
}

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
 * whole credential: `disclose` only has to name claims it has). Throws DataError for a damaged
 * credential or a claim it does not have.
 */
export async function createPresentation(raw: string, options: PresentationRequest): Promise<string> {
  checkRequest(raw, options);
  if (!raw.includes('~')) {
    const vc = parseJwtVc(parseCompactJws(raw, 'The credential'));
    for (const want of options.disclose) {
      if (!exists(vc.claims, want)) throw new DataError(`The credential has no claim at ${JSON.stringify(want)}`);
    }
    return appendKeyBinding(`${raw}~`, options);
  }
  const sd = parseSdJwt(raw);
  const { claims, paths } = processSdJwtPayload(sd.jws.payload, sd.disclosures);
  for (const want of options.disclose) {
    if (!exists(claims, want)) throw new DataError(`The credential has no claim at ${JSON.stringify(want)}`);
  }
  // A disclosure is kept when it is a chosen claim, inside one, or a parent one depends on.
  const keep = (d: Disclosure): boolean => {
    const at = paths.get(d.digest);
    return at !== undefined && options.disclose.some((want) => related(want, at));
  };
  const chosen = sd.disclosures.filter(keep);
  const issuerJwt = raw.slice(0, raw.indexOf('~'));
  return appendKeyBinding(`${issuerJwt}~${chosen.map((d) => `${d.encoded}~`).join('')}`, options);
}

/** §4.3: the KB-JWT over everything before it (sd_hash, §4.3.1), appended. */
async function appendKeyBinding(withoutKb: string, options: PresentationRequest): Promise<string> {
  const now = options.now ?? new Date();
  // §4.3: KB-JWT header and payload.
  const header = base64urlEncode(utf8Encode(JSON.stringify({ alg: 'ES256', typ: KB_JWT_TYP })));
  const payload = base64urlEncode(
    utf8Encode(JSON.stringify({ iat: Math.floor(now.getTime() / 1000), aud: options.audience, nonce: options.nonce, sd_hash: sdHash(withoutKb) })),
  );
  const signingInput = `${header}.${payload}`;
  // WebCrypto ECDSA signs SHA-256(input) and returns r‖s, exactly the JWS ES256 form.
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, options.holderKey, asciiBytes(signingInput) as BufferSource);
  return `${withoutKb}${signingInput}.${base64urlEncode(new Uint8Array(signature))}`;
}
