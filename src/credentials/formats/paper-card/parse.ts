/**
 * Reading a paper card (base64url of a COSE_Sign1, RFC 9052 §4.2, holding a CWT, RFC 8392) into
 * what the verify pipeline checks. Nothing here is trusted: every part is checked for its shape,
 * and the signature is returned as a batch item for the worker.
 *
 * API:
 *   parsePaperCard(raw: string): ParsedCredential   — throws DataError naming what is wrong
 *   readPaperCard(raw: string): ReadCredential
 *   looksLikePaperCard(raw: string): boolean        — detect: tag 18 COSE_Sign1 whose payload has "vct" and "claims"
 *   paperCardParts(raw: string): PaperCardParts
 * What verifyCredential reports for a card: format 'paper-card', type = vct, claims = the "claims"
 * map (flat: name → text / number / boolean), issuer = iss; no key-binding check (a card has no
 * holder proof); status from claim 65535.
 */
import { base64urlDecode } from '../../../lib/base64url';
import { DataError } from '../../../lib/errors';
import { isJsonObject, setOwn, type JsonObject } from '../../../lib/json-safe';
import { statusReference, type StatusReference } from '../../status-token';
import type { ValidityWindow } from '../../validity';
import type { ParsedCredential, ReadCredential } from '../format';
import { decodeCbor, Tagged, TAG_COSE_SIGN1 } from '../mso-mdoc/cbor';
import { coseSign1VerifyItem, parseCoseSign1, type CoseSign1 } from '../mso-mdoc/cose';
import { CARD_CLAIMS, CARD_VCT, CWT_EXP, CWT_IAT, CWT_ISS, CWT_NBF, CWT_STATUS, HEADER_KID, isCardClaimValue, PAPER_CARD_FORMAT } from './cwt';

const WHAT = 'paper card';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface PaperCardParts {
  sign1: CoseSign1;
  kid: string;
  iss: string;
  vct: string;
  claims: Record<string, string | number | boolean>;
  window: ValidityWindow;
  /** The CWT's claim 65535 as JSON, for statusReference; undefined when absent. */
  status: unknown;
}

function coseBytes(raw: string): Uint8Array {
  if (typeof raw !== 'string' || raw === '') throw new DataError('The paper card is empty.');
  const bytes = base64urlDecode(raw.trim());
  if (!bytes) throw new DataError('The paper card is not base64url text (the stored form of a card\'s COSE_Sign1).');
  return bytes;
}

/** RFC 8392 §2 NumericDate: a number of seconds. */
function numericDate(cwt: Map<unknown, unknown>, key: number, name: string, required: boolean): number | undefined {
  const value = cwt.get(key);
  if (value === undefined) {
    if (required) throw new DataError(`The paper card has no ${name} date (CWT claim ${key}).`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DataError(`The paper card's ${name} (CWT claim ${key}) is not a date in seconds.`);
  return value;
}

function text(cwt: Map<unknown, unknown>, key: number | string, name: string): string {
  const value = cwt.get(key);
  if (value === undefined) throw new DataError(`The paper card does not say its ${name} (CWT claim ${JSON.stringify(key)}).`);
  if (typeof value !== 'string' || value === '') throw new DataError(`The paper card's ${name} (CWT claim ${JSON.stringify(key)}) is not text.`);
  return value;
}

function cardClaims(value: unknown): Record<string, string | number | boolean> {
  if (value === undefined) throw new DataError('The paper card has no "claims".');
  if (!(value instanceof Map)) throw new DataError('The paper card\'s "claims" is not a map of names to values.');
  const claims: Record<string, string | number | boolean> = {};
  for (const [name, claim] of value) {
    if (typeof name !== 'string' || name === '') throw new DataError('The paper card\'s "claims" has a name that is not text.');
    // Common decisions (issue 17): text, numbers and booleans only, so every value is shown as text as signed.
    if (!isCardClaimValue(claim)) throw new DataError(`The paper card's claim ${JSON.stringify(name)} is not text, a number or true/false.`);
    setOwn(claims, name, claim);
  }
  return claims;
}

/** CBOR maps (text keys) as JSON objects, for the status reference (draft-ietf-oauth-status-list §6.1's JSON shape). */
function asJson(value: unknown): unknown {
  if (value instanceof Map) {
    const out: JsonObject = {};
    for (const [k, v] of value) {
      if (typeof k !== 'string') throw new DataError('The paper card\'s status (CWT claim 65535) has a name that is not text.');
      setOwn(out, k, asJson(v));
    }
    return out;
  }
  return value;
}

/** Every part of a card, checked for shape (not signature, issuer or dates). Throws DataError naming what is wrong. */
export function paperCardParts(raw: string): PaperCardParts {
  const decoded = decodeCbor(coseBytes(raw), WHAT);
  // Common decisions: a card is a tagged COSE_Sign1 (RFC 9052 §4.2, tag 18).
  if (!(decoded instanceof Tagged) || decoded.tag !== TAG_COSE_SIGN1) throw new DataError('The paper card is not a COSE_Sign1 (CBOR tag 18).');
  const sign1 = parseCoseSign1(decoded, WHAT);
  if (sign1.alg !== 'ES256') throw new DataError(`The paper card is signed with ${sign1.alg}; a card is signed ES256 (COSE algorithm -7).`);
  if (sign1.x5chain) throw new DataError('The paper card carries a certificate chain; a card names its issuer\'s key by kid.');
  // RFC 9052 §3.1 label 4: kid is a byte string; protected, so that it cannot be swapped without breaking the signature.
  if (sign1.unprotectedHeader.has(HEADER_KID)) throw new DataError('The paper card names its key (kid) in the unprotected header; it must be protected.');
  const kidBytes = sign1.protectedHeader.get(HEADER_KID);
  if (kidBytes === undefined) throw new DataError('The paper card does not say which of its issuer\'s keys signed it (no kid).');
  if (!(kidBytes instanceof Uint8Array)) throw new DataError('The paper card\'s key identifier (kid) is not a byte string.');
  let kid: string;
  try {
    kid = utf8.decode(kidBytes);
  } catch {
    throw new DataError('The paper card\'s key identifier (kid) is not UTF-8 text.');
  }
  if (sign1.payload === null) throw new DataError('The paper card has no payload (its claims are missing).');
  const cwt = decodeCbor(sign1.payload, 'paper card\'s claims (CWT)');
  if (!(cwt instanceof Map)) throw new DataError('The paper card\'s claims (CWT) are not a map.');
  const iss = text(cwt, CWT_ISS, 'issuer (iss)');
  const vct = text(cwt, CARD_VCT, 'credential type (vct)');
  const claims = cardClaims(cwt.get(CARD_CLAIMS));
  const window: ValidityWindow = { issuedAt: numericDate(cwt, CWT_IAT, 'issue (iat)', true)! };
  const expires = numericDate(cwt, CWT_EXP, 'expiry (exp)', true);
  if (expires !== undefined) window.expires = expires;
  const notBefore = numericDate(cwt, CWT_NBF, 'start (nbf)', false);
  if (notBefore !== undefined) window.notBefore = notBefore;
  return { sign1, kid, iss, vct, claims, window, status: cwt.has(CWT_STATUS) ? asJson(cwt.get(CWT_STATUS)) : undefined };
}

function statusOf(parts: PaperCardParts): StatusReference | undefined {
  if (parts.status === undefined) return undefined;
  if (!isJsonObject(parts.status)) throw new DataError('The paper card\'s status (CWT claim 65535) is not a map.');
  return statusReference({ status: parts.status });
}

export function parsePaperCard(raw: string): ParsedCredential {
  const parts = paperCardParts(raw);
  return {
    format: PAPER_CARD_FORMAT,
    claims: parts.claims,
    issuerId: parts.iss,
    type: parts.vct,
    types: [parts.vct],
    window: parts.window,
    issuerSignature: {
      // The trust list's selectKey picks the issuer's JWKS key by this kid (RFC 7517 §4.5).
      header: { alg: parts.sign1.alg, kid: parts.kid },
      // RFC 9052 §4.4: the signature over the Sig_structure, in the worker's batch.
      item: (key) => coseSign1VerifyItem(parts.sign1, key, WHAT),
    },
    // No holderProof: a paper card is not bound to a device (common decisions, issue 17).
    statusReference: () => statusOf(parts),
  };
}

export function readPaperCard(raw: string): ReadCredential {
  const parts = paperCardParts(raw);
  return { type: parts.vct, types: [parts.vct], claims: parts.claims };
}

/**
 * base64url of 0xD2 (tag 18) 0x84 (an array of four) begins "0o"; the third character also holds
 * the next byte's top two bits (a protected-header bstr, 0x40–0x5B, makes it "R"), so only two are fixed.
 */
const COSE_SIGN1_PREFIX = '0o';

/** Whether `raw` is a tagged COSE_Sign1 whose payload has "vct" and "claims", read without checking anything else. */
export function looksLikePaperCard(raw: string): boolean {
  if (typeof raw !== 'string' || !raw.startsWith(COSE_SIGN1_PREFIX)) return false;
  try {
    const decoded = decodeCbor(coseBytes(raw), WHAT);
    if (!(decoded instanceof Tagged) || !Array.isArray(decoded.value)) return false;
    const payload = (decoded.value as unknown[])[2];
    if (!(payload instanceof Uint8Array)) return false;
    const cwt = decodeCbor(payload, WHAT);
    return cwt instanceof Map && cwt.has(CARD_VCT) && cwt.has(CARD_CLAIMS);
  } catch {
    return false;
  }
}
