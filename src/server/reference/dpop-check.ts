/**
 * The server side of DPoP (RFC 9449), for the reference authorisation server's token endpoint and
 * for a department's credential endpoints (the resource server). One checker per server: each
 * hands out its own nonces and remembers the proofs it has seen.
 *
 *   §4.3  a proof is checked: one JWT in one DPoP header; typ "dpop+jwt"; alg ES256 (the only
 *         one in dpop_signing_alg_values_supported); `jwk` a public P-256 key (no private
 *         members); the signature verifies with it; jti, htm, htu, iat present; htm and htu are
 *         this request's method and URI (without query and fragment); iat within a short window;
 *         the jti not seen before (replay); the nonce one this server gave, when it asks for one;
 *         with an access token, ath = base64url(SHA-256(token)) (§7.1) and the key's thumbprint
 *         equal to the token's cnf.jkt (§6.1, checked by the caller).
 *   §8/§9 this checker always requires a server nonce, so that clients' nonce handling is
 *         exercised: a proof without one (or with an old one) is answered `use_dpop_nonce` with a
 *         fresh nonce in the DPoP-Nonce header. A nonce is good for NONCE_TTL_S and may be used
 *         many times (§8.2); a new one is handed out every NONCE_ROTATE_S.
 *
 * State is in memory: after a restart clients are simply asked for a fresh nonce.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EmbeddedJWK, calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { IssuerError } from './issuer-error';

export const DPOP_TYP = 'dpop+jwt';
/** How far a proof's iat may be from the server's clock (RFC 9449 §11.1: a short window), in seconds. */
export const DPOP_IAT_WINDOW_S = 120;
export const NONCE_TTL_S = 5 * 60;
export const NONCE_ROTATE_S = 60;

export interface DpopExpectations {
  method: string;
  /** This request's URI as the server publishes it (its configured origin, not the Host header). */
  url: string;
  /** The access token sent with the proof, when there is one (§7.1: ath). */
  accessToken?: string;
}

export interface CheckedProof {
  /** RFC 7638 SHA-256 thumbprint of the proof's key, base64url (§6.1 jkt). */
  jkt: string;
  jwk: JsonWebKey;
}

/** §4.2 htu: scheme, host and path; no query, no fragment. */
export function htuOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** §4.2 / §7.1 ath: base64url SHA-256 of the ASCII access token. */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}

export class DpopChecker {
  private readonly nonces = new Map<string, number>(); // nonce → expires (ms)
  private latest: { nonce: string; at: number } | undefined;
  private readonly seen = new Map<string, number>(); // jkt:jti → forget after (ms)

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The nonce to send in a DPoP-Nonce header now (§8.1, §9). */
  nonce(): string {
    const now = this.now();
    if (!this.latest || now - this.latest.at >= NONCE_ROTATE_S * 1000) {
      for (const [n, exp] of this.nonces) if (exp <= now) this.nonces.delete(n);
      this.latest = { nonce: randomBytes(16).toString('base64url'), at: now };
      this.nonces.set(this.latest.nonce, now + NONCE_TTL_S * 1000);
    }
    return this.latest.nonce;
  }

  private nonceIsGood(nonce: unknown): boolean {
    if (typeof nonce !== 'string') return false;
    const exp = this.nonces.get(nonce);
    return exp !== undefined && exp > this.now();
  }

  /**
   * Checks the DPoP header of one request. Throws IssuerError 400 `invalid_dpop_proof` (§5, §7.1)
   * or `use_dpop_nonce` (§8) with the DPoP-Nonce header set; a resource server turns these into
   * 401 answers (§7.1, §9).
   */
  async check(header: string | string[] | undefined, expected: DpopExpectations): Promise<CheckedProof> {
    const invalid = (why: string) => new IssuerError(400, 'invalid_dpop_proof', why);
    if (header === undefined || header === '') throw invalid('A DPoP proof is required (DPoP header)');
    // §4.3 check 1: exactly one DPoP header with one JWT.
    if (Array.isArray(header) || header.includes(',')) throw invalid('Send exactly one DPoP proof');
    let protectedHeader;
    try {
      protectedHeader = decodeProtectedHeader(header);
    } catch {
      throw invalid('The DPoP proof is not a JWT');
    }
    // §4.3 checks 4–6: typ, a supported asymmetric alg, and a public key in jwk.
    if (protectedHeader.typ !== DPOP_TYP) throw invalid(`The DPoP proof's typ must be ${DPOP_TYP}`);
    if (protectedHeader.alg !== 'ES256') throw invalid('The DPoP proof must be signed with ES256');
    const jwk = protectedHeader.jwk as JWK | undefined;
    if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) throw invalid('The DPoP proof must carry a public P-256 key as jwk');
    let payload;
    try {
      // §4.3 check 7: the signature, with the key in the header.
      ({ payload } = await jwtVerify(header, EmbeddedJWK, { typ: DPOP_TYP, algorithms: ['ES256'], currentDate: new Date(this.now()), clockTolerance: DPOP_IAT_WINDOW_S }));
    } catch {
      throw invalid('The DPoP proof signature does not verify');
    }
    // §4.3 checks 8–11.
    if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > 128) throw invalid('The DPoP proof needs a jti');
    if (payload.htm !== expected.method.toUpperCase()) throw invalid(`The DPoP proof's htm must be ${expected.method.toUpperCase()}`);
    let htu: string;
    try {
      htu = htuOf(String(payload.htu));
    } catch {
      throw invalid('The DPoP proof htu is not a URL');
    }
    if (htu !== htuOf(expected.url)) throw invalid(`The DPoP proof's htu must be ${htuOf(expected.url)}`);
    const nowS = this.now() / 1000;
    if (typeof payload.iat !== 'number' || Math.abs(nowS - payload.iat) > DPOP_IAT_WINDOW_S) throw invalid('The DPoP proof iat is missing or not recent');
    // §4.3 check 12 (ath) comes before the nonce, so a wrong token binding is never "fixed" by a retry.
    if (expected.accessToken !== undefined && payload.ath !== accessTokenHash(expected.accessToken)) throw invalid('The DPoP proof ath does not match the access token');
    if (expected.accessToken === undefined && payload.ath !== undefined) throw invalid('The DPoP proof has an ath but no access token was sent');
    // §8: the server's nonce, required.
    if (!this.nonceIsGood(payload.nonce)) {
      throw new IssuerError(400, 'use_dpop_nonce', 'Send the DPoP proof again with the nonce in the DPoP-Nonce header', {}, { 'DPoP-Nonce': this.nonce() });
    }
    const jkt = await calculateJwkThumbprint(jwk, 'sha256');
    // §11.1: a proof is used once; kept as long as its iat could pass the window.
    const key = `${jkt}:${payload.jti}`;
    const now = this.now();
    for (const [k, until] of this.seen) if (until <= now) this.seen.delete(k);
    if (this.seen.has(key)) throw invalid('This DPoP proof has been used before (jti)');
    this.seen.set(key, (payload.iat + DPOP_IAT_WINDOW_S) * 1000 + 1000);
    const { kty, crv, x, y } = jwk;
    return { jkt, jwk: { kty, crv, x, y } };
  }
}
