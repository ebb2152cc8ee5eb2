/**
 * JWS Compact Serialization, RFC 7515 §7.1, restricted to ES256 (RFC 7518 §3.4) and EdDSA
 * (RFC 8037 §3.1). Parses and checks the header; the signature itself is checked later, in one
 * batch, by a SignatureVerifier.
 */
import type { SignatureAlgorithm, VerifyItem } from '../lib/signature-verifier';
import { base64urlDecode } from '../lib/base64url';
import { asciiBytes, utf8Decode } from '../lib/bytes';
import { DataError } from '../lib/errors';
import { parseJsonObject, type JsonObject } from '../lib/json-safe';
import type { PublicKey } from './jwk';

/** ES256 signatures are r‖s (RFC 7518 §3.4); Ed25519 signatures are R‖S (RFC 8032 §5.1.6). */
export const JWS_SIGNATURE_BYTES = 64;
export const ALLOWED_ALGS: readonly SignatureAlgorithm[] = ['ES256', 'EdDSA'];

export interface ParsedJws {
  header: JsonObject;
  payload: JsonObject;
  alg: SignatureAlgorithm;
  /** ASCII of `BASE64URL(header) '.' BASE64URL(payload)` (RFC 7515 §5.2 step 8). */
  signingInput: string;
  signature: Uint8Array;
}

/** Decodes one base64url JSON-object segment (RFC 7515 §5.2 steps 2–4, 7). */
export function decodeJsonSegment(segment: string, what: string): JsonObject {
  const bytes = base64urlDecode(segment);
  if (!bytes) throw new DataError(`${what} is not valid base64url (it may be cut short or padded)`);
  const text = utf8Decode(bytes);
  if (text === undefined) throw new DataError(`${what} is not valid UTF-8 text`);
  return parseJsonObject(text, what);
}

export interface ParsedJwsBytes extends Omit<ParsedJws, 'payload'> {
  payloadBytes: Uint8Array;
}

/** RFC 7515 §5.2 steps 1–7 for any payload (not necessarily JSON). */
export function parseJwsParts(token: string, what: string): ParsedJwsBytes {
  // RFC 7515 §7.1: exactly three base64url parts separated by '.'.
  const parts = token.split('.');
  if (parts.length !== 3) throw new DataError(`${what} is not a signed JWT (expected three parts separated by dots)`);
  const [h, p, s] = parts as [string, string, string];
  if (h === '' || s === '') throw new DataError(`${what} has an empty part`);
  const header = decodeJsonSegment(h, `${what} header`);
  const alg = checkAlgorithm(header, what);
  // RFC 7515 §4.1.11: a `crit` extension we do not understand makes the JWS invalid; we understand none.
  if ('crit' in header) throw new DataError(`${what} requires header extensions Satchel does not understand (crit)`);
  const payloadBytes = base64urlDecode(p);
  if (!payloadBytes) throw new DataError(`${what} payload is not valid base64url (it may be cut short or padded)`);
  const signature = base64urlDecode(s);
  if (!signature) throw new DataError(`${what} signature is not valid base64url`);
  // RFC 7518 §3.4 / RFC 8037 §3.1: 64-byte signatures (a DER-encoded ECDSA signature is refused here).
  if (signature.length !== JWS_SIGNATURE_BYTES) {
    throw new DataError(`${what} signature has ${signature.length} bytes; ${alg} signatures have ${JWS_SIGNATURE_BYTES}`);
  }
  return { header, payloadBytes, alg, signingInput: `${h}.${p}`, signature };
}

/** A compact JWS whose payload is a JSON object (a JWT, RFC 7519 §7.2). */
export function parseCompactJws(token: string, what: string): ParsedJws {
  const { payloadBytes, ...rest } = parseJwsParts(token, what);
  if (payloadBytes.length === 0) throw new DataError(`${what} has an empty part`);
  const text = utf8Decode(payloadBytes);
  if (text === undefined) throw new DataError(`${what} payload is not valid UTF-8 text`);
  return { ...rest, payload: parseJsonObject(text, `${what} payload`) };
}

/** RFC 7515 §4.1.1 + RFC 8725 §3.1: the algorithm must be on the allow-list; `none` and HMAC never are. */
function checkAlgorithm(header: JsonObject, what: string): SignatureAlgorithm {
  const alg = header.alg;
  if (typeof alg !== 'string') throw new DataError(`${what} header names no signing algorithm (alg)`);
  if (alg === 'none') throw new DataError(`${what} is unsigned (alg "none") and cannot be trusted`);
  if (/^HS\d+$/.test(alg)) throw new DataError(`${what} uses a shared-secret MAC (${alg}), which is not accepted`);
  if (alg !== 'ES256' && alg !== 'EdDSA') throw new DataError(`${what} uses algorithm ${alg}; only ES256 and EdDSA are accepted`);
  return alg;
}

/** The batch item for this JWS; the key must be for the header's algorithm (RFC 8725 §3.1). */
export function jwsVerifyItem(jws: Pick<ParsedJws, 'alg' | 'signingInput' | 'signature'>, key: PublicKey, what: string): VerifyItem {
  if (key.alg !== jws.alg) throw new DataError(`${what} is signed with ${jws.alg} but the key is a ${key.alg} key`);
  return { alg: jws.alg, publicKey: key.publicKey, message: asciiBytes(jws.signingInput), signature: jws.signature };
}

/**
 * One part of a compact JWS (0 the header, 1 the payload) read WITHOUT checking anything: only to
 * decide what to do before verifying (which format, which status list to fetch first, whether a
 * presentation is a replay). Undefined when the part is not a base64url JSON object.
 */
export function peekJwsPart(token: string, part: 0 | 1): Record<string, unknown> | undefined {
  const dot = token.indexOf('.');
  const segment = part === 0 ? token.slice(0, dot < 0 ? token.length : dot) : dot < 0 ? '' : token.slice(dot + 1, (token.indexOf('.', dot + 1) + 1 || token.length + 1) - 1);
  const bytes = base64urlDecode(segment);
  const text = bytes && utf8Decode(bytes);
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
