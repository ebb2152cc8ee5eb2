/**
 * Key proof of type `jwt`, OpenID4VCI 1.0 Appendix F.1: a JWS (RFC 7515 compact) with header
 * `typ: openid4vci-proof+jwt`, `alg: ES256` and the holder's public key as `jwk`; payload `aud` =
 * the Credential Issuer Identifier, `iat`, and `nonce` = the c_nonce. `iss` is omitted: the
 * pre-authorised flow here uses anonymous access (F.1: "MUST be omitted" then). The private key
 * stays with the caller (the vault's device key): `sign` gets the signing input bytes and returns
 * the raw 64-byte r‖s (RFC 7518 §3.4).
 */
import { base64urlEncode } from '../../lib/base64url';
import { asciiBytes, utf8Encode } from '../../lib/bytes';

export const PROOF_TYP = 'openid4vci-proof+jwt';
export const P256_SIGNATURE_BYTES = 64;

export interface KeyProofInput {
  issuer: string;
  nonce?: string;
  /** The holder's public key (EC P-256), without private members. */
  publicJwk: JsonWebKey;
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
  now?: () => number;
}

const segment = (value: unknown): string => base64urlEncode(utf8Encode(JSON.stringify(value)));

export async function createKeyProof(input: KeyProofInput): Promise<string> {
  const { kty, crv, x, y } = input.publicJwk;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') throw new TypeError('input.publicJwk must be a public EC P-256 JWK');
  const header = { typ: PROOF_TYP, alg: 'ES256', jwk: { kty, crv, x, y } };
  const payload: Record<string, unknown> = { aud: input.issuer, iat: Math.floor((input.now?.() ?? Date.now()) / 1000) };
  // F.1: nonce is required when the issuer has a nonce endpoint.
  if (input.nonce !== undefined) payload.nonce = input.nonce;
  const signingInput = `${segment(header)}.${segment(payload)}`;
  const signature = await input.sign(asciiBytes(signingInput));
  if (!(signature instanceof Uint8Array) || signature.length !== P256_SIGNATURE_BYTES) throw new TypeError(`sign must return a ${P256_SIGNATURE_BYTES}-byte r‖s signature`);
  return `${signingInput}.${base64urlEncode(signature)}`;
}
