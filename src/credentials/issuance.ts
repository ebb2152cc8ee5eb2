/**
 * Building blocks for issuers (the reference issuers in src/server and tests): an SD-JWT VC
 * (RFC 9901 §4.1–4.2, draft-ietf-oauth-sd-jwt-vc §3.2) and the signed trust list payload
 * (docs/credentials.md). Signing stays with the caller, who holds the private key: these
 * functions return the JWS signing input (RFC 7515 §5.1 step 7) and assemble the result.
 */
import type { SignatureAlgorithm } from '../lib/signature-verifier';
import { base64urlEncode } from '../lib/base64url';
import { utf8Encode } from '../lib/bytes';
import { argumentError } from '../lib/errors';
import { disclosureDigest, SD_ALG_DEFAULT } from './formats/sd-jwt-vc/digest';
import { TRUST_LIST_TYP } from './trust-list-parse';
import type { IssuerName, PublicJwk } from './trust-list';

/** Salt entropy per disclosure, in bytes (RFC 9901 §9.3 recommends at least 128 bits). */
export const SALT_BYTES = 16;

function randomSalt(): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

function segment(value: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(value)));
}

export interface UnsignedJws {
  /** ASCII `BASE64URL(header).BASE64URL(payload)`: sign these bytes (ES256: r‖s; EdDSA: R‖S). */
  signingInput: string;
  /** Appends the signature; returns the compact result. */
  finish(signature: Uint8Array): string;
}

export interface SdJwtVcInput {
  alg: SignatureAlgorithm;
  kid?: string;
  /** Always-visible claims: at least iss and vct; iat/exp/cnf/status as needed (never disclosed selectively). */
  claims: Record<string, unknown>;
  /** Top-level claims to make selectively disclosable. */
  disclosable?: Record<string, unknown>;
  /** Decoy digests to add (RFC 9901 §4.2.5). */
  decoys?: number;
  salt?: () => string;
}

/** An SD-JWT VC with every disclosure attached (the issuance form, RFC 9901 §4). */
export function prepareSdJwtVc(input: SdJwtVcInput): UnsignedJws {
  if (typeof input !== 'object' || input === null) throw argumentError('input', 'an object', input);
  if (input.alg !== 'ES256' && input.alg !== 'EdDSA') throw argumentError('input.alg', '"ES256" or "EdDSA"', input.alg);
  if (typeof input.claims?.iss !== 'string' || typeof input.claims.vct !== 'string') throw argumentError('input.claims', 'an object with string iss and vct', input.claims);
  const salt = input.salt ?? randomSalt;
  // §4.2.1: [salt, name, value]; §4.2.3: digest over the base64url text.
  const disclosures = Object.entries(input.disclosable ?? {}).map(([name, value]) => segment([salt(), name, value]));
  const digests = disclosures.map(disclosureDigest);
  for (let i = 0; i < (input.decoys ?? 0); i++) digests.push(disclosureDigest(randomSalt()));
  // §4.2.4.1: digests in `_sd`, sorted so their order reveals nothing.
  digests.sort();
  const header = { alg: input.alg, typ: 'dc+sd-jwt', ...(input.kid !== undefined ? { kid: input.kid } : {}) };
  const payload = { ...input.claims, ...(digests.length > 0 ? { _sd: digests } : {}), _sd_alg: SD_ALG_DEFAULT };
  const signingInput = `${segment(header)}.${segment(payload)}`;
  return { signingInput, finish: (signature) => `${signingInput}.${base64urlEncode(signature)}~${disclosures.map((d) => `${d}~`).join('')}` };
}

export interface TrustListInput {
  alg: SignatureAlgorithm;
  kid?: string;
  operator: string;
  issuedAt: Date;
  expiresAt: Date;
  /** `iaca`: the issuer's IACA root certificates (base64 DER, as in x5c) and the doctypes each may vouch for (docs/credentials.md). */
  issuers: { id: string; name: Required<IssuerName>; keys: PublicJwk[]; types: string[]; statusLists?: string[]; iaca?: { certificate: string; doctypes: string[] }[] }[];
  statusListSigners?: { id: string; keys: PublicJwk[]; issuers: string[] }[];
  /** The register of approved verifiers: its CA certificates (base64 DER) and entries (docs/credentials.md, "The verifier register"). */
  verifierRegister?: { anchors: string[]; verifiers: { id: string; name: Required<IssuerName>; registration: Required<IssuerName>; permitted: { types: string[]; claims: (string | number | null)[][] }[] }[] };
}

/** The trust list in the format parseTrustList reads (docs/credentials.md), ready to sign. */
export function prepareTrustList(input: TrustListInput): UnsignedJws {
  if (typeof input !== 'object' || input === null) throw argumentError('input', 'an object', input);
  if (input.alg !== 'ES256' && input.alg !== 'EdDSA') throw argumentError('input.alg', '"ES256" or "EdDSA"', input.alg);
  if (!(input.issuedAt instanceof Date) || !(input.expiresAt instanceof Date)) throw argumentError('input.issuedAt/expiresAt', 'Dates', input.issuedAt);
  const header = { alg: input.alg, typ: TRUST_LIST_TYP, ...(input.kid !== undefined ? { kid: input.kid } : {}) };
  const payload = {
    iss: input.operator,
    iat: Math.floor(input.issuedAt.getTime() / 1000),
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    issuers: input.issuers.map((i) => ({ id: i.id, name: { en: i.name.en, cy: i.name.cy }, jwks: { keys: i.keys }, types: i.types, ...(i.statusLists ? { status_lists: i.statusLists } : {}), ...(i.iaca ? { iaca: i.iaca } : {}) })),
    status_list_signers: (input.statusListSigners ?? []).map((s) => ({ id: s.id, jwks: { keys: s.keys }, issuers: s.issuers })),
    ...(input.verifierRegister ? { verifier_register: input.verifierRegister } : {}),
  };
  const signingInput = `${segment(header)}.${segment(payload)}`;
  return { signingInput, finish: (signature) => `${signingInput}.${base64urlEncode(signature)}` };
}
