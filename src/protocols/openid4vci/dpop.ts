/**
 * DPoP, RFC 9449: the access token from a sign-in is bound to a key only this wallet holds, for
 * this one issuance. The key is a WebCrypto ECDSA P-256 key made non-extractable (only its public
 * JWK leaves it), kept in memory from the token request to the last credential request.
 *
 *   §4.2  a proof is a JWS with header typ "dpop+jwt", alg ES256 and the public `jwk`; claims
 *         jti (unique), htm (the method), htu (the URL without query and fragment), iat, `nonce`
 *         when the server gave one, and `ath` (base64url SHA-256 of the access token) when it is
 *         sent with an access token (§7.1).
 *   §8    the authorisation server answers 400 error=use_dpop_nonce with a DPoP-Nonce header;
 *   §9    a resource server answers 401 with WWW-Authenticate: DPoP error="use_dpop_nonce".
 *         Either way the request is sent once more with that nonce; a DPoP-Nonce header on any
 *         answer is remembered for the next request to that server.
 */
import { base64urlEncode } from '../../lib/base64url';
import { asciiBytes, utf8Encode } from '../../lib/bytes';
import { send, type HttpOptions, type HttpResult } from './http';

export const DPOP_TYP = 'dpop+jwt';
const JTI_BYTES = 16;

export interface DpopKey {
  /** The public key only (kty, crv, x, y). */
  publicJwk: JsonWebKey;
  privateKey: CryptoKey;
}

/** A new ES256 key for one issuance; the private key cannot be exported (WebCrypto extractable: false). */
export async function createDpopKey(): Promise<DpopKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { publicJwk: { kty, crv, x, y }, privateKey: pair.privateKey };
}

/** §4.2 htu: the target URI without query and fragment. */
export function dpopHtu(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** §4.2 ath: base64url of the SHA-256 of the ASCII access token. */
export async function accessTokenHash(accessToken: string): Promise<string> {
  return base64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', asciiBytes(accessToken) as Uint8Array<ArrayBuffer>)));
}

const segment = (value: unknown): string => base64urlEncode(utf8Encode(JSON.stringify(value)));

export interface DpopProofInput {
  method: string;
  url: string;
  nonce?: string;
  accessToken?: string;
  now?: () => number;
}

/** One DPoP proof JWT (§4.2), signed ES256 (RFC 7518 §3.4: raw r‖s, which WebCrypto gives). */
export async function createDpopProof(key: DpopKey, input: DpopProofInput): Promise<string> {
  const { kty, crv, x, y } = key.publicJwk;
  const header = { typ: DPOP_TYP, alg: 'ES256', jwk: { kty, crv, x, y } };
  const payload: Record<string, unknown> = {
    jti: base64urlEncode(crypto.getRandomValues(new Uint8Array(JTI_BYTES))),
    htm: input.method.toUpperCase(),
    htu: dpopHtu(input.url),
    iat: Math.floor((input.now?.() ?? Date.now()) / 1000),
  };
  if (input.nonce !== undefined) payload.nonce = input.nonce;
  if (input.accessToken !== undefined) payload.ath = await accessTokenHash(input.accessToken);
  const signingInput = `${segment(header)}.${segment(payload)}`;
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, asciiBytes(signingInput) as Uint8Array<ArrayBuffer>));
  return `${signingInput}.${base64urlEncode(signature)}`;
}

/** The key and the nonces servers gave (§8, §9), by server origin, for one issuance. */
export class DpopSession {
  private readonly nonces = new Map<string, string>();

  constructor(
    readonly key: DpopKey,
    private readonly now?: () => number,
  ) {}

  static async create(now?: () => number): Promise<DpopSession> {
    return new DpopSession(await createDpopKey(), now);
  }

  nonceFor(url: string): string | undefined {
    return this.nonces.get(new URL(url).origin);
  }

  proof(method: string, url: string, accessToken?: string): Promise<string> {
    const input: DpopProofInput = { method, url, now: this.now };
    const nonce = this.nonceFor(url);
    if (nonce !== undefined) input.nonce = nonce;
    if (accessToken !== undefined) input.accessToken = accessToken;
    return createDpopProof(this.key, input);
  }

  /** Remembers a DPoP-Nonce header; true when it is new (so a retry can use it). */
  remember(url: string, result: HttpResult): boolean {
    const nonce = result.headers?.get('DPoP-Nonce');
    if (!nonce) return false;
    const origin = new URL(url).origin;
    const fresh = this.nonces.get(origin) !== nonce;
    this.nonces.set(origin, nonce);
    return fresh;
  }
}

/** §8 (400 with error use_dpop_nonce) or §9 (401 with WWW-Authenticate error="use_dpop_nonce"). */
export function asksForDpopNonce(result: HttpResult): boolean {
  if (result.status === 401) return /error\s*=\s*"?use_dpop_nonce"?/i.test(result.headers?.get('WWW-Authenticate') ?? '');
  if (result.status !== 400) return false;
  try {
    return (JSON.parse(result.text) as { error?: unknown }).error === 'use_dpop_nonce';
  } catch {
    return false;
  }
}

/** How a request is authorised: a Bearer token (pre-authorised flow), or DPoP with or without a token. */
export interface RequestAuth {
  accessToken?: string;
  /** Present: the token (if any) is DPoP-bound and every request carries a proof. */
  dpop?: DpopSession;
}

/**
 * Sends a request with the Authorization and DPoP headers `auth` calls for; a server asking for a
 * DPoP nonce gets the request once more with it (§8, §9). `init.headers` must be a plain object.
 */
export async function sendWithAuth(url: string, init: RequestInit & { headers: Record<string, string> }, auth: RequestAuth, options: HttpOptions): Promise<HttpResult> {
  const attempt = async (): Promise<HttpResult> => {
    const headers: Record<string, string> = { ...init.headers };
    if (auth.dpop) {
      headers.DPoP = await auth.dpop.proof(init.method ?? 'GET', url, auth.accessToken);
      // §7.1: a DPoP-bound token goes with the DPoP scheme.
      if (auth.accessToken !== undefined) headers.Authorization = `DPoP ${auth.accessToken}`;
    } else if (auth.accessToken !== undefined) headers.Authorization = `Bearer ${auth.accessToken}`;
    return send(url, { ...init, headers }, options);
  };
  const result = await attempt();
  if (!auth.dpop) return result;
  const fresh = auth.dpop.remember(url, result);
  if (fresh && asksForDpopNonce(result)) {
    const retried = await attempt();
    auth.dpop.remember(url, retried);
    return retried;
  }
  return result;
}
