/**
 * Test helpers shared by the Node and Chromium suites: a SignatureVerifier built directly on
 * @noble/curves (never src/crypto), test signing keys, and builders for JWS, SD-JWT VCs, JWT VCs,
 * status list tokens and trust lists. Only tests use these; nothing here is trusted by the library.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { zlibSync } from 'fflate';
import type { SignatureAlgorithm, SignatureVerifier, VerifyItem } from '../../../src/lib/signature-verifier';
import { base64urlDecode, base64urlEncode } from '../../../src/lib/base64url';

const enc = new TextEncoder();

/** ES256 / ES384: SHA-256 / SHA-384 prehash, r‖s, high-S allowed (JOSE has no low-S rule). EdDSA: RFC 8032. */
export function nobleVerify(item: VerifyItem): boolean {
  try {
    if (item.alg === 'ES256') return p256.verify(item.signature, item.message, item.publicKey, { lowS: false, prehash: true, format: 'compact' });
    // An mdoc's IACA certificate signatures (ISO/IEC 18013-5 Annex B: P-384 roots).
    if (item.alg === 'ES384') return p384.verify(item.signature, item.message, item.publicKey, { lowS: false, prehash: true, format: 'compact' });
    if (item.alg === 'EdDSA') return ed25519.verify(item.signature, item.message, item.publicKey);
    return false;
  } catch {
    return false;
  }
}

export const nobleVerifier: SignatureVerifier = { verifyBatch: (items) => items.map(nobleVerify) };

/** A verifier that records every batch it is given (and can answer asynchronously). */
export function recordingVerifier(): SignatureVerifier & { batches: VerifyItem[][] } {
  const batches: VerifyItem[][] = [];
  return {
    batches,
    verifyBatch: async (items) => {
      batches.push([...items]);
      return items.map(nobleVerify);
    },
  };
}

export const b64uJson = (value: unknown): string => base64urlEncode(enc.encode(JSON.stringify(value)));
export const b64uText = (text: string): string => base64urlEncode(enc.encode(text));
export const fromB64u = (text: string): Uint8Array => {
  const b = base64urlDecode(text);
  if (!b) throw new Error(`bad base64url in test data: ${text}`);
  return b;
};
export const decodeJson = (text: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(fromB64u(text))) as Record<string, unknown>;

export interface TestKey {
  alg: SignatureAlgorithm;
  /** Public JWK (with kid when given). */
  jwk: JsonWebKey & { kid?: string };
  sign(message: Uint8Array): Uint8Array;
}

export function es256Key(kid?: string, secret: Uint8Array = p256.utils.randomSecretKey()): TestKey {
  const pub = p256.getPublicKey(secret, false);
  const jwk: JsonWebKey & { kid?: string } = { kty: 'EC', crv: 'P-256', x: base64urlEncode(pub.slice(1, 33)), y: base64urlEncode(pub.slice(33, 65)) };
  if (kid !== undefined) jwk.kid = kid;
  return { alg: 'ES256', jwk, sign: (m) => p256.sign(m, secret, { lowS: false }) };
}

/** An ES256 key from a private JWK in the vectors (its `d`). */
export function es256KeyFromJwk(jwk: { d: string; kid?: string }): TestKey {
  return es256Key(jwk.kid, fromB64u(jwk.d));
}

export function ed25519Key(kid?: string, secret: Uint8Array = ed25519.utils.randomSecretKey()): TestKey {
  const jwk: JsonWebKey & { kid?: string } = { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(ed25519.getPublicKey(secret)) };
  if (kid !== undefined) jwk.kid = kid;
  return { alg: 'EdDSA', jwk, sign: (m) => ed25519.sign(m, secret) };
}

/** Signs `header.payload` given as base64url segments. */
export function signSegments(h: string, p: string, key: TestKey): string {
  return `${h}.${p}.${base64urlEncode(key.sign(enc.encode(`${h}.${p}`)))}`;
}

export function signJwt(header: Record<string, unknown>, payload: unknown, key: TestKey): string {
  return signSegments(b64uJson({ alg: key.alg, ...header }), b64uJson(payload), key);
}

export function disclosureFor(...parts: unknown[]): { encoded: string; digest: string } {
  const encoded = b64uJson(parts);
  return { encoded, digest: base64urlEncode(sha256(enc.encode(encoded))) };
}

export function digestOf(encoded: string): string {
  return base64urlEncode(sha256(enc.encode(encoded)));
}

export const ISSUER_ID = 'https://dvla.example.gov.uk';
export const LICENCE_VCT = 'https://credentials.example.gov.uk/driving-licence';
export const STATUS_URI = 'https://dvla.example.gov.uk/status/1';
export const NOW = new Date('2026-06-01T12:00:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);

export interface IssueOptions {
  key: TestKey;
  /** Claims always visible (iss, vct, dates, cnf, status are added by default). */
  plain?: Record<string, unknown>;
  /** Top-level claims made selectively disclosable. */
  sd?: Record<string, unknown>;
  header?: Record<string, unknown>;
  decoys?: number;
  holderJwk?: JsonWebKey;
  status?: { idx: number; uri: string };
}

/** Issues an SD-JWT VC with every disclosure attached (the form a wallet stores). */
export function issueSdJwtVc(o: IssueOptions): { raw: string; disclosures: Record<string, string> } {
  const disclosures: Record<string, string> = {};
  const digests: string[] = [];
  let n = 0;
  for (const [name, value] of Object.entries(o.sd ?? {})) {
    const d = disclosureFor(`salt-${n++}-${name}`, name, value);
    disclosures[name] = d.encoded;
    digests.push(d.digest);
  }
  for (let i = 0; i < (o.decoys ?? 0); i++) digests.push(digestOf(`decoy-${i}`));
  digests.sort();
  const payload: Record<string, unknown> = {
    iss: ISSUER_ID,
    vct: LICENCE_VCT,
    iat: NOW_S - 86_400,
    exp: NOW_S + 365 * 86_400,
    ...(o.holderJwk ? { cnf: { jwk: o.holderJwk } } : {}),
    ...(o.status ? { status: { status_list: o.status } } : {}),
    ...o.plain,
    _sd: digests,
    _sd_alg: 'sha-256',
  };
  const jws = signJwt({ typ: 'dc+sd-jwt', ...(o.key.jwk.kid ? { kid: o.key.jwk.kid } : {}), ...o.header }, payload, o.key);
  return { raw: `${jws}~${Object.values(disclosures).map((d) => `${d}~`).join('')}`, disclosures };
}

/** Packs statuses LSB-first (draft-ietf-oauth-status-list §4.1), ZLIB-compresses, base64url-encodes. */
export function encodeStatusList(bits: 1 | 2 | 4 | 8, statuses: number[]): string {
  const perByte = 8 / bits;
  const bytes = new Uint8Array(Math.ceil(statuses.length / perByte));
  statuses.forEach((s, i) => {
    bytes[Math.floor(i / perByte)]! |= s << ((i % perByte) * bits);
  });
  return base64urlEncode(zlibSync(bytes));
}

export function statusListToken(o: {
  key: TestKey;
  uri?: string;
  bits?: 1 | 2 | 4 | 8;
  statuses: number[];
  iat?: number;
  exp?: number;
  ttl?: number;
  typ?: string;
}): string {
  const payload: Record<string, unknown> = {
    sub: o.uri ?? STATUS_URI,
    iat: o.iat ?? NOW_S - 3600,
    status_list: { bits: o.bits ?? 1, lst: encodeStatusList(o.bits ?? 1, o.statuses) },
  };
  if (o.exp !== undefined) payload.exp = o.exp;
  if (o.ttl !== undefined) payload.ttl = o.ttl;
  return signJwt({ typ: o.typ ?? 'statuslist+jwt', ...(o.key.jwk.kid ? { kid: o.key.jwk.kid } : {}) }, payload, o.key);
}

/** A WebCrypto holder key pair and its public JWK (for `cnf`). */
export async function holderKeyPair(): Promise<{ privateKey: CryptoKey; jwk: JsonWebKey }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const full = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, jwk: { kty: full.kty!, crv: full.crv!, x: full.x!, y: full.y! } };
}

/** Replaces one `.`-segment (0 header, 1 payload, 2 signature) of the issuer JWT in an SD-JWT. */
export function replaceSegment(raw: string, index: 0 | 1 | 2, segment: string): string {
  const tilde = raw.indexOf('~');
  const jws = tilde < 0 ? raw : raw.slice(0, tilde);
  const parts = jws.split('.');
  parts[index] = segment;
  return parts.join('.') + (tilde < 0 ? '' : raw.slice(tilde));
}
