/**
 * The steps of the Pre-Authorized Code flow (OpenID4VCI 1.0 §3.5, figure 3 without the
 * authorisation request), each small enough for the wallet to save progress between them:
 *
 *   1. resolveOffer:     offer by value or by reference (§4.1) → issuer metadata (§12.2)
 *   2. redeemOffer:      AS metadata (RFC 8414) → token request with tx_code (§6)
 *   3. obtainCredential: c_nonce (§7) → key proof (Appendix F.1) → credential request (§8),
 *                        one retry with a fresh nonce on `invalid_nonce` (§8.3.1.2)
 *   4. pollDeferred:     deferred credential request (§9) when step 3 gave a transaction_id
 */
import { Oid4vciError } from './errors';
import type { HttpOptions } from './http';
import { fetchAuthorizationServerMetadata, fetchIssuerMetadata, pickAuthorizationServer, type IssuerMetadata } from './metadata';
import { requestNonce } from './nonce';
import { fetchOffer, parseOfferInput, type CredentialOffer } from './offer';
import { createKeyProof } from './proof';
import { requestToken, type AccessToken } from './token';
import { requestCredential, requestDeferredCredential, type CredentialResponse } from './credential';

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
  return requestToken(as.tokenEndpoint, resolved.offer.preAuthorizedCode, resolved.offer.txCode ? txCode ?? '' : undefined, http);
}

/** Step 3: one credential of `configurationId`, bound to `holder`. */
export async function obtainCredential(metadata: IssuerMetadata, accessToken: string, configurationId: string, holder: Holder, http: HttpOptions & { now?: () => number }): Promise<CredentialResponse> {
  const attempt = async (): Promise<CredentialResponse> => {
    const nonce = metadata.nonceEndpoint ? await requestNonce(metadata.nonceEndpoint, http) : undefined;
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
export function pollDeferred(metadata: IssuerMetadata, accessToken: string, transactionId: string, http: HttpOptions): Promise<CredentialResponse> {
  if (!metadata.deferredCredentialEndpoint) throw new Oid4vciError('bad-response', 'The issuer deferred the credential but has no deferred credential endpoint');
  return requestDeferredCredential(metadata.deferredCredentialEndpoint, accessToken, transactionId, http);
}
