/**
 * The steps of the Pre-Authorized Code flow (OpenID4VCI 1.0 §3.5) and of the Authorization Code
 * flow (§3.4, HAIP 1.0), each small enough for the wallet to save progress between them:
 *
 *   1. resolveOffer:     offer by value or by reference (§4.1) → issuer metadata (§12.2)
 *   2. redeemOffer:      AS metadata (RFC 8414) → token request with tx_code (§6); or, signing in:
 *      startSignIn:      AS metadata → PKCE + state → PAR (RFC 9126) → the URL to send the browser to
 *      finishSignIn:     the redirect (code, state, iss) → token request with the code, PKCE
 *                        verifier and a DPoP proof (RFC 9449) → a DPoP-bound token
 *   3. obtainCredential: c_nonce (§7) → key proof (Appendix F.1) → credential request (§8),
 *                        one retry with a fresh nonce on `invalid_nonce` (§8.3.1.2)
 *   4. pollDeferred:     deferred credential request (§9) when step 3 gave a transaction_id
 */
import { Oid4vciError } from './errors';
import type { HttpOptions } from './http';
import { authorizationCode, authorizationUrl, createPkce, randomState, readAuthorizationResponse } from './authorize';
import { DpopSession } from './dpop';
import { AUTHORIZATION_CODE_GRANT, fetchAuthorizationServerMetadata, fetchIssuerMetadata, pickAuthorizationServer, type IssuerMetadata } from './metadata';
import { requestNonce } from './nonce';
import { fetchOffer, parseOfferInput, type CredentialOffer } from './offer';
import { createKeyProof } from './proof';
import { requestToken, requestTokenWithCode, type AccessToken } from './token';
import { requestCredential, requestDeferredCredential, type CredentialResponse, type TokenAuth } from './credential';

export interface ResolvedOffer {
  offer: CredentialOffer;
  metadata: IssuerMetadata;
}

export interface Holder {
  publicJwk: JsonWebKey;
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

/** Step 1. */
export async function resolveOffer(input: string | CredentialOffer, http: HttpOptions): Promise<ResolvedOffer> {
  let offer: CredentialOffer;
  if (typeof input === 'string') {
    const parsed = parseOfferInput(input, http.remoteUrls);
    offer = parsed.kind === 'value' ? parsed.offer : await fetchOffer(parsed.uri, http);
  } else {
    offer = input;
  }
  const metadata = await fetchIssuerMetadata(offer.credentialIssuer, http);
  // §4.1.1: every offered configuration must be in the metadata.
  for (const id of offer.configurationIds) {
    if (!metadata.configurations[id]) throw new Oid4vciError('invalid-offer', `The issuer does not describe the offered credential ${id}`);
  }
  return { offer, metadata };
}

/** Step 2. */
export async function redeemOffer(resolved: ResolvedOffer, txCode: string | undefined, http: HttpOptions & { now?: () => number }): Promise<AccessToken> {
  const server = pickAuthorizationServer(resolved.metadata, resolved.offer.authorizationServer);
  const as = await fetchAuthorizationServerMetadata(server, http);
  if (resolved.offer.preAuthorizedCode === undefined) throw new Oid4vciError('invalid-offer', 'The offer has no pre-authorised code: the person signs in instead');
  return requestToken(as.tokenEndpoint, resolved.offer.preAuthorizedCode, resolved.offer.txCode ? txCode ?? '' : undefined, http);
}

/** The wallet as an OAuth public client (RFC 6749 §2.1): its origin URL and its /authorised page. */
export interface WalletClient {
  clientId: string;
  redirectUri: string;
  /** The person's language (BCP 47, e.g. "cy"), asked of the sign-in page as ui_locales. */
  uiLocales?: string;
}

/** What the wallet keeps (encrypted) while the person signs in, to finish with the redirect. */
export interface SignInStart {
  /** Where to send the browser. */
  url: string;
  state: string;
  codeVerifier: string;
  /** The AS the person signs in at (its issuer identifier). */
  authorizationServer: string;
  /** RFC 9207: the AS says its redirect carries `iss` (checked then, even offline). */
  issParameterSupported?: boolean;
}

/**
 * Step 2 when signing in (§5): for `configurationIds` of `metadata`'s issuer, with the offer's
 * issuer_state and authorization_server when there was an offer (wallet-initiated: none).
 */
export async function startSignIn(
  metadata: IssuerMetadata,
  configurationIds: string | readonly string[],
  grant: { issuerState?: string; authorizationServer?: string } | undefined,
  client: WalletClient,
  http: HttpOptions,
): Promise<SignInStart> {
  const credentials = (typeof configurationIds === 'string' ? [configurationIds] : configurationIds).map((configurationId) => {
    const config = metadata.configurations[configurationId];
    if (!config) throw new Oid4vciError('invalid-offer', `The issuer does not describe the credential ${configurationId}`);
    return config.scope !== undefined ? { configurationId, scope: config.scope } : { configurationId };
  });
  const server = pickAuthorizationServer(metadata, grant?.authorizationServer);
  const as = await fetchAuthorizationServerMetadata(server, http, AUTHORIZATION_CODE_GRANT);
  const pkce = await createPkce();
  const state = randomState();
  const url = await authorizationUrl(
    as,
    {
      clientId: client.clientId,
      redirectUri: client.redirectUri,
      state,
      codeChallenge: pkce.challenge,
      ...(grant?.issuerState !== undefined ? { issuerState: grant.issuerState } : {}),
      credentialIssuer: metadata.credentialIssuer,
      credentials,
      separateAuthorizationServer: as.issuer !== metadata.credentialIssuer,
      ...(client.uiLocales ? { uiLocales: client.uiLocales } : {}),
    },
    http,
  );
  const started: SignInStart = { url, state, codeVerifier: pkce.verifier, authorizationServer: as.issuer };
  if (as.issParameterSupported) started.issParameterSupported = true;
  return started;
}

/** The `state` of a redirect back to the wallet, to find what was kept for it (undefined: none). */
export function redirectState(redirectUrl: string): string | undefined {
  return readAuthorizationResponse(redirectUrl).state;
}

/** The code of the redirect, checked against what was kept (state, the AS's iss: authorize.ts); needs no connection. */
export function signInCode(redirectUrl: string, started: Pick<SignInStart, 'state' | 'authorizationServer' | 'issParameterSupported'>): string {
  const as = { issuer: started.authorizationServer, issParameterSupported: started.issParameterSupported === true };
  return authorizationCode(readAuthorizationResponse(redirectUrl), { state: started.state, as });
}

/** What finishSignIn gives: the token and how to present it. */
export interface SignedInToken extends AccessToken {
  /** The DPoP session (key and nonces) the token is bound to; absent for an AS without DPoP (Bearer). */
  dpop?: DpopSession;
}

/**
 * Step 2 after the redirect: a new DPoP key (made now, kept in memory: RFC 9449) and the token
 * request with the code (RFC 6749 §4.1.3, RFC 7636 §4.5).
 */
export async function finishSignIn(code: string, started: Pick<SignInStart, 'codeVerifier' | 'authorizationServer'>, client: WalletClient, http: HttpOptions & { now?: () => number }): Promise<SignedInToken> {
  const as = await fetchAuthorizationServerMetadata(started.authorizationServer, http, AUTHORIZATION_CODE_GRANT);
  // HAIP 1.0 requires DPoP; an AS that does not list dpop_signing_alg_values_supported gets a Bearer request.
  const dpop = as.dpopSigningAlgorithms ? await DpopSession.create(http.now) : undefined;
  const token = await requestTokenWithCode(as.tokenEndpoint, { code, codeVerifier: started.codeVerifier, redirectUri: client.redirectUri, clientId: client.clientId, ...(dpop ? { dpop } : {}) }, http);
  return dpop ? { ...token, dpop } : token;
}

/** How to present a token: a Bearer string, or the token with its DPoP session. */
export function tokenAuth(token: SignedInToken): TokenAuth {
  const auth: Exclude<TokenAuth, string> = { accessToken: token.accessToken };
  if (token.dpop) auth.dpop = token.dpop;
  if (token.credentialIdentifiers) auth.credentialIdentifiers = token.credentialIdentifiers;
  return token.dpop || token.credentialIdentifiers ? auth : token.accessToken;
}

/** Step 3: one credential of `configurationId`, bound to `holder`. */
export async function obtainCredential(metadata: IssuerMetadata, accessToken: TokenAuth, configurationId: string, holder: Holder, http: HttpOptions & { now?: () => number }): Promise<CredentialResponse> {
  // The nonce request carries the DPoP token and proof (not a Bearer token: §7.1 does not ask for one).
  const nonceAuth = typeof accessToken !== 'string' && accessToken.dpop ? accessToken : {};
  const attempt = async (): Promise<CredentialResponse> => {
    const nonce = metadata.nonceEndpoint ? await requestNonce(metadata.nonceEndpoint, http, nonceAuth) : undefined;
    const proof = await createKeyProof({ issuer: metadata.credentialIssuer, nonce, publicJwk: holder.publicJwk, sign: holder.sign, now: http.now });
    return requestCredential(metadata.credentialEndpoint, accessToken, configurationId, proof, http);
  };
  try {
    return await attempt();
  } catch (e) {
    // §8.3.1.2: invalid_nonce → get a fresh c_nonce and try once more.
    if (e instanceof Oid4vciError && e.details.oauthError === 'invalid_nonce') return attempt();
    throw e;
  }
}

/** Step 4: one poll of the deferred endpoint. */
export function pollDeferred(metadata: IssuerMetadata, accessToken: TokenAuth, transactionId: string, http: HttpOptions): Promise<CredentialResponse> {
  if (!metadata.deferredCredentialEndpoint) throw new Oid4vciError('bad-response', 'The issuer deferred the credential but has no deferred credential endpoint');
  return requestDeferredCredential(metadata.deferredCredentialEndpoint, accessToken, transactionId, http);
}
