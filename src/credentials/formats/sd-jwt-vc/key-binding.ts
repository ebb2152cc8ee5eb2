/**
 * Key Binding JWT, RFC 9901 §4.3 (`typ` kb+jwt; `iat`, `aud`, `nonce`, `sd_hash`): making one,
 * signed with the holder's WebCrypto ECDSA P-256 key (ES256, RFC 7518 §3.4: the raw r‖s WebCrypto
 * returns), and its verification, §7.3; the holder key is the credential's `cnf.jwk` (RFC 7800 §3.2).
 * The JWT VC format binds its presentations the same way (jwt-vc/present.ts).
 */
import { base64urlEncode } from '../../../lib/base64url';
import { asciiBytes, utf8Encode } from '../../../lib/bytes';
import type { VerifyItem } from '../../../lib/signature-verifier';
import { isJsonObject, type JsonObject } from '../../../lib/json-safe';
import { DataError } from '../../../lib/errors';
import { CheckError, type CheckCode } from '../../check-error';
import { jwsVerifyItem, parseCompactJws } from '../../jws';
import { publicKeyFromJwk, type PublicKey } from '../../jwk';
import { sdHash } from './digest';
import { CLOCK_SKEW_S, KB_JWT_MAX_AGE_S } from '../../limits';
import type { HolderProofExpectations, PresentationRequest } from '../format';
import { peekJwsPart } from '../../jws';
import { formatTime } from '../../validity';

export const KB_JWT_TYP = 'kb+jwt';

function fail(message: string, code: CheckCode = 'damaged'): never {
  throw new CheckError('key-binding', message, code);
}

/** RFC 7800 §3.2: the holder's key as `cnf.jwk`. */
export function holderKey(payload: JsonObject): PublicKey {
  const cnf = payload.cnf;
  if (!isJsonObject(cnf)) fail('The credential is not bound to a holder key (no cnf claim), so it cannot be presented with proof of possession', 'not-bound');
  if (cnf.jwk === undefined) fail('The credential names its holder key in a way Satchel does not support (only cnf.jwk)');
  try {
    return publicKeyFromJwk(cnf.jwk, 'The holder key (cnf.jwk)');
  } catch (e) {
    fail((e as Error).message);
  }
}

export type KeyBindingExpectations = HolderProofExpectations;

/** RFC 7800 §3.2: the holder's key as a JWK, from claims already verified; undefined when unbound. */
export function holderJwkOf(claims: Record<string, unknown>): JsonWebKey | undefined {
  return (claims.cnf as { jwk?: JsonWebKey } | undefined)?.jwk;
}

/** §7.3: parses and checks a KB-JWT; returns the signature item for the batch. */
export function checkKeyBinding(kbJwt: string, withoutKb: string, payload: JsonObject, expect: KeyBindingExpectations): VerifyItem {
  let jws;
  try {
    jws = parseCompactJws(kbJwt, 'The key-binding proof');
  } catch (e) {
    if (e instanceof DataError) fail(e.message);
    throw e;
  }
  const p = jws.payload;
  // §4.3 / §7.3 step 3: typ MUST be kb+jwt.
  if (jws.header.typ !== KB_JWT_TYP) fail(`The key-binding proof has type ${JSON.stringify(jws.header.typ)}, not ${KB_JWT_TYP}`);
  // §7.3 step 5: the nonce and audience must be the ones this verifier asked for.
  if (typeof p.aud !== 'string') fail('The key-binding proof names no audience (aud)');
  if (expect.audience !== undefined && p.aud !== expect.audience) fail('This presentation was made for a different verifier (aud does not match). Ask the holder to share it again with this verifier.', 'wrong-audience');
  if (typeof p.nonce !== 'string') fail('The key-binding proof has no nonce');
  if (expect.nonce !== undefined && p.nonce !== expect.nonce) fail('This presentation answers a different request (nonce does not match); it may be a replay. Ask the holder to share it again.', 'wrong-nonce');
  // §7.3 step 5: iat within an acceptable window.
  if (typeof p.iat !== 'number' || !Number.isFinite(p.iat)) fail('The key-binding proof has no creation time (iat)');
  if (p.iat > expect.nowS + CLOCK_SKEW_S) fail(`The key-binding proof says it was made in the future (${formatTime(p.iat)}). Check this device's date and time.`, 'from-future');
  if (expect.audience !== undefined && p.iat < expect.nowS - KB_JWT_MAX_AGE_S - CLOCK_SKEW_S) {
    fail(`The presentation was made at ${formatTime(p.iat)}, more than ${KB_JWT_MAX_AGE_S / 60} minutes ago. Ask the holder to share it again.`, 'stale');
  }
  // §4.3.1 / §7.3 step 5: sd_hash binds the proof to exactly these disclosures.
  if (p.sd_hash !== sdHash(withoutKb)) fail('The key-binding proof does not match the disclosures presented (sd_hash); the presentation was altered', 'altered');
  const key = holderKey(payload);
  try {
    return jwsVerifyItem(jws, key, 'The key-binding proof');
  } catch (e) {
    if (e instanceof DataError) fail(e.message);
    throw e;
  }
}

/** §4.3: the KB-JWT over everything before it (sd_hash, §4.3.1), appended. */
export async function appendKeyBinding(withoutKb: string, options: PresentationRequest): Promise<string> {
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

/**
 * The KB-JWT's nonce and aud, read before verifying, and its JWS signing input (RFC 7515 §5.1:
 * ASCII(header '.' payload)) — what the holder signed. The KB-JWT is what follows the last "~" (§4).
 */
export function peekKeyBinding(presentation: string): { nonce?: unknown; aud?: unknown; signingInput: string } | undefined {
  const kb = presentation.slice(presentation.lastIndexOf('~') + 1);
  const parts = kb.split('.');
  if (parts.length !== 3) return undefined;
  const p = peekJwsPart(kb, 1);
  return p && { nonce: p.nonce, aud: p.aud, signingInput: `${parts[0]!}.${parts[1]!}` };
}
