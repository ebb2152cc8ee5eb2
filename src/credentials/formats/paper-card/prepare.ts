/**
 * The issuer's side of a paper card: a CWT claims set (RFC 8392) in a COSE_Sign1 (RFC 9052 §4.2,
 * tag 18), ready for the issuer to sign ES256 with its JWKS key. Used by the reference departments
 * (src/server/reference/card-issuer.ts) and tests; the wallet never makes one.
 *
 * API:
 *   preparePaperCard(input: PaperCardInput): PreparedPaperCard
 *     input: { iss, kid, vct, claims, iat, exp?, status? } (exp defaults to iat + 5 years)
 *     → { toBeSigned: Uint8Array (the Sig_structure, RFC 9052 §4.4), finish(signature) → COSE_Sign1 bytes }
 *   The signature is ES256 as COSE has it: SHA-256 then r‖s, 64 bytes (RFC 9053 §2.1; Node:
 *   crypto.sign('sha256', toBeSigned, { key, dsaEncoding: 'ieee-p1363' })). The stored and delivered
 *   form is base64url (no padding) of the COSE_Sign1 bytes; the printed code is card-code.ts's.
 */
import { encodeCbor, Tagged, TAG_COSE_SIGN1 } from '../mso-mdoc/cbor';
import { CARD_CLAIMS, CARD_VCT, COSE_ES256, CWT_EXP, CWT_IAT, CWT_ISS, CWT_STATUS, HEADER_ALG, HEADER_KID, isCardClaimValue, type CardClaimValue } from './cwt';

/** How long a card lasts when the credential sets no end: 5 years (common decisions). */
export const DEFAULT_CARD_LIFETIME_S = 5 * 365 * 24 * 3600;

export interface PaperCardInput {
  /** The issuer id exactly as on the trust list. */
  iss: string;
  /** The `kid` of the issuer's JWKS key that signs (carried as its UTF-8 bytes, RFC 9052 §3.1 label 4). */
  kid: string;
  /** The credential type, the same string as the credential's. */
  vct: string;
  claims: Readonly<Record<string, CardClaimValue>>;
  /** Seconds since the epoch (RFC 8392 §3.1.6 NumericDate). */
  iat: number;
  exp?: number;
  /** draft-ietf-oauth-status-list §6.1: the same entry as the credential issued with it. */
  status?: { idx: number; uri: string };
}

export interface PreparedPaperCard {
  /** RFC 9052 §4.4 Sig_structure: what the ES256 signature covers. */
  toBeSigned: Uint8Array;
  /** The COSE_Sign1 bytes with `signature` (64 bytes, r‖s). */
  finish(signature: Uint8Array): Uint8Array;
}

/** Builds a card's unsigned COSE_Sign1; throws TypeError for an input no card may carry. */
export function preparePaperCard(input: PaperCardInput): PreparedPaperCard {
  for (const field of ['iss', 'kid', 'vct'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') throw new TypeError(`A paper card's ${field} must be non-empty text`);
  }
  if (!Number.isSafeInteger(input.iat)) throw new TypeError('A paper card\'s iat must be whole seconds');
  const exp = input.exp ?? input.iat + DEFAULT_CARD_LIFETIME_S;
  if (!Number.isSafeInteger(exp) || exp <= input.iat) throw new TypeError('A paper card\'s exp must be whole seconds after iat');
  const claims = new Map<string, CardClaimValue>();
  for (const [name, value] of Object.entries(input.claims)) {
    if (!isCardClaimValue(value)) throw new TypeError(`The paper card claim ${name} is not text, a number or true/false`);
    claims.set(name, value);
  }
  const payload = new Map<number | string, unknown>([
    [CWT_ISS, input.iss],
    [CWT_IAT, input.iat],
    [CWT_EXP, exp],
    [CARD_VCT, input.vct],
    [CARD_CLAIMS, claims],
  ]);
  if (input.status) payload.set(CWT_STATUS, new Map([['status_list', new Map<string, unknown>([['idx', input.status.idx], ['uri', input.status.uri]])]]));
  // RFC 9052 §3: alg and kid protected, so that neither can be changed without breaking the signature.
  const protectedBytes = encodeCbor(new Map<number, unknown>([[HEADER_ALG, COSE_ES256], [HEADER_KID, new TextEncoder().encode(input.kid)]]));
  const payloadBytes = encodeCbor(payload);
  // RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected, external_aad (empty), payload].
  const toBeSigned = encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payloadBytes]);
  return {
    toBeSigned,
    finish(signature) {
      if (!(signature instanceof Uint8Array) || signature.length !== 64) throw new TypeError('An ES256 COSE signature is 64 bytes (r‖s, RFC 9053 §2.1)');
      // RFC 9052 §4.2: COSE_Sign1 = [protected, unprotected (empty), payload, signature], tag 18.
      return encodeCbor(new Tagged(TAG_COSE_SIGN1, [protectedBytes, new Map(), payloadBytes, signature]));
    },
  };
}
