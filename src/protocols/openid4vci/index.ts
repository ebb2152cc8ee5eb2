/**
 * OpenID4VCI 1.0 client (Pre-Authorized Code and Authorization Code flows, PKCE, PAR, DPoP):
 * pure functions over an injected fetch.
 * See flow.ts for the steps; each file cites the sections it implements.
 */
export { Oid4vciError, type Oid4vciErrorKind } from './errors';
export { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, MAX_RESPONSE_CHARS, urlProblem, type Fetch, type HttpOptions } from './http';
export { parseOfferInput, parseOfferObject, fetchOffer, isAcceptableUrl, PRE_AUTHORIZED_GRANT, type CredentialOffer, type OfferInput, type TxCodeSpec } from './offer';
export { wellKnownUrl, fetchIssuerMetadata, parseIssuerMetadata, fetchAuthorizationServerMetadata, pickAuthorizationServer, type IssuerMetadata, type CredentialConfigurationMetadata, type ClaimMetadata, type Display, type AuthorizationServerMetadata, AUTHORIZATION_CODE_GRANT } from './metadata';
export { requestToken, requestTokenWithCode, type AccessToken, type CodeTokenRequest } from './token';
export { createPkce, pkceChallenge, randomState, authorizationParameters, pushAuthorizationRequest, authorizationUrl, readAuthorizationResponse, authorizationCode, type Pkce, type AuthorizationRequest, type AuthorizationResponse } from './authorize';
export { createDpopKey, createDpopProof, accessTokenHash, dpopHtu, asksForDpopNonce, sendWithAuth, DpopSession, DPOP_TYP, type DpopKey, type DpopProofInput, type RequestAuth } from './dpop';
export { requestNonce } from './nonce';
export { createKeyProof, PROOF_TYP, type KeyProofInput } from './proof';
export { requestCredential, requestUnboundCredential, requestDeferredCredential, DEFAULT_DEFERRED_INTERVAL_S, type CredentialResponse, type TokenAuth } from './credential';
export { sendNotification, type NotificationEvent } from './notification';
export { resolveOffer, redeemOffer, obtainCredential, pollDeferred, startSignIn, redirectState, signInCode, finishSignIn, tokenAuth, type ResolvedOffer, type Holder, type WalletClient, type SignInStart, type SignedInToken } from './flow';
