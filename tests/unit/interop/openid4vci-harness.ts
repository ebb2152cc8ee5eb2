/**
 * A standard OpenID4VCI 1.0 issuer and OAuth 2.0 authorisation server that we did not write, for
 * interop tests of Satchel's Receiver in Node: the OpenWallet Foundation's oid4vc-ts 0.4.6
 * (`Openid4vciIssuer` from @openid4vc/openid4vci, `Oauth2AuthorizationServer` and
 * `Oauth2ResourceServer` from @openid4vc/oauth2), their crypto callbacks done with `jose`, and
 * credentials signed by `@sd-jwt/sd-jwt-vc` 0.19. The trust-list operator (Satchel's own format,
 * docs/credentials.md) names the issuer and its key.
 *
 * Nothing listens on a port: `fetch` routes the wallet's requests to the handlers in-process, on
 * https origins (so the production remote-URL policy applies unchanged):
 *
 *   https://issuer.interop.example   issuer metadata (§12.2), nonce (§7), credential (§8), offers by reference (§4.1.3)
 *   https://as.interop.example       AS metadata (RFC 8414), token (§6), JWKS for its JWT access tokens (RFC 9068)
 *   https://trust.interop.example    the signed trust list
 *
 * Everything the library decides is the library's: the token request is parsed and checked by
 * `parseAccessTokenRequest` / `verifyPreAuthorizedCodeAccessTokenRequest` (a wrong tx_code is its
 * `invalid_grant`, with no `tx_code_tries_left`), the access token is the AS's signed JWT checked
 * by `verifyResourceRequest`, the credential request is parsed by `parseCredentialRequest`, the key
 * proof checked by `verifyCredentialRequestJwtProof` against the c_nonce this issuer handed out,
 * and the answer built by `createCredentialResponse` (the 1.0 shape `credentials: [{ credential }]`).
 */
import { Oauth2AuthorizationServer, Oauth2ResourceServer, Oauth2ServerErrorResponseError, preAuthorizedCodeGrantIdentifier, type CallbackContext, type Jwk, type RequestLike } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciIssuer, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, compactVerify, exportJWK, generateKeyPair, importJWK } from 'jose';
import { prepareTrustList, type PublicJwk } from '../../../src/credentials/index';

export const ISSUER = 'https://issuer.interop.example';
export const AS = 'https://as.interop.example';
export const TRUST_LIST_URL = 'https://trust.interop.example/trust-list.jwt';
export const VCT = 'https://issuer.interop.example/credentials/residence-permit';
export const CONFIGURATION_ID = 'residence_permit';
export const ISSUER_NAME = { en: 'Interop Residence Office', cy: 'Swyddfa Breswylio Interop' };

const AS_KID = 'as-1';
const NONCE_TTL_S = 300;

/** One request the wallet made and the answer it got, for assertions on the wire format. */
export interface Exchange {
  method: string;
  url: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

export interface OfferOptions {
  /** A transaction code the person must enter (§4.1.1 tx_code); none when absent. */
  txCode?: string;
  /** Offer by reference (§4.1.3, credential_offer_uri) instead of by value. */
  byReference?: boolean;
  /** The pre-authorised code's lifetime in seconds (default 10 minutes). */
  expiresInS?: number;
}

export interface InteropIssuer {
  /** For the wallet: answers every request in-process. */
  fetch(input: string, init?: RequestInit): Promise<Response>;
  /** The Receiver's configuration: the operator's trust list and its pinned key. */
  config: { trustListUrl: string; trustListKeys: PublicJwk[] };
  /** A new offer made by `Openid4vciIssuer.createCredentialOffer`, as the text a QR code or link carries. */
  createOffer(options?: OfferOptions): Promise<{ text: string; preAuthorizedCode: string }>;
  /** Every request and answer so far. */
  exchanges: Exchange[];
  /** c_nonce values handed out by the nonce endpoint, in order. */
  noncesIssued: string[];
  /** The credentials issued (compact SD-JWT VCs). */
  issued: string[];
  /** The clock the issuer and AS use (ms); tests move it. */
  now: number;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });

const randomText = (bytes = 16) => randomBytes(bytes).toString('base64url');

export async function createInteropIssuer(): Promise<InteropIssuer> {
  // ── keys ────────────────────────────────────────────────────────────────────────────────────
  const asKeys = await generateKeyPair('ES256', { extractable: true });
  const asPublicJwk = { ...(await exportJWK(asKeys.publicKey)), kid: AS_KID, use: 'sig', alg: 'ES256' } as Jwk;
  const issuerKeys = await ES256.generateKeyPair();
  const operator = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const operatorJwk = await crypto.subtle.exportKey('jwk', operator.publicKey);
  const operatorPublic: PublicJwk = { kty: operatorJwk.kty, crv: operatorJwk.crv, x: operatorJwk.x, y: operatorJwk.y, kid: 'operator-1' };
  const { kty, crv, x, y } = issuerKeys.publicKey as JsonWebKey;
  const issuerPublic: PublicJwk = { kty, crv, x, y };

  // ── oid4vc-ts's crypto callbacks, done with jose ────────────────────────────────────────────
  let routeFetch: (input: string, init?: RequestInit) => Promise<Response> = () => Promise.reject(new Error('not ready'));
  const callbacks: Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> = {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: () => undefined,
    fetch: (input, init) => routeFetch(String(input), init as RequestInit),
    signJwt: async (signer, jwt) => {
      // Only the AS signs through the library (its access tokens); credentials are signed by @sd-jwt.
      if (signer.method !== 'jwk' || signer.publicJwk.kid !== AS_KID) throw new Error('unknown signer');
      const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload)))
        .setProtectedHeader({ ...jwt.header, alg: 'ES256', kid: AS_KID })
        .sign(asKeys.privateKey);
      return { jwt: compact, signerJwk: asPublicJwk };
    },
    verifyJwt: async (signer, jwt) => {
      if (signer.method !== 'jwk') return { verified: false };
      try {
        await compactVerify(jwt.compact, await importJWK(signer.publicJwk as Parameters<typeof importJWK>[0], signer.alg));
        return { verified: true, signerJwk: signer.publicJwk };
      } catch {
        return { verified: false };
      }
    },
  };

  const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
  const resourceServer = new Oauth2ResourceServer({ callbacks });
  const issuer = new Openid4vciIssuer({ callbacks });

  const asMetadata = authorizationServer.createAuthorizationServerMetadata({
    issuer: AS,
    token_endpoint: `${AS}/token`,
    jwks_uri: `${AS}/jwks`,
    grant_types_supported: [preAuthorizedCodeGrantIdentifier],
    'pre-authorized_grant_anonymous_access_supported': true,
  });
  const issuerMetadata = issuer.createCredentialIssuerMetadata({
    credential_issuer: ISSUER,
    credential_endpoint: `${ISSUER}/credential`,
    nonce_endpoint: `${ISSUER}/nonce`,
    authorization_servers: [AS],
    display: [{ name: ISSUER_NAME.en, locale: 'en-GB' }, { name: ISSUER_NAME.cy, locale: 'cy-GB' }],
    credential_configurations_supported: {
      [CONFIGURATION_ID]: {
        format: 'dc+sd-jwt',
        vct: VCT,
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
        credential_metadata: {
          display: [{ name: 'Residence permit', locale: 'en-GB' }, { name: 'Trwydded breswylio', locale: 'cy-GB' }],
          claims: [
            { path: ['given_name'], display: [{ name: 'Given name', locale: 'en-GB' }, { name: 'Enw cyntaf', locale: 'cy-GB' }] },
            { path: ['family_name'], display: [{ name: 'Family name', locale: 'en-GB' }, { name: 'Cyfenw', locale: 'cy-GB' }] },
          ],
        },
      },
    },
  });

  const offers = new Map<string, { txCode?: string; expiresAt: number; redeemed: boolean }>();
  const offerObjects = new Map<string, unknown>();
  const nonces = new Map<string, number>();
  const sdjwt = new SDJwtVcInstance({ signer: await ES256.getSigner(issuerKeys.privateKey), signAlg: ES256.alg, hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt });

  const state: InteropIssuer = {
    now: Date.now(),
    exchanges: [],
    noncesIssued: [],
    issued: [],
    config: { trustListUrl: TRUST_LIST_URL, trustListKeys: [operatorPublic] },
    fetch: (input, init) => routeFetch(input, init),
    async createOffer(options = {}) {
      const preAuthorizedCode = randomText();
      offers.set(preAuthorizedCode, { txCode: options.txCode, expiresAt: state.now + (options.expiresInS ?? 600) * 1000, redeemed: false });
      const offerUri = options.byReference ? `${ISSUER}/offers/${randomText(8)}` : undefined;
      const grant = { 'pre-authorized_code': preAuthorizedCode, ...(options.txCode ? { tx_code: { input_mode: 'numeric' as const, length: options.txCode.length, description: 'The code in your letter' } } : {}) };
      const { credentialOffer, credentialOfferObject } = await issuer.createCredentialOffer({
        issuerMetadata: await metadataResult(),
        credentialConfigurationIds: [CONFIGURATION_ID],
        grants: { [preAuthorizedCodeGrantIdentifier]: grant },
        credentialOfferUri: offerUri,
      });
      if (offerUri) offerObjects.set(offerUri, credentialOfferObject);
      return { text: credentialOffer, preAuthorizedCode };
    },
  };

  // The library's own view of this issuer (metadata + AS metadata), resolved over the same routes.
  let resolved: IssuerMetadataResult | undefined;
  const metadataResult = async () => (resolved ??= await new Openid4vciClient({ callbacks }).resolveIssuerMetadata(ISSUER));

  const requestLike = (url: string, init: RequestInit): RequestLike => ({ url, method: (init.method ?? 'GET') as RequestLike['method'], headers: new Headers(init.headers) });

  /** OAuth error responses as the library builds them (RFC 6749 §5.2; OpenID4VCI §6.3, §8.3.1). */
  const oauthError = (e: unknown): Response => {
    if (e instanceof Oauth2ServerErrorResponseError) return json(e.errorResponse, e.status || 400);
    throw e;
  };

  async function token(url: string, init: RequestInit): Promise<Response> {
    try {
      const form = Object.fromEntries(new URLSearchParams(String(init.body ?? '')));
      const request = requestLike(url, init);
      const parsed = authorizationServer.parseAccessTokenRequest({ request, accessTokenRequest: form });
      if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) return json({ error: 'unsupported_grant_type' }, 400);
      const offer = offers.get(parsed.grant.preAuthorizedCode);
      // §6.3: an unknown or used code is invalid_grant.
      if (!offer || offer.redeemed) return json({ error: 'invalid_grant', error_description: 'Unknown or used pre-authorized_code' }, 400);
      await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
        authorizationServerMetadata: asMetadata,
        grant: parsed.grant,
        accessTokenRequest: parsed.accessTokenRequest,
        request,
        expectedPreAuthorizedCode: parsed.grant.preAuthorizedCode,
        expectedTxCode: offer.txCode,
        preAuthorizedCodeExpiresAt: new Date(offer.expiresAt),
        now: new Date(state.now),
      });
      offer.redeemed = true;
      const response = await authorizationServer.createAccessTokenResponse({
        authorizationServer: AS,
        audience: ISSUER,
        signer: { method: 'jwk', alg: 'ES256', publicJwk: asPublicJwk },
        expiresInSeconds: 600,
        subject: randomText(8),
        now: new Date(state.now),
      });
      return json(response);
    } catch (e) {
      return oauthError(e);
    }
  }

  async function credential(url: string, init: RequestInit): Promise<Response> {
    const metadata = await metadataResult();
    try {
      await resourceServer.verifyResourceRequest({ request: requestLike(url, init), resourceServer: ISSUER, authorizationServers: metadata.authorizationServers, now: new Date(state.now) });
    } catch (e) {
      return json({ error: 'invalid_token' }, 401, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${e instanceof Error ? e.message.replace(/"/g, "'") : 'invalid'}"` });
    }
    try {
      const parsed = issuer.parseCredentialRequest({ issuerMetadata: metadata, credentialRequest: JSON.parse(String(init.body)) as Record<string, unknown> });
      const proof = parsed.proofs?.jwt?.[0];
      if (!proof) return json({ error: 'invalid_proof', error_description: 'A jwt key proof is required' }, 400);
      // The c_nonce this issuer handed out (§7); each is good once.
      const nonce = (JSON.parse(Buffer.from(proof.split('.')[1] ?? '', 'base64url').toString()) as { nonce?: string }).nonce ?? '';
      const issuedAt = nonces.get(nonce);
      if (issuedAt === undefined) return json({ error: 'invalid_nonce', error_description: 'Unknown c_nonce' }, 400);
      nonces.delete(nonce);
      const verified = await issuer.verifyCredentialRequestJwtProof({ issuerMetadata: metadata, jwt: proof, expectedNonce: nonce, nonceExpiresAt: new Date(issuedAt + NONCE_TTL_S * 1000), now: new Date(state.now) });
      const { kty: hk, crv: hc, x: hx, y: hy } = verified.signer.publicJwk;
      const nowS = Math.floor(state.now / 1000);
      const compact = await sdjwt.issue(
        { iss: ISSUER, vct: VCT, iat: nowS, exp: nowS + 365 * 86400, cnf: { jwk: { kty: hk, crv: hc, x: hx, y: hy } }, given_name: 'Ada', family_name: 'Jones' },
        { _sd: ['given_name', 'family_name'] } as never,
      );
      state.issued.push(compact);
      return json(issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential: compact }] }));
    } catch (e) {
      return oauthError(e);
    }
  }

  async function trustList(): Promise<Response> {
    const unsigned = prepareTrustList({
      alg: 'ES256',
      kid: operatorPublic.kid,
      operator: 'https://trust.interop.example',
      issuedAt: new Date(state.now),
      expiresAt: new Date(state.now + 30 * 86400_000),
      issuers: [{ id: ISSUER, name: ISSUER_NAME, keys: [issuerPublic], types: [VCT] }],
    });
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, operator.privateKey, new TextEncoder().encode(unsigned.signingInput)));
    return new Response(unsigned.finish(signature), { headers: { 'Content-Type': 'application/jwt', 'Cache-Control': 'max-age=3600' } });
  }

  async function answer(url: string, init: RequestInit): Promise<Response> {
    const route = `${init.method ?? 'GET'} ${url}`;
    switch (route) {
      case `GET ${ISSUER}/.well-known/openid-credential-issuer`:
        return json(issuerMetadata);
      case `GET ${AS}/.well-known/oauth-authorization-server`:
        return json(asMetadata);
      case `GET ${AS}/jwks`:
        return json({ keys: [asPublicJwk] });
      case `POST ${AS}/token`:
        return token(url, init);
      case `POST ${ISSUER}/nonce`: {
        const cNonce = randomText();
        nonces.set(cNonce, state.now);
        state.noncesIssued.push(cNonce);
        return json(issuer.createNonceResponse({ cNonce, cNonceExpiresIn: NONCE_TTL_S }));
      }
      case `POST ${ISSUER}/credential`:
        return credential(url, init);
      case `GET ${TRUST_LIST_URL}`:
        return trustList();
    }
    const offer = offerObjects.get(url);
    if (offer && (init.method ?? 'GET') === 'GET') return json(offer);
    return new Response('not found', { status: 404 });
  }

  routeFetch = async (url, init = {}) => {
    const response = await answer(url, init);
    const responseBody = await response.text();
    state.exchanges.push({ method: init.method ?? 'GET', url, requestBody: typeof init.body === 'string' ? init.body : '', status: response.status, responseBody });
    return new Response(responseBody, { status: response.status, headers: response.headers });
  };
  return state;
}
