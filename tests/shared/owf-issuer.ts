/**
 * An OpenID4VCI 1.0 issuer and OAuth 2.0 authorization server that Satchel did not write, for
 * interop tests of the authorization code flow (OpenID4VCI 1.0 §3.4, §5; HAIP 1.0): the
 * OpenWallet Foundation's oid4vc-ts 0.4.6 (`Oauth2AuthorizationServer`, `Oauth2ResourceServer`
 * from @openid4vc/oauth2, `Openid4vciIssuer` from @openid4vc/openid4vci), crypto callbacks done
 * with `jose` and node:crypto, credentials signed by @sd-jwt/sd-jwt-vc 0.19.
 *
 * It REQUIRES what HAIP 1.0 asks of a wallet:
 * - PAR (RFC 9126): the metadata says `require_pushed_authorization_requests`; the authorization
 *   endpoint takes only `client_id` + a pushed `request_uri` (one use, 60 s).
 * - PKCE S256 (RFC 7636 §4.2): a pushed request without `code_challenge` or with method `plain` is
 *   `invalid_request`; the token request's `code_verifier` is checked by the library.
 * - DPoP (RFC 9449): the token request must carry a proof (the library's `dpop.required`), the
 *   access token is DPoP-bound (`token_type: DPoP`, `cnf.jkt`), and the credential endpoint
 *   accepts only the `DPoP` scheme with a proof carrying `ath` (the library's verifyResourceRequest).
 *   Both servers require a DPoP nonce (§8 at the token endpoint, §9 at the credential endpoint),
 *   each its own: a proof without the current one is answered `use_dpop_nonce` with a `DPoP-Nonce`
 *   header. A proof's `jti` is good once (§11.1) and its `iat` must be within 5 minutes (§4.3).
 * It does not ask for wallet attestation (attestation-based client authentication, which HAIP 1.0
 * also expects and the library could check with verifyClientAttestation): Satchel is a public
 * client without a wallet provider to attest it, by design (docs/issuers.md).
 *
 * What the library decides is the library's: parsing the pushed request
 * (`parsePushedAuthorizationRequest`, `verifyPushedAuthorizationRequest`, with a DPoP proof or
 * `dpop_jkt` if the wallet sends one at PAR — Satchel does not; its DPoP key is made after the
 * redirect), the `request_uri` reference (`parsePushedAuthorizationRequestUriReferenceValue`),
 * the token request (`parseAccessTokenRequest`, `verifyAuthorizationCodeAccessTokenRequest`: code,
 * PKCE, DPoP), the DPoP-bound access token (`createAccessTokenResponse`), the resource request
 * (`verifyResourceRequest`), the credential request (`parseCredentialRequest`,
 * `verifyCredentialRequestJwtProof`) and the response (`createCredentialResponse`).
 *
 * What oid4vc-ts 0.4.6 leaves to the server, and so is written here (each line cites its rule):
 * - the authorization endpoint itself and the login: the library has no "authorization response"
 *   maker for the redirect flow (only for its authorization challenge), so `signIn(url)` plays the
 *   person signing in and builds the redirect `code`, `state`, `iss` (RFC 6749 §4.1.2, RFC 9207);
 * - requiring PKCE S256 at PAR, matching `redirect_uri` and `client_id` between the authorization
 *   and token requests (RFC 6749 §4.1.3), and single use of codes and request_uris;
 * - DPoP nonces (the library checks a nonce only when told which; choosing and demanding one is
 *   the server's), `jti` replay and `iat` freshness;
 * - which credential a token may fetch (`authorization_details` → `credential_identifiers`,
 *   OpenID4VCI 1.0 §6.2, §8.2) and the c_nonce store (§7).
 *
 * Nothing listens on a port: `fetch` routes requests in-process, on https origins (so the
 * production remote-URL policy applies unchanged):
 *
 *   https://issuer.owf.example   issuer metadata (§12.2), nonce (§7), credential (§8)
 *   https://login.owf.example    AS metadata (RFC 8414), PAR, authorize, token, JWKS (RFC 9068)
 *   https://trust.owf.example    the signed trust list naming the issuer (Satchel's format)
 */
import {
  authorizationCodeGrantIdentifier,
  decodeJwt,
  Oauth2AuthorizationServer,
  Oauth2ResourceServer,
  Oauth2ResourceUnauthorizedError,
  Oauth2ServerErrorResponseError,
  parsePushedAuthorizationRequestUriReferenceValue,
  pushedAuthorizationRequestUriPrefix,
  type CallbackContext,
  type Jwk,
  type RequestLike,
} from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciIssuer, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createHash, randomBytes } from 'node:crypto';
import { CompactSign, compactVerify, exportJWK, generateKeyPair, importJWK } from 'jose';
import { prepareTrustList, type PublicJwk } from '../../src/credentials/index';

export const OWF_ISSUER = 'https://issuer.owf.example';
export const OWF_AS = 'https://login.owf.example';
export const OWF_TRUST_LIST_URL = 'https://trust.owf.example/trust-list.jwt';
export const OWF_VCT = 'https://issuer.owf.example/credentials/basic-disclosure';
export const OWF_CONFIGURATION_ID = 'basic_disclosure';
export const OWF_ISSUER_NAME = { en: 'Interop Disclosure Service', cy: 'Gwasanaeth Datgelu Interop' };
/** The claims every credential carries (the person who signed in). */
export const OWF_SUBJECT = { given_name: 'Ada', family_name: 'Jones', certificate_number: '001122334455' };

const AS_KID = 'as-1';
const NONCE_TTL_S = 300;
const REQUEST_URI_TTL_S = 60;
const CODE_TTL_S = 60;
/** RFC 9449 §4.3 check 11: how far a DPoP proof's iat may be from now. */
const DPOP_IAT_WINDOW_S = 300;

export interface OwfIssuerOptions {
  /**
   * Give the configuration a `scope` (OpenID4VCI 1.0 §12.2.4), so that a wallet asks by scope;
   * without it a wallet must use `authorization_details` (§5.1.1).
   */
  scope?: string;
}

/** One request and its answer, for assertions on the wire format. */
export interface OwfExchange {
  method: string;
  url: string;
  /** Lower-case header names. */
  requestHeaders: Record<string, string>;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

/** A pushed authorization request as the AS kept it (RFC 9126 §2.1). */
export interface PushedRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  issuerState?: string;
  codeChallenge: string;
  scope?: string;
  /** RFC 9396 / OpenID4VCI 1.0 §5.1.1, parsed. */
  authorizationDetails?: { type: string; credential_configuration_id?: string }[];
  /** The DPoP key's thumbprint when the wallet bound one at PAR (RFC 9449 §10). */
  dpopJkt?: string;
  /** All parameters as sent. */
  parameters: Record<string, string>;
}

export interface OwfIssuer {
  /** For the wallet (and the library's own client): answers every request in-process. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Satchel's receiver configuration: the operator's trust list and its pinned key. */
  config: { trustListUrl: string; trustListKeys: PublicJwk[] };
  /** The issuer's public key (what the trust list names), to verify issued credentials. */
  issuerPublicJwk: PublicJwk;
  /** A credential offer with the `authorization_code` grant and an `issuer_state` (§4.1.1). */
  createOffer(options?: { authorizationServer?: boolean }): Promise<{ text: string; issuerState: string }>;
  /**
   * The person signs in at the authorization endpoint `url` (what the browser does): answers the
   * redirect back to the wallet (RFC 6749 §4.1.2, with RFC 9207 `iss`); `deny` answers
   * `access_denied` (§4.1.2.1). Throws when the request is not one the AS would show a login for.
   */
  signIn(url: string, options?: { deny?: boolean }): Promise<string>;
  /** Requests and answers so far. */
  exchanges: OwfExchange[];
  /** Pushed authorization requests, in order. */
  pushed: PushedRequest[];
  /** c_nonce values handed out by the nonce endpoint, in order. */
  noncesIssued: string[];
  /** Credentials issued (compact SD-JWT VCs). */
  issued: string[];
  /** The current DPoP nonces (RFC 9449 §8 AS, §9 resource server); tests rotate them. */
  dpopNonce: { as: string; rs: string };
  rotateDpopNonces(): void;
  /** The clock both servers use (ms); tests move it. */
  now: number;
}

interface CodeGrant {
  code: string;
  request: PushedRequest;
  expiresAt: number;
  used: boolean;
}

interface TokenGrant {
  /** Credential identifiers (§6.2) mapped to their configuration ids. */
  identifiers: Map<string, string>;
  /** Configurations a scope allows (when no authorization_details were used). */
  scoped: Set<string>;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });

const randomText = (bytes = 16) => randomBytes(bytes).toString('base64url');

function headersObject(headers: Headers): Record<string, string> {
  const object: Record<string, string> = {};
  headers.forEach((value, name) => (object[name] = value));
  return object;
}

export async function createOwfIssuer(options: OwfIssuerOptions = {}): Promise<OwfIssuer> {
  // ── keys ────────────────────────────────────────────────────────────────────────────────────
  const asKeys = await generateKeyPair('ES256', { extractable: true });
  const asPublicJwk = { ...(await exportJWK(asKeys.publicKey)), kid: AS_KID, use: 'sig', alg: 'ES256' } as Jwk;
  const issuerKeys = await ES256.generateKeyPair();
  const operator = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const operatorJwk = await crypto.subtle.exportKey('jwk', operator.publicKey);
  const operatorPublic: PublicJwk = { kty: operatorJwk.kty, crv: operatorJwk.crv, x: operatorJwk.x, y: operatorJwk.y, kid: 'operator-1' };
  const { kty, crv, x, y } = issuerKeys.publicKey as JsonWebKey;
  const issuerPublic: PublicJwk = { kty, crv, x, y };

  // ── oid4vc-ts's crypto callbacks ────────────────────────────────────────────────────────────
  let routeFetch: (request: Request) => Promise<Response> = () => Promise.reject(new Error('not ready'));
  const callbacks: Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> = {
    hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    // A public client (RFC 6749 §2.1): no client authentication.
    clientAuthentication: () => undefined,
    fetch: (input, init) => routeFetch(new Request(input as string, init as RequestInit)),
    signJwt: async (signer, jwt) => {
      // Only the AS signs through the library (its RFC 9068 access tokens); credentials by @sd-jwt.
      if (signer.method !== 'jwk' || signer.publicJwk.kid !== AS_KID) throw new Error('unknown signer');
      const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload)))
        .setProtectedHeader({ ...jwt.header, alg: 'ES256', kid: AS_KID })
        .sign(asKeys.privateKey);
      return { jwt: compact, signerJwk: asPublicJwk };
    },
    // ES256 only (HAIP 1.0): DPoP proofs, key proofs and the AS's own access tokens.
    verifyJwt: async (signer, jwt) => {
      if (signer.method !== 'jwk' || signer.alg !== 'ES256') return { verified: false };
      try {
        await compactVerify(jwt.compact, await importJWK(signer.publicJwk as Parameters<typeof importJWK>[0], 'ES256'), { algorithms: ['ES256'] });
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
    issuer: OWF_AS,
    authorization_endpoint: `${OWF_AS}/authorize`,
    token_endpoint: `${OWF_AS}/token`,
    pushed_authorization_request_endpoint: `${OWF_AS}/par`,
    require_pushed_authorization_requests: true,
    code_challenge_methods_supported: ['S256'],
    dpop_signing_alg_values_supported: ['ES256'],
    grant_types_supported: [authorizationCodeGrantIdentifier],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    authorization_response_iss_parameter_supported: true,
    authorization_details_types_supported: ['openid_credential'],
    jwks_uri: `${OWF_AS}/jwks`,
  });
  const issuerMetadata = issuer.createCredentialIssuerMetadata({
    credential_issuer: OWF_ISSUER,
    credential_endpoint: `${OWF_ISSUER}/credential`,
    nonce_endpoint: `${OWF_ISSUER}/nonce`,
    authorization_servers: [OWF_AS],
    display: [{ name: OWF_ISSUER_NAME.en, locale: 'en-GB' }, { name: OWF_ISSUER_NAME.cy, locale: 'cy-GB' }],
    credential_configurations_supported: {
      [OWF_CONFIGURATION_ID]: {
        format: 'dc+sd-jwt',
        vct: OWF_VCT,
        ...(options.scope ? { scope: options.scope } : {}),
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
        credential_metadata: {
          display: [{ name: 'Basic disclosure', locale: 'en-GB' }, { name: 'Datgeliad sylfaenol', locale: 'cy-GB' }],
          claims: [
            { path: ['given_name'], display: [{ name: 'Given name', locale: 'en-GB' }, { name: 'Enw cyntaf', locale: 'cy-GB' }] },
            { path: ['family_name'], display: [{ name: 'Family name', locale: 'en-GB' }, { name: 'Cyfenw', locale: 'cy-GB' }] },
            { path: ['certificate_number'], display: [{ name: 'Certificate number', locale: 'en-GB' }, { name: 'Rhif y dystysgrif', locale: 'cy-GB' }] },
          ],
        },
      },
    },
  });

  const issuerStates = new Set<string>();
  const pushedRequests = new Map<string, { request: PushedRequest; expiresAt: number }>();
  const codes = new Map<string, CodeGrant>();
  const grants = new Map<string, TokenGrant>();
  const nonces = new Map<string, number>();
  const seenJtis = new Set<string>();
  const sdjwt = new SDJwtVcInstance({ signer: await ES256.getSigner(issuerKeys.privateKey), signAlg: ES256.alg, hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt });

  const state: OwfIssuer = {
    now: Date.now(),
    exchanges: [],
    pushed: [],
    noncesIssued: [],
    issued: [],
    dpopNonce: { as: randomText(), rs: randomText() },
    rotateDpopNonces() {
      state.dpopNonce = { as: randomText(), rs: randomText() };
    },
    config: { trustListUrl: OWF_TRUST_LIST_URL, trustListKeys: [operatorPublic] },
    issuerPublicJwk: issuerPublic,
    fetch: (input, init) => routeFetch(new Request(input, init)),
    async createOffer(offerOptions = {}) {
      const issuerState = randomText();
      issuerStates.add(issuerState);
      const { credentialOffer } = await issuer.createCredentialOffer({
        issuerMetadata: await metadataResult(),
        credentialConfigurationIds: [OWF_CONFIGURATION_ID],
        // §4.1.1: issuer_state ties the authorization request to this offer; authorization_server
        // only when the issuer names more than one (here: said on request, to test the wallet reads it).
        grants: { [authorizationCodeGrantIdentifier]: { issuer_state: issuerState, ...(offerOptions.authorizationServer ? { authorization_server: OWF_AS } : {}) } },
      });
      return { text: credentialOffer, issuerState };
    },
    signIn: async (url, signInOptions = {}) => signIn(url, signInOptions.deny ?? false),
  };

  let resolved: IssuerMetadataResult | undefined;
  const metadataResult = async () => (resolved ??= await new Openid4vciClient({ callbacks }).resolveIssuerMetadata(OWF_ISSUER));

  const requestLike = (request: Request): RequestLike => ({ url: request.url, method: request.method as RequestLike['method'], headers: request.headers });

  /** OAuth error responses as the library builds them (RFC 6749 §5.2; RFC 9126 §2.3; OpenID4VCI §8.3.1). */
  const oauthError = (e: unknown): Response => {
    if (e instanceof Oauth2ServerErrorResponseError) return json(e.errorResponse, e.status || 400);
    throw e;
  };
  const fail = (error: string, description: string, status = 400) => new Oauth2ServerErrorResponseError({ error, error_description: description }, { status });

  /** RFC 9449 §11.1 (a proof's jti is good once) and §4.3 check 11 (iat near now). */
  function checkProofFreshness(dpopJwt: string): void {
    const { payload } = decodeJwt({ jwt: dpopJwt });
    const jti = typeof payload.jti === 'string' ? payload.jti : '';
    if (!jti || seenJtis.has(jti)) throw fail('invalid_dpop_proof', 'The DPoP proof was used before (jti)');
    if (typeof payload.iat !== 'number' || Math.abs(payload.iat - state.now / 1000) > DPOP_IAT_WINDOW_S) throw fail('invalid_dpop_proof', 'The DPoP proof iat is not recent');
    seenJtis.add(jti);
  }

  /** The nonce a DPoP proof carries (unverified: only to decide whether to ask for the current one). */
  function proofNonce(dpopJwt: string): string | undefined {
    try {
      const { payload } = decodeJwt({ jwt: dpopJwt });
      return typeof payload.nonce === 'string' ? payload.nonce : undefined;
    } catch {
      return undefined;
    }
  }

  // ── PAR (RFC 9126 §2) ───────────────────────────────────────────────────────────────────────
  async function par(request: Request): Promise<Response> {
    try {
      const form = Object.fromEntries(new URLSearchParams(await request.text()));
      const parsed = await authorizationServer.parsePushedAuthorizationRequest({ request: requestLike(request), authorizationRequest: form });
      const verified = await authorizationServer.verifyPushedAuthorizationRequest({
        authorizationServerMetadata: asMetadata,
        authorizationRequest: parsed.authorizationRequest,
        request: requestLike(request),
        dpop: parsed.dpop ? { jwt: parsed.dpop.jwt, jwkThumbprint: parsed.dpop.jwkThumbprint, allowedSigningAlgs: ['ES256'] } : undefined,
        now: new Date(state.now),
      });
      const ar = parsed.authorizationRequest;
      // RFC 6749 §4.1.1 / OpenID4VCI 1.0 §5.1: the code flow.
      if (ar.response_type !== 'code') throw fail('unsupported_response_type', 'Only response_type=code is supported');
      // RFC 7636 §4.4.1 / HAIP 1.0: PKCE with S256 is required; plain is refused.
      if (!ar.code_challenge) throw fail('invalid_request', 'PKCE is required: code_challenge is missing');
      if (ar.code_challenge_method !== 'S256') throw fail('invalid_request', 'PKCE code_challenge_method must be S256');
      // A public client with no registration: the redirect must be on the client_id's own https origin.
      if (!ar.redirect_uri) throw fail('invalid_request', 'redirect_uri is required');
      if (!sameHttpsOrigin(ar.redirect_uri, ar.client_id)) throw fail('invalid_request', 'redirect_uri must be on the client_id origin');
      // OpenID4VCI 1.0 §5.1.3: issuer_state, when sent, must be one this issuer put in an offer.
      if (ar.issuer_state !== undefined && !issuerStates.has(ar.issuer_state)) throw fail('invalid_request', 'Unknown issuer_state');
      const authorizationDetails = parseAuthorizationDetails(form.authorization_details);
      // What is asked for (§5.1.1 authorization_details, §5.1.2 scope) must be known here.
      const scoped = scopedConfigurations(ar.scope);
      if (!authorizationDetails.length && !scoped.size) throw fail('invalid_scope', 'Ask for a credential by authorization_details or scope');
      for (const detail of authorizationDetails) {
        if (detail.type !== 'openid_credential' || detail.credential_configuration_id !== OWF_CONFIGURATION_ID) throw fail('invalid_authorization_details', 'Unknown authorization_details');
      }
      const kept: PushedRequest = {
        clientId: ar.client_id,
        redirectUri: ar.redirect_uri,
        codeChallenge: ar.code_challenge,
        parameters: form,
        ...(ar.state !== undefined ? { state: ar.state } : {}),
        ...(ar.issuer_state !== undefined ? { issuerState: ar.issuer_state } : {}),
        ...(ar.scope !== undefined ? { scope: ar.scope } : {}),
        ...(authorizationDetails.length ? { authorizationDetails } : {}),
        ...(verified.dpop?.jwkThumbprint ? { dpopJkt: verified.dpop.jwkThumbprint } : {}),
      };
      const reference = randomText();
      pushedRequests.set(reference, { request: kept, expiresAt: state.now + REQUEST_URI_TTL_S * 1000 });
      state.pushed.push(kept);
      const { pushedAuthorizationResponse } = authorizationServer.createPushedAuthorizationResponse({ requestUri: `${pushedAuthorizationRequestUriPrefix}${reference}`, expiresInSeconds: REQUEST_URI_TTL_S });
      // RFC 9126 §2.2: 201 Created.
      return json(pushedAuthorizationResponse, 201);
    } catch (e) {
      return oauthError(e);
    }
  }

  function parseAuthorizationDetails(text: string | undefined): { type: string; credential_configuration_id?: string }[] {
    if (text === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw fail('invalid_authorization_details', 'authorization_details is not JSON');
    }
    // RFC 9396 §2: a JSON array of objects, each with a type.
    if (!Array.isArray(value) || !value.length || value.some((d) => typeof d !== 'object' || d === null || typeof (d as { type?: unknown }).type !== 'string')) {
      throw fail('invalid_authorization_details', 'authorization_details must be an array of objects with a type');
    }
    return value as { type: string; credential_configuration_id?: string }[];
  }

  function scopedConfigurations(scope: string | undefined): Set<string> {
    const asked = new Set((scope ?? '').split(' ').filter(Boolean));
    return new Set(options.scope && asked.has(options.scope) ? [OWF_CONFIGURATION_ID] : []);
  }

  // ── the authorization endpoint and the login (RFC 9126 §4, RFC 6749 §4.1.2) ─────────────────
  function signIn(url: string, deny: boolean): string {
    const asked = new URL(url);
    if (`${asked.origin}${asked.pathname}` !== `${OWF_AS}/authorize`) throw new Error(`Not this AS's authorization endpoint: ${url}`);
    const clientId = asked.searchParams.get('client_id');
    const requestUri = asked.searchParams.get('request_uri');
    // RFC 9126 §4 and require_pushed_authorization_requests: only client_id and a pushed request_uri.
    if (!clientId || !requestUri) throw new Error('The authorization request must carry client_id and request_uri (PAR is required)');
    const reference = parsePushedAuthorizationRequestUriReferenceValue({ uri: requestUri });
    const pushed = pushedRequests.get(reference);
    if (!pushed) throw new Error('Unknown or used request_uri');
    pushedRequests.delete(reference);
    if (state.now > pushed.expiresAt) throw new Error('The request_uri has expired');
    if (pushed.request.clientId !== clientId) throw new Error('client_id does not match the pushed request');
    const redirect = new URL(pushed.request.redirectUri);
    if (deny) {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_description', 'The person did not sign in');
    } else {
      const code = randomText();
      codes.set(code, { code, request: pushed.request, expiresAt: state.now + CODE_TTL_S * 1000, used: false });
      redirect.searchParams.set('code', code);
    }
    if (pushed.request.state !== undefined) redirect.searchParams.set('state', pushed.request.state);
    // RFC 9207 §2: the AS says who it is, so a wallet can tell mix-ups.
    redirect.searchParams.set('iss', OWF_AS);
    return redirect.toString();
  }

  // ── token (RFC 6749 §4.1.3, RFC 7636 §4.5, RFC 9449 §5, OpenID4VCI 1.0 §6) ──────────────────
  async function token(request: Request): Promise<Response> {
    try {
      const form = Object.fromEntries(new URLSearchParams(await request.text()));
      const parsed = authorizationServer.parseAccessTokenRequest({ request: requestLike(request), accessTokenRequest: form });
      if (parsed.grant.grantType !== authorizationCodeGrantIdentifier) throw fail('unsupported_grant_type', 'Only the authorization_code grant is offered');
      // RFC 9449 §8: a proof without the current nonce is asked to try again with it; the code is kept.
      if (parsed.dpop?.jwt && proofNonce(parsed.dpop.jwt) !== state.dpopNonce.as) {
        return json({ error: 'use_dpop_nonce', error_description: 'Authorization server requires nonce in DPoP proof' }, 400, { 'DPoP-Nonce': state.dpopNonce.as });
      }
      const grant = codes.get(parsed.grant.code);
      if (!grant || grant.used) throw fail('invalid_grant', 'Unknown or used code');
      // A code is good for one attempt (RFC 6749 §4.1.2).
      grant.used = true;
      // RFC 6749 §4.1.3: a public client names itself, and the redirect_uri is the one authorized.
      if (form.client_id !== grant.request.clientId) throw fail('invalid_grant', 'client_id does not match the authorization request');
      if (form.redirect_uri !== grant.request.redirectUri) throw fail('invalid_grant', 'redirect_uri does not match the authorization request');
      const verified = await authorizationServer.verifyAuthorizationCodeAccessTokenRequest({
        authorizationServerMetadata: asMetadata,
        grant: parsed.grant,
        accessTokenRequest: parsed.accessTokenRequest,
        request: requestLike(request),
        expectedCode: grant.code,
        codeExpiresAt: new Date(grant.expiresAt),
        now: new Date(state.now),
        pkce: { codeVerifier: parsed.pkceCodeVerifier, codeChallenge: grant.request.codeChallenge, codeChallengeMethod: 'S256' as never },
        dpop: { required: true, jwt: parsed.dpop?.jwt, allowedSigningAlgs: ['ES256'], ...(grant.request.dpopJkt ? { expectedJwkThumbprint: grant.request.dpopJkt } : {}) },
      });
      checkProofFreshness(parsed.dpop!.jwt);
      const subject = randomText(8);
      const identifiers = new Map<string, string>();
      const authorizationDetails = (grant.request.authorizationDetails ?? []).map((detail) => {
        // §6.2: each authorized configuration gets identifiers the credential request must use (§8.2).
        const identifier = `${detail.credential_configuration_id}-${randomText(6)}`;
        identifiers.set(identifier, detail.credential_configuration_id!);
        return { type: 'openid_credential', credential_configuration_id: detail.credential_configuration_id, credential_identifiers: [identifier] };
      });
      grants.set(subject, { identifiers, scoped: scopedConfigurations(grant.request.scope) });
      const response = await authorizationServer.createAccessTokenResponse({
        authorizationServer: OWF_AS,
        audience: OWF_ISSUER,
        signer: { method: 'jwk', alg: 'ES256', publicJwk: asPublicJwk },
        expiresInSeconds: 600,
        subject,
        clientId: grant.request.clientId,
        // RFC 9449 §5: the token is bound to the proof's key (cnf.jkt) and typed DPoP.
        dpop: { jwk: verified.dpop!.jwk },
        now: new Date(state.now),
        ...(grant.request.scope ? { scope: grant.request.scope } : {}),
        ...(authorizationDetails.length ? { additionalAccessTokenResponsePayload: { authorization_details: authorizationDetails } } : {}),
      });
      return json(response, 200, { 'DPoP-Nonce': state.dpopNonce.as });
    } catch (e) {
      return oauthError(e);
    }
  }

  // ── credential (OpenID4VCI 1.0 §8, RFC 9449 §7, §9) ─────────────────────────────────────────
  async function credential(request: Request): Promise<Response> {
    const metadata = await metadataResult();
    const body = await request.text();
    const dpopHeader = request.headers.get('DPoP');
    // RFC 9449 §9: the resource server's own nonce, asked for with a 401 and a DPoP challenge.
    if (dpopHeader && proofNonce(dpopHeader) !== state.dpopNonce.rs) {
      const challenge = new Oauth2ResourceUnauthorizedError(undefined, { scheme: 'DPoP', error: 'use_dpop_nonce', error_description: 'Resource server requires nonce in DPoP proof' });
      return json({ error: 'use_dpop_nonce' }, 401, { 'WWW-Authenticate': challenge.toHeaderValue(), 'DPoP-Nonce': state.dpopNonce.rs });
    }
    let grant: TokenGrant | undefined;
    try {
      const verified = await resourceServer.verifyResourceRequest({
        request: requestLike(request),
        resourceServer: OWF_ISSUER,
        authorizationServers: metadata.authorizationServers,
        // HAIP 1.0: sender-constrained tokens only; a DPoP token presented as Bearer is refused.
        allowedAuthenticationSchemes: ['DPoP' as never],
        now: new Date(state.now),
      });
      checkProofFreshness(dpopHeader!);
      grant = grants.get(verified.tokenPayload.sub ?? '');
    } catch (e) {
      if (e instanceof Oauth2ResourceUnauthorizedError) return json({ error: e.wwwAuthenticateHeaders[0]?.error ?? 'invalid_token' }, 401, { 'WWW-Authenticate': e.toHeaderValue() });
      if (e instanceof Oauth2ServerErrorResponseError) return json({ error: e.errorResponse.error }, 401, { 'WWW-Authenticate': new Oauth2ResourceUnauthorizedError(undefined, { scheme: 'DPoP', error: e.errorResponse.error, error_description: e.errorResponse.error_description }).toHeaderValue() });
      throw e;
    }
    try {
      if (!grant) throw fail('invalid_token', 'Unknown access token', 401);
      const parsed = issuer.parseCredentialRequest({ issuerMetadata: metadata, credentialRequest: JSON.parse(body) as Record<string, unknown> });
      // §8.2: credential_identifier when the token response gave identifiers, else credential_configuration_id.
      if (grant.identifiers.size) {
        if (!parsed.credentialIdentifier || !grant.identifiers.has(parsed.credentialIdentifier)) throw fail('invalid_credential_request', 'Use a credential_identifier from the token response');
      } else if (!parsed.credentialConfigurationId || !grant.scoped.has(parsed.credentialConfigurationId)) {
        throw fail('invalid_credential_request', 'This access token does not cover that credential configuration');
      }
      const proof = parsed.proofs?.jwt?.[0];
      if (!proof) throw fail('invalid_proof', 'A jwt key proof is required');
      // §7: the c_nonce this issuer handed out; each is good once.
      const nonce = proofNonce(proof) ?? '';
      const issuedAt = nonces.get(nonce);
      if (issuedAt === undefined) throw fail('invalid_nonce', 'Unknown c_nonce');
      nonces.delete(nonce);
      const verified = await issuer.verifyCredentialRequestJwtProof({ issuerMetadata: metadata, jwt: proof, expectedNonce: nonce, nonceExpiresAt: new Date(issuedAt + NONCE_TTL_S * 1000), now: new Date(state.now) });
      const { kty: hk, crv: hc, x: hx, y: hy } = verified.signer.publicJwk;
      const nowS = Math.floor(state.now / 1000);
      const compact = await sdjwt.issue(
        { iss: OWF_ISSUER, vct: OWF_VCT, iat: nowS, exp: nowS + 365 * 86400, cnf: { jwk: { kty: hk, crv: hc, x: hx, y: hy } }, ...OWF_SUBJECT },
        { _sd: ['given_name', 'family_name', 'certificate_number'] } as never,
      );
      state.issued.push(compact);
      return json(issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential: compact }] }), 200, { 'DPoP-Nonce': state.dpopNonce.rs });
    } catch (e) {
      return oauthError(e);
    }
  }

  async function trustList(): Promise<Response> {
    const unsigned = prepareTrustList({
      alg: 'ES256',
      kid: operatorPublic.kid,
      operator: 'https://trust.owf.example',
      issuedAt: new Date(state.now),
      expiresAt: new Date(state.now + 30 * 86400_000),
      issuers: [{ id: OWF_ISSUER, name: OWF_ISSUER_NAME, keys: [issuerPublic], types: [OWF_VCT] }],
    });
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, operator.privateKey, new TextEncoder().encode(unsigned.signingInput)));
    return new Response(unsigned.finish(signature), { headers: { 'Content-Type': 'application/jwt', 'Cache-Control': 'max-age=3600' } });
  }

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const route = `${request.method} ${url.origin}${url.pathname}`;
    switch (route) {
      case `GET ${OWF_ISSUER}/.well-known/openid-credential-issuer`:
        return json(issuerMetadata);
      case `GET ${OWF_AS}/.well-known/oauth-authorization-server`:
        return json(asMetadata);
      case `GET ${OWF_AS}/jwks`:
        return json({ keys: [asPublicJwk] });
      case `POST ${OWF_AS}/par`:
        return par(request);
      case `GET ${OWF_AS}/authorize`:
        // What a browser would get after the login page: the redirect back to the wallet.
        try {
          return new Response(null, { status: 302, headers: { Location: signIn(request.url, false) } });
        } catch (e) {
          return new Response(e instanceof Error ? e.message : 'bad request', { status: 400 });
        }
      case `POST ${OWF_AS}/token`:
        return token(request);
      case `POST ${OWF_ISSUER}/nonce`: {
        // §7.1: no access token needed; a fresh c_nonce each time.
        const cNonce = randomText();
        nonces.set(cNonce, state.now);
        state.noncesIssued.push(cNonce);
        return json(issuer.createNonceResponse({ cNonce, cNonceExpiresIn: NONCE_TTL_S }));
      }
      case `POST ${OWF_ISSUER}/credential`:
        return credential(request);
      case `GET ${OWF_TRUST_LIST_URL}`:
        return trustList();
    }
    return new Response('not found', { status: 404 });
  }

  routeFetch = async (request) => {
    const requestBody = request.method === 'GET' ? '' : await request.clone().text();
    const response = await answer(request);
    const responseBody = await response.text();
    state.exchanges.push({
      method: request.method,
      url: request.url,
      requestHeaders: headersObject(request.headers),
      requestBody,
      status: response.status,
      responseHeaders: headersObject(response.headers),
      responseBody,
    });
    return new Response(response.status === 302 ? null : responseBody, { status: response.status, headers: response.headers });
  };
  return state;
}

function sameHttpsOrigin(a: string, b: string): boolean {
  try {
    const first = new URL(a);
    return first.protocol === 'https:' && first.origin === new URL(b).origin;
  } catch {
    return false;
  }
}
