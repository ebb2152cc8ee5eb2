/**
 * The trust list Satchel checks issuers against (format: docs/credentials.md, parsing:
 * trust-list-parse.ts). Each issuer has an identifier (`iss`), a name in English and Welsh, its
 * public keys, and the credential types it may issue; separate status-list signers may vouch for
 * the status of named issuers' credentials.
 */
import { base64urlDecode } from '../lib/base64url';
import { argumentError } from '../lib/errors';
import type { JsonObject } from '../lib/json-safe';
import { CheckError } from './check-error';
import { publicKeyFromJwk, type PublicKey } from './jwk';

export interface IssuerName {
  en: string;
  cy?: string;
}

export interface TrustedIssuer {
  id: string;
  name: IssuerName;
  keys: readonly PublicKey[];
  /** Credential types (SD-JWT VC `vct`, JWT VC `type`) this issuer may issue; undefined: any (unsigned test lists only). */
  types?: readonly string[];
  /**
   * Token Status List URIs (draft-ietf-oauth-status-list §5.1 `uri`) the issuer publishes, when the
   * trust list names them: a checker fetches them while online so it can check offline.
   */
  statusLists?: readonly string[];
  /**
   * The issuer's IACA root certificates (ISO/IEC 18013-5 Annex B), each with the mdoc docTypes it
   * may vouch for: an mdoc is from the issuer whose IACA its Document Signer certificate chains to
   * (x509/chain.ts). Kept as the DER bytes; read only when an mdoc is checked.
   */
  iaca?: readonly IacaRoot[];
}

/** One IACA root on the trust list: its DER certificate and the docTypes it may vouch for. */
export interface IacaRoot {
  certificate: Uint8Array;
  doctypes: readonly string[];
}

export interface StatusListSigner {
  id: string;
  keys: readonly PublicKey[];
  /** Issuers whose credentials' status this signer may vouch for. */
  issuers: readonly string[];
}

/**
 * The register of approved verifiers (issue 14; docs/sharing.md, "Who is asking"): the register's
 * CA certificates, to which a signed request's x5c must chain (RFC 5280 §6; OpenID4VP 1.0 §5.9.3
 * x509_san_dns / x509_hash), and one entry per registered organisation.
 */
export interface VerifierRegister {
  /** The register's CA certificates, DER. */
  anchors: readonly Uint8Array[];
  verifiers: readonly RegisteredVerifier[];
}

/** One approved verifier: who it is and what it is registered to ask for. */
export interface RegisteredVerifier {
  /**
   * The registration identifier. The verifier's leaf certificate carries it as the subject's
   * organizationIdentifier (OID 2.5.4.97, ETSI EN 319 412-1 §5.1.4), which is how a certificate
   * is matched to its entry (two verifiers may share a host name).
   */
  id: string;
  /** The registered organisation name, shown on the consent screen instead of what the request says. */
  name: IssuerName;
  /** What it is registered for, in words ("Registered to check the right to work"). */
  registration: IssuerName;
  /** What it may ask for: any claim of these paths from a credential of these types. */
  permitted: readonly PermittedRequest[];
}

export interface PermittedRequest {
  /** Credential types (SD-JWT VC vct, JWT VC type, mdoc docType). */
  types: readonly string[];
  /** DCQL claim paths (OpenID4VP 1.0 §7) it may ask for from them. */
  claims: readonly (readonly (string | number | null)[])[];
}

export interface TrustList {
  /** True only for a list that came through parseTrustList with a valid pinned signature. */
  readonly signed: boolean;
  readonly operator?: string;
  /** ISO 8601; when the operator issued the list (show its age offline). */
  readonly issuedAt?: string;
  readonly expiresAt?: string;
  readonly issuers: readonly TrustedIssuer[];
  readonly statusListSigners: readonly StatusListSigner[];
  /** The register of approved verifiers; absent: no verifier can be confirmed (every request is unregistered). */
  readonly verifierRegister?: VerifierRegister;
}

/** A public JWK as trust lists carry it (the DOM's JsonWebKey type lacks `kid`). */
export type PublicJwk = JsonWebKey & { kid?: string };

export interface IssuerInput {
  id: string;
  name: string | IssuerName;
  keys: PublicJwk[];
  types?: string[];
  /** IACA roots: the certificate as base64 DER (as in a JWK's x5c, RFC 7517 §4.7) or as bytes. */
  iaca?: { certificate: string | Uint8Array; doctypes: string[] }[];
}

export interface StatusListSignerInput {
  id: string;
  keys: PublicJwk[];
  issuers: string[];
}

/** The verifier register for an unsigned test list: anchors as base64 DER or bytes, entries as the parsed form. */
export interface VerifierRegisterInput {
  anchors: (string | Uint8Array)[];
  verifiers: RegisteredVerifier[];
}

function keysFrom(keys: unknown, parameter: string): PublicKey[] {
  if (!Array.isArray(keys)) throw argumentError(parameter, 'an array of JWKs', keys);
  return keys.map((k, i) => {
    try {
      return publicKeyFromJwk(k, `${parameter}[${i}]`);
    } catch (e) {
      throw new TypeError((e as Error).message);
    }
  });
}

/** Standard base64 (RFC 4648 §4, padded, as x5c carries certificates) to bytes; undefined when it is not. */
export function base64Decode(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return base64urlDecode(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}

function iacaFrom(value: unknown, parameter: string): IacaRoot[] {
  if (!Array.isArray(value)) throw argumentError(parameter, 'an array of { certificate, doctypes }', value);
  return value.map((entry: unknown, i) => {
    const p = `${parameter}[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw argumentError(p, 'an object', entry);
    const { certificate, doctypes } = entry as { certificate?: unknown; doctypes?: unknown };
    const der = certificate instanceof Uint8Array ? certificate.slice() : typeof certificate === 'string' ? base64Decode(certificate) : undefined;
    if (!der || der.length === 0) throw argumentError(`${p}.certificate`, 'a DER certificate as base64 or bytes', certificate);
    return { certificate: der, doctypes: stringArray(doctypes, `${p}.doctypes`) };
  });
}

function stringArray(value: unknown, parameter: string): string[] {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) throw argumentError(parameter, 'an array of strings', value);
  return [...value] as string[];
}

function nameFrom(value: unknown, parameter: string): IssuerName {
  if (typeof value !== 'object' || value === null || typeof (value as IssuerName).en !== 'string') throw argumentError(parameter, '{ en, cy? }', value);
  const { en, cy } = value as IssuerName;
  if (cy !== undefined && typeof cy !== 'string') throw argumentError(`${parameter}.cy`, 'a string', cy);
  return cy === undefined ? { en } : { en, cy };
}

function verifierRegisterFrom(value: VerifierRegisterInput, parameter: string): VerifierRegister {
  if (typeof value !== 'object' || value === null || !Array.isArray(value.anchors) || !Array.isArray(value.verifiers)) throw argumentError(parameter, '{ anchors, verifiers }', value);
  const anchors = value.anchors.map((a, i) => {
    const der = a instanceof Uint8Array ? a.slice() : typeof a === 'string' ? base64Decode(a) : undefined;
    if (!der || der.length === 0) throw argumentError(`${parameter}.anchors[${i}]`, 'a DER certificate as base64 or bytes', a);
    return der;
  });
  const ids = new Set<string>();
  const verifiers = value.verifiers.map((v, i): RegisteredVerifier => {
    const p = `${parameter}.verifiers[${i}]`;
    if (typeof v !== 'object' || v === null) throw argumentError(p, 'an object', v);
    if (typeof v.id !== 'string' || v.id === '') throw argumentError(`${p}.id`, 'a non-empty string', v.id);
    if (ids.has(v.id)) throw new TypeError(`${parameter} names ${v.id} twice`);
    ids.add(v.id);
    if (!Array.isArray(v.permitted)) throw argumentError(`${p}.permitted`, 'an array of { types, claims }', v.permitted);
    const permitted = v.permitted.map((entry, j): PermittedRequest => {
      const q = `${p}.permitted[${j}]`;
      const claims: unknown = entry?.claims;
      if (!Array.isArray(claims) || !claims.every(isClaimsPath)) throw argumentError(`${q}.claims`, 'an array of claims paths (strings, array indices, null)', claims);
      return { types: stringArray(entry.types, `${q}.types`), claims: claims.map((path: (string | number | null)[]) => [...path]) };
    });
    return { id: v.id, name: nameFrom(v.name, `${p}.name`), registration: nameFrom(v.registration, `${p}.registration`), permitted };
  });
  return { anchors, verifiers };
}

/** A DCQL claims path (OpenID4VP 1.0 §7): strings, non-negative array indices, null for "every element". */
export function isClaimsPath(v: unknown): v is (string | number | null)[] {
  return Array.isArray(v) && v.length > 0 && v.every((step) => typeof step === 'string' || step === null || (typeof step === 'number' && Number.isSafeInteger(step) && step >= 0));
}

/** An unsigned trust list for tests and the reference issuers; each issuer's keys may also sign its status lists. */
export function trustListFromIssuers(issuers: IssuerInput[], options: { statusListSigners?: StatusListSignerInput[]; verifierRegister?: VerifierRegisterInput } = {}): TrustList {
  if (!Array.isArray(issuers)) throw argumentError('issuers', 'an array', issuers);
  const list = issuers.map((issuer, i): TrustedIssuer => {
    const p = `issuers[${i}]`;
    if (typeof issuer !== 'object' || issuer === null) throw argumentError(p, 'an object', issuer);
    if (typeof issuer.id !== 'string' || issuer.id === '') throw argumentError(`${p}.id`, 'a non-empty string', issuer.id);
    let name: IssuerName;
    if (typeof issuer.name === 'string') name = { en: issuer.name };
    else if (typeof issuer.name === 'object' && issuer.name !== null && typeof issuer.name.en === 'string') name = { ...issuer.name };
    else throw argumentError(`${p}.name`, 'a string or { en, cy }', issuer.name);
    const out: TrustedIssuer = { id: issuer.id, name, keys: keysFrom(issuer.keys, `${p}.keys`) };
    if (issuer.types !== undefined) out.types = stringArray(issuer.types, `${p}.types`);
    if (issuer.iaca !== undefined) out.iaca = iacaFrom(issuer.iaca, `${p}.iaca`);
    return out;
  });
  const signers = (options.statusListSigners ?? []).map((s, i): StatusListSigner => {
    const p = `options.statusListSigners[${i}]`;
    if (typeof s?.id !== 'string') throw argumentError(`${p}.id`, 'a string', s?.id);
    return { id: s.id, keys: keysFrom(s.keys, `${p}.keys`), issuers: stringArray(s.issuers, `${p}.issuers`) };
  });
  if (options.verifierRegister === undefined) return { signed: false, issuers: list, statusListSigners: signers };
  return { signed: false, issuers: list, statusListSigners: signers, verifierRegister: verifierRegisterFrom(options.verifierRegister, 'options.verifierRegister') };
}

export function isTrustList(value: unknown): value is TrustList {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<TrustList>;
  return Array.isArray(t.issuers) && Array.isArray(t.statusListSigners) && typeof t.signed === 'boolean';
}

export function findIssuer(trustList: TrustList, iss: string): TrustedIssuer {
  const issuer = trustList.issuers.find((i) => i.id === iss);
  if (!issuer) throw new CheckError('issuer-trusted', `The issuer ${JSON.stringify(iss)} is not on Satchel's trust list, so this credential cannot be trusted`, 'unknown-issuer');
  return issuer;
}

/** Picks the signing key by `kid` (RFC 7515 §4.1.4), or the only key when there is no `kid`. */
export function selectKey(keys: readonly PublicKey[], header: JsonObject, owner: string): PublicKey {
  const kid = header.kid;
  if (kid !== undefined) {
    if (typeof kid !== 'string') throw new CheckError('issuer-trusted', `The key identifier (kid) is not a string`, 'unknown-key');
    const matches = keys.filter((k) => k.kid === kid);
    // RFC 7517 §4.5: kid picks one key; two keys with the same kid are ambiguous.
    if (matches.length > 1) throw new CheckError('issuer-trusted', `${owner} has several keys with the identifier ${JSON.stringify(kid)}, so the signing key is ambiguous`, 'unknown-key');
    const key = matches[0];
    if (!key) throw new CheckError('issuer-trusted', `It was signed with key ${JSON.stringify(kid)}, which is not one of ${owner}'s keys on the trust list`, 'unknown-key');
    return key;
  }
  if (keys.length === 1) return keys[0]!;
  throw new CheckError('issuer-trusted', `It does not say which of ${owner}'s ${keys.length} keys signed it (no kid)`, 'unknown-key');
}

/** The credential type must be one the issuer may issue: a licence key must not vouch for immigration status. */
export function checkTypeAllowed(issuer: TrustedIssuer, types: readonly string[]): void {
  if (issuer.types === undefined) return;
  const allowed = issuer.types;
  for (const t of types) {
    if (!allowed.includes(t)) {
      throw new CheckError('issuer-trusted', `${issuer.name.en} is not allowed to issue credentials of type ${JSON.stringify(t)}`, 'type-not-allowed');
    }
  }
}

/** Keys allowed to sign the status list of `issuerId`'s credentials: its own, and listed status-list signers. */
export function statusListKeys(trustList: TrustList, issuerId: string): PublicKey[] {
  const own = trustList.issuers.find((i) => i.id === issuerId)?.keys ?? [];
  const delegated = trustList.statusListSigners.filter((s) => s.issuers.includes(issuerId)).flatMap((s) => s.keys);
  return [...own, ...delegated];
}

/** Seconds since the list was issued (show it offline: "trust list from 3 days ago"); undefined for unsigned lists. */
export function trustListAgeSeconds(trustList: TrustList, now: Date = new Date()): number | undefined {
  if (trustList.issuedAt === undefined) return undefined;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(trustList.issuedAt)) / 1000));
}
