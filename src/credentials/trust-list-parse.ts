/**
 * Parsing the signed trust list: a JWS (RFC 7515 §7.1, ES256 or EdDSA) with `typ`
 * `satchel-trust-list+jwt`, signed by the operator key pinned in the app's configuration, with
 * JWT `iss`/`iat`/`exp` (RFC 7519 §4.1), the issuer and status-list-signer entries and the
 * optional verifier register (trust-list-register.ts) described in docs/credentials.md. Unsigned, expired or wrongly signed lists are refused.
 */
import type { SignatureVerifier } from '../lib/signature-verifier';
import { argumentError, DataError } from '../lib/errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../lib/json-safe';
import { jwsVerifyItem, parseCompactJws } from './jws';
import { publicKeyFromJwk, type PublicKey } from './jwk';
import { MAX_TRUST_LIST_CHARS } from './limits';
import { checkValidityWindow, formatTime, jwtValidityWindow } from './validity';
import { base64Decode, selectKey, type IacaRoot, type PublicJwk, type StatusListSigner, type TrustedIssuer, type TrustList } from './trust-list';
import { runBatch } from './batch';
import { parseVerifierRegister } from './trust-list-register';

export const TRUST_LIST_TYP = 'satchel-trust-list+jwt';

export type TrustListResult = { ok: true; trustList: TrustList } | { ok: false; message: string };

export interface ParseTrustListOptions {
  /** The operator's public keys, pinned in the app's configuration. */
  pinnedKeys: PublicJwk[];
  verifier: SignatureVerifier;
  now?: Date;
}

function bad(message: string): never {
  throw new DataError(message);
}

function str(v: JsonValue | undefined, what: string): string {
  if (typeof v !== 'string' || v === '') bad(`${what} must be a non-empty string`);
  return v;
}

function jwks(v: JsonValue | undefined, what: string): PublicKey[] {
  // RFC 7517 §5: a JWK Set is an object with a `keys` array.
  if (!isJsonObject(v) || !Array.isArray(v.keys) || v.keys.length === 0) bad(`${what} must be a JWK set with at least one key`);
  return v.keys.map((k, i) => publicKeyFromJwk(k, `${what} key ${i + 1}`));
}

function strings(v: JsonValue | undefined, what: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s !== '')) bad(`${what} must be a non-empty list of strings`);
  return v as string[];
}

function iacaRoots(v: JsonValue, issuer: string): IacaRoot[] {
  if (!Array.isArray(v) || v.length === 0) bad(`${issuer} iaca must be a non-empty list of { certificate, doctypes }`);
  return v.map((entry, i) => {
    const what = `${issuer} IACA ${i + 1}`;
    if (!isJsonObject(entry)) bad(`${what} is not an object`);
    // Base64 DER, as a JWK's x5c (RFC 7517 §4.7); the certificate itself is read when an mdoc is checked.
    const der = typeof entry.certificate === 'string' ? base64Decode(entry.certificate) : undefined;
    if (!der || der.length === 0) bad(`${what} certificate must be a DER certificate in base64`);
    return { certificate: der, doctypes: strings(entry.doctypes, `${what} doctypes`) };
  });
}

function issuerEntry(v: JsonValue, i: number): TrustedIssuer {
  const what = `Trust list issuer ${i + 1}`;
  if (!isJsonObject(v)) bad(`${what} is not an object`);
  const name = v.name;
  if (!isJsonObject(name)) bad(`${what} has no name object { en, cy }`);
  const issuer: TrustedIssuer = {
    id: str(v.id, `${what} id`),
    name: { en: str(name.en, `${what} English name`), cy: str(name.cy, `${what} Welsh name`) },
    keys: jwks(v.jwks, `${what} jwks`),
    types: strings(v.types, `${what} types`),
  };
  // Optional: the issuer's status list URIs, for checkers to fetch ahead of offline checks.
  if (v.status_lists !== undefined) issuer.statusLists = strings(v.status_lists, `${what} status_lists`);
  // Optional: the issuer's IACA roots (ISO/IEC 18013-5 Annex B) for its mdocs, each with its docTypes.
  if (v.iaca !== undefined) issuer.iaca = iacaRoots(v.iaca, what);
  return issuer;
}

function signerEntry(v: JsonValue, i: number): StatusListSigner {
  const what = `Trust list status-list signer ${i + 1}`;
  if (!isJsonObject(v)) bad(`${what} is not an object`);
  return { id: str(v.id, `${what} id`), keys: jwks(v.jwks, `${what} jwks`), issuers: strings(v.issuers, `${what} issuers`) };
}

function entries(payload: JsonObject): { issuers: TrustedIssuer[]; statusListSigners: StatusListSigner[] } {
  if (!Array.isArray(payload.issuers)) bad('The trust list has no issuers list');
  const issuers = payload.issuers.map(issuerEntry);
  const ids = new Set<string>();
  for (const issuer of issuers) {
    if (ids.has(issuer.id)) bad(`The trust list names issuer ${issuer.id} twice`);
    ids.add(issuer.id);
  }
  const rawSigners = payload.status_list_signers ?? [];
  if (!Array.isArray(rawSigners)) bad('The trust list status_list_signers is not a list');
  return { issuers, statusListSigners: rawSigners.map(signerEntry) };
}

/** Verifies and parses a trust list. Never throws for bad data; throws TypeError on misuse. */
export async function parseTrustList(jwt: string, options: ParseTrustListOptions): Promise<TrustListResult> {
  if (typeof jwt !== 'string') throw argumentError('jwt', 'a string', jwt);
  if (typeof options !== 'object' || options === null) throw argumentError('options', 'an object', options);
  if (!Array.isArray(options.pinnedKeys) || options.pinnedKeys.length === 0) throw argumentError('options.pinnedKeys', 'a non-empty array of JWKs', options.pinnedKeys);
  if (typeof options.verifier?.verifyBatch !== 'function') throw argumentError('options.verifier', 'an object with verifyBatch', options.verifier);
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw argumentError('options.now', 'a valid Date', options.now);
  const pinned = options.pinnedKeys.map((k, i) => {
    try {
      return publicKeyFromJwk(k, `options.pinnedKeys[${i}]`);
    } catch (e) {
      throw new TypeError((e as Error).message);
    }
  });
  try {
    if (jwt.length > MAX_TRUST_LIST_CHARS) bad(`The trust list is larger than ${MAX_TRUST_LIST_CHARS} characters`);
    // RFC 7515 §5.2: parse; `alg: none` (unsigned) and non-allow-listed algorithms are refused here.
    const jws = parseCompactJws(jwt, 'The trust list');
    if (jws.header.typ !== TRUST_LIST_TYP) bad(`The trust list has type ${JSON.stringify(jws.header.typ)}, not ${TRUST_LIST_TYP}`);
    const key = selectKey(pinned, jws.header, 'the trust-list operator');
    const item = jwsVerifyItem(jws, key, 'The trust list');
    // RFC 7519 §4.1.4/§4.1.6: iat and exp are required for a trust list.
    const window = jwtValidityWindow(jws.payload, true);
    if (window.expires === undefined) bad('The trust list has no expiry date (exp)');
    const [ok] = await runBatch(options.verifier, [item]);
    if (!ok) bad('The trust list signature does not match the pinned operator key');
    checkValidityWindow(window, now.getTime() / 1000, 'The trust list');
    const { issuers, statusListSigners } = entries(jws.payload);
    const trustList: TrustList = {
      signed: true,
      operator: str(jws.payload.iss, 'The trust list issuer (iss)'),
      issuedAt: formatTime(window.issuedAt!),
      expiresAt: formatTime(window.expires),
      issuers,
      statusListSigners,
      // Optional: the register of approved verifiers (trust-list-register.ts); without it no verifier is confirmed.
      ...(jws.payload.verifier_register !== undefined ? { verifierRegister: parseVerifierRegister(jws.payload.verifier_register) } : {}),
    };
    return { ok: true, trustList };
  } catch (e) {
    if (e instanceof DataError) return { ok: false, message: `${e.message.replace(/\.$/, "")}. Satchel keeps using the last good trust list.` };
    throw e;
  }
}
