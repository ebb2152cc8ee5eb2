/**
 * A minimal OAuth client for testing the reference authorisation server with plain fetch and
 * jose, independent of Satchel's own client (src/protocols/openid4vci): PKCE (RFC 7636), a pushed
 * authorisation request (RFC 9126), the login form post, and DPoP proofs (RFC 9449 §4.2) made
 * with a jose key, with or without a server nonce and an access token hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, type CryptoKey } from 'jose';

export const b64url = (bytes: Buffer | Uint8Array): string => Buffer.from(bytes).toString('base64url');

export function pkce(): { verifier: string; challenge: string } {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface DpopKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  jkt: string;
}

export async function dpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicJwk, jkt: await calculateJwkThumbprint(publicJwk, 'sha256') };
}

export interface ProofOptions {
  method?: string;
  nonce?: string;
  accessToken?: string;
  iat?: number;
  jti?: string;
  /** Claims or header members to change, to make a bad proof. */
  payload?: Record<string, unknown>;
  header?: Record<string, unknown>;
  /** Sign with this key while naming `key`'s public key in the header. */
  signWith?: CryptoKey;
}

export async function dpopProof(key: DpopKey, url: string, options: ProofOptions = {}): Promise<string> {
  const u = new URL(url);
  const payload: Record<string, unknown> = {
    jti: options.jti ?? b64url(randomBytes(12)),
    htm: options.method ?? 'POST',
    htu: `${u.origin}${u.pathname}`,
    iat: options.iat ?? Math.floor(Date.now() / 1000),
  };
  if (options.nonce !== undefined) payload.nonce = options.nonce;
  if (options.accessToken !== undefined) payload.ath = createHash('sha256').update(options.accessToken).digest('base64url');
  return new SignJWT({ ...payload, ...options.payload })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicJwk, ...options.header })
    .sign(options.signWith ?? key.privateKey);
}

export const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

/** RFC 9126 §2.1: push the request; the JSON answer and status. */
export async function pushRequest(parEndpoint: string, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(parEndpoint, form(fields));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The person submits the login form (from the page's own origin, as a browser would). */
export async function submitLogin(asUrl: string, requestUri: string, email: string, password: string, path = '/authorize'): Promise<Response> {
  const request = form({ request_uri: requestUri, email, password });
  return fetch(`${asUrl}${path}`, { ...request, headers: { ...request.headers, Origin: asUrl }, redirect: 'manual' });
}

/** A token request with the code and one DPoP proof; nonce asked for and retried once (RFC 9449 §8). */
export async function tokenRequest(tokenEndpoint: string, key: DpopKey, fields: Record<string, string>, proof: ProofOptions = {}): Promise<{ status: number; body: Record<string, unknown>; nonce: string | null }> {
  const send = async (nonce?: string) => {
    const request = form({ grant_type: 'authorization_code', ...fields });
    const dpop = await dpopProof(key, tokenEndpoint, { ...proof, ...(nonce !== undefined ? { nonce } : {}) });
    return fetch(tokenEndpoint, { ...request, headers: { ...request.headers, DPoP: dpop } });
  };
  let response = await send(proof.nonce);
  let body = (await response.json()) as Record<string, unknown>;
  if (response.status === 400 && body.error === 'use_dpop_nonce' && proof.nonce === undefined) {
    response = await send(response.headers.get('DPoP-Nonce')!);
    body = (await response.json()) as Record<string, unknown>;
  }
  return { status: response.status, body, nonce: response.headers.get('DPoP-Nonce') };
}

/**
 * A request to a resource server with a DPoP-bound token (RFC 9449 §7.1): `Authorization: DPoP`,
 * a proof with ath; a 401 use_dpop_nonce (§9) is retried once with the nonce it gave.
 */
export async function dpopFetch(url: string, key: DpopKey, accessToken: string, body: unknown, proof: ProofOptions = {}): Promise<{ response: Response; json: Record<string, unknown> | undefined }> {
  const send = async (nonce?: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `DPoP ${accessToken}`, DPoP: await dpopProof(key, url, { accessToken, ...proof, ...(nonce !== undefined ? { nonce } : {}) }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let response = await send(proof.nonce);
  if (response.status === 401 && /use_dpop_nonce/.test(response.headers.get('WWW-Authenticate') ?? '') && proof.nonce === undefined) {
    response = await send(response.headers.get('DPoP-Nonce')!);
  }
  const text = await response.text();
  return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** An OpenID4VCI 1.0 key proof (Appendix F.1) signed with a jose key. */
export async function keyProof(key: DpopKey, audience: string, nonce: string): Promise<string> {
  return new SignJWT({ aud: audience, iat: Math.floor(Date.now() / 1000), nonce }).setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: key.publicJwk }).sign(key.privateKey);
}
