/**
 * The issuer's check of a wallet's key proof, OpenID4VCI 1.0 Appendix F.1 (`jwt` proof type) and
 * §8.2.1.1: a compact JWS with `typ` openid4vci-proof+jwt, ES256, the holder's public key as
 * `jwk` (no private members), `aud` = the Credential Issuer Identifier, a recent `iat`, and a
 * `nonce` the issuer handed out (§7) and takes back on use. The signature is checked with
 * @sd-jwt/crypto-nodejs. Returns the holder's public key for the credential's `cnf`.
 */
import { ES256 } from '@sd-jwt/crypto-nodejs';
import { IssuerError } from './issuer-error';

export const PROOF_TYP = 'openid4vci-proof+jwt';
/** Maximum age of a key proof's iat, and allowed clock skew, in seconds. */
export const PROOF_MAX_AGE_S = 5 * 60;

export interface ProofExpectations {
  audience: string;
  nowS: number;
  /** True (and forgets it) when the nonce was issued and is still fresh. */
  takeNonce(nonce: unknown): boolean;
}

export async function checkKeyProof(jwt: unknown, expected: ProofExpectations): Promise<JsonWebKey> {
  const invalid = (why: string) => new IssuerError(400, 'invalid_proof', why);
  if (typeof jwt !== 'string') throw invalid('proofs.jwt must hold one JWT');
  const parts = jwt.split('.');
  if (parts.length !== 3) throw invalid('The proof is not a compact JWS');
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The proof header or payload is not JSON');
  }
  // F.1: typ, alg (asymmetric; ES256 here), and the key as jwk.
  if (header.typ !== PROOF_TYP) throw invalid(`The proof typ must be ${PROOF_TYP}`);
  if (header.alg !== 'ES256') throw invalid('The proof must be signed with ES256');
  const jwk = header.jwk as JsonWebKey | undefined;
  if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) throw invalid('The proof must carry the public P-256 key as jwk');
  let ok = false;
  try {
    ok = await (await ES256.getVerifier(jwk))(`${parts[0]}.${parts[1]}`, parts[2]!);
  } catch {
    ok = false;
  }
  if (!ok) throw invalid('The proof signature does not verify');
  // F.1: aud is the Credential Issuer Identifier; iat recent.
  if (payload.aud !== expected.audience) throw invalid('The proof aud must be the credential issuer identifier');
  if (typeof payload.iat !== 'number' || Math.abs(expected.nowS - payload.iat) > PROOF_MAX_AGE_S) throw invalid('The proof iat is missing or not recent');
  // §8.3.1.2 invalid_nonce: the wallet fetches a fresh one from the nonce endpoint and retries.
  if (!expected.takeNonce(payload.nonce)) throw new IssuerError(400, 'invalid_nonce', 'The proof nonce is missing, unknown or expired');
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, y };
}
