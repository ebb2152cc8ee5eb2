/**
 * The reference authorisation server's access tokens: JWTs (RFC 9068, `typ` at+jwt) signed ES256
 * by the AS, for one department (aud = its Credential Issuer Identifier, RFC 8707), bound to the
 * wallet's DPoP key (RFC 9449 §6.1 cnf.jkt), naming the demo person who signed in (sub) and the
 * department's own record of what to issue (offer_id, a private claim: the offer whose
 * issuer_state came with the sign-in, or one the department made for a wallet-initiated one).
 *
 * A department verifies them with the AS's public key, given in process (the servers run
 * together); a separate AS would publish it at its jwks_uri, which this one also does.
 */
import { SignJWT, importJWK, jwtVerify } from 'jose';
import type { KeyPair } from './keys';

export const ACCESS_TOKEN_TYP = 'at+jwt';

export interface AccessTokenClaims {
  /** The AS's issuer identifier. */
  iss: string;
  /** The department (Credential Issuer Identifier). */
  aud: string;
  /** The demo person who signed in. */
  sub: string;
  client_id: string;
  jti: string;
  iat: number;
  exp: number;
  cnf: { jkt: string };
  offer_id: string;
  scope?: string;
  authorization_details?: unknown[];
}

export async function signAccessToken(key: KeyPair, claims: AccessTokenClaims): Promise<string> {
  const { iss, aud, sub, jti, iat, exp, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256', typ: ACCESS_TOKEN_TYP, kid: key.kid })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject(sub)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

/** RFC 9068 §4: signature, typ, iss, aud and exp; undefined for a token that fails any of them. */
export async function verifyAccessToken(token: string, publicJwk: JsonWebKey, expected: { issuer: string; audience: string; now: number }): Promise<AccessTokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, await importJWK(publicJwk, 'ES256'), {
      typ: ACCESS_TOKEN_TYP,
      algorithms: ['ES256'],
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(expected.now),
      requiredClaims: ['sub', 'jti', 'exp', 'cnf', 'offer_id'],
    });
    const cnf = payload.cnf as { jkt?: unknown } | undefined;
    if (typeof cnf?.jkt !== 'string' || typeof payload.offer_id !== 'string') return undefined;
    return payload as unknown as AccessTokenClaims;
  } catch {
    return undefined;
  }
}
