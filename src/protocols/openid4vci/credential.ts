/**
 * Credential request, OpenID4VCI 1.0 §8: POST JSON with the access token (§8.2: Bearer, or DPoP
 * with a proof carrying `ath` after a sign-in, RFC 9449 §7.1),
 * `credential_configuration_id` and `proofs.jwt` (one key proof, Appendix F.1). The answer
 * (§8.3) is 200 with `credentials[].credential` and maybe `notification_id`, or 202 with
 * `transaction_id` (and `interval`) when issuance is deferred; then the Deferred Credential
 * Endpoint (§9) is polled with the transaction_id until it answers 200.
 */
import { isJsonObject, type JsonObject } from '../../lib/json-safe';
import { Oid4vciError } from './errors';
import { sendWithAuth, type RequestAuth } from './dpop';
import { expectJson, requireString, type HttpOptions } from './http';

/** §9.2: the default polling interval when the issuer does not say, in seconds. */
export const DEFAULT_DEFERRED_INTERVAL_S = 5;

export type CredentialResponse =
  | { kind: 'issued'; credentials: string[]; notificationId?: string }
  | { kind: 'deferred'; transactionId: string; intervalS: number };

function parseCredentialResponse(status: number, body: JsonObject, url: string): CredentialResponse {
  if (status === 202 || (body.transaction_id !== undefined && body.credentials === undefined)) {
    const transactionId = requireString(body, 'transaction_id', url);
    const interval = typeof body.interval === 'number' && body.interval > 0 ? body.interval : DEFAULT_DEFERRED_INTERVAL_S;
    return { kind: 'deferred', transactionId, intervalS: interval };
  }
  const list = body.credentials;
  if (!Array.isArray(list) || list.length === 0) throw new Oid4vciError('bad-response', `The answer from ${url} has no credentials`, { url });
  const credentials = list.map((c) => {
    if (!isJsonObject(c) || typeof c.credential !== 'string' || c.credential === '') throw new Oid4vciError('bad-response', `The answer from ${url} has a credential that is not text`, { url });
    return c.credential;
  });
  const out: CredentialResponse = { kind: 'issued', credentials };
  if (typeof body.notification_id === 'string') out.notificationId = body.notification_id;
  return out;
}

/**
 * A bare string is a Bearer token (the pre-authorised flow); an object is a signed-in token, with
 * its DPoP session and the §6.2 credential_identifiers by configuration id when the AS gave them.
 */
export type TokenAuth = string | (RequestAuth & { accessToken: string; credentialIdentifiers?: Record<string, string[]> });

const authOf = (token: TokenAuth): RequestAuth => (typeof token === 'string' ? { accessToken: token } : token);

async function postJson(url: string, token: TokenAuth, body: unknown, options: HttpOptions): Promise<CredentialResponse> {
  const result = await sendWithAuth(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) }, authOf(token), options);
  return parseCredentialResponse(result.status, expectJson(result, url, [200, 202]), url);
}

export function requestCredential(credentialEndpoint: string, accessToken: TokenAuth, configurationId: string, proofJwt: string, options: HttpOptions): Promise<CredentialResponse> {
  // §8.2: credential_identifier when the token response named identifiers for this configuration, else its id.
  const identifier = typeof accessToken === 'string' ? undefined : accessToken.credentialIdentifiers?.[configurationId]?.[0];
  const which = identifier !== undefined ? { credential_identifier: identifier } : { credential_configuration_id: configurationId };
  return postJson(credentialEndpoint, accessToken, { ...which, proofs: { jwt: [proofJwt] } }, options);
}

/**
 * A credential that is not bound to a key (§8.2: `proofs` is left out when the configuration has no
 * proof_types_supported): Satchel's paper card, asked for with the token of its credential.
 */
export function requestUnboundCredential(credentialEndpoint: string, accessToken: TokenAuth, configurationId: string, options: HttpOptions): Promise<CredentialResponse> {
  return postJson(credentialEndpoint, accessToken, { credential_configuration_id: configurationId }, options);
}

export function requestDeferredCredential(deferredEndpoint: string, accessToken: TokenAuth, transactionId: string, options: HttpOptions): Promise<CredentialResponse> {
  return postJson(deferredEndpoint, accessToken, { transaction_id: transactionId }, options);
}
