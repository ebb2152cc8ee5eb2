/**
 * Credential offers, OpenID4VCI 1.0 §4.1: read from a scanned QR payload, a pasted
 * `openid-credential-offer://` URL, or an app link (`https://wallet/offer?credential_offer=…` or
 * `…?credential_offer_uri=…`); by value (§4.1.1, `credential_offer`) or by reference (§4.1.3,
 * `credential_offer_uri`, fetched with GET and answered as application/json). Two grants
 * (§4.1.1): the pre-authorised code (`urn:ietf:params:oauth:grant-type:pre-authorized_code`, the
 * flow GOV.UK Wallet uses) and `authorization_code` (the person signs in at the issuer's
 * authorisation server, §3.4, with the offer's `issuer_state`). An offer may carry both; the
 * pre-authorised code is then used.
 */
import { isJsonObject, parseJsonObject, type JsonObject } from '../../lib/json-safe';
import { PRODUCTION_POLICY, type RemoteUrlPolicy } from '../../lib/remote-url';
import { Oid4vciError } from './errors';
import { getJson, urlProblem, type HttpOptions } from './http';

export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
/** §4.1.1 / RFC 6749 §4.1.3. */
const AUTHORIZATION_CODE_GRANT = 'authorization_code';
/** Longest offer input accepted (QR payloads and links are far smaller), in characters. */
export const MAX_OFFER_INPUT_CHARS = 16 * 1024;

export interface TxCodeSpec {
  /** §4.1.1 tx_code.input_mode: numeric (default) or text. */
  inputMode: 'numeric' | 'text';
  length?: number;
  description?: string;
}

export interface CredentialOffer {
  credentialIssuer: string;
  configurationIds: string[];
  /** §4.1.1 pre-authorized_code; absent when the offer has only the authorization_code grant. */
  preAuthorizedCode?: string;
  txCode?: TxCodeSpec;
  /** §4.1.1: which of the issuer's authorisation servers to use, when it has several. */
  authorizationServer?: string;
  /** §4.1.1 authorization_code grant: the person signs in (issuer_state and authorization_server, both optional). */
  authorizationCode?: { issuerState?: string; authorizationServer?: string };
}

export type OfferInput = { kind: 'value'; offer: CredentialOffer } | { kind: 'reference'; uri: string };

const invalid = (message: string): Oid4vciError => new Oid4vciError('invalid-offer', message);

/**
 * An address the wallet may contact under `policy` (src/lib/remote-url.ts): https, and loopback
 * hosts only in demo and test builds. Absent policy = production.
 */
export function isAcceptableUrl(text: string, policy: RemoteUrlPolicy = PRODUCTION_POLICY): boolean {
  return urlProblem(text, policy) === undefined;
}

/** Validates an offer object (§4.1.1). */
export function parseOfferObject(value: JsonObject, policy: RemoteUrlPolicy = PRODUCTION_POLICY): CredentialOffer {
  const issuer = value.credential_issuer;
  if (typeof issuer !== 'string') throw invalid('The offer does not name its issuer with an https URL (credential_issuer)');
  const problem = urlProblem(issuer, policy);
  if (problem) throw invalid(`The offer does not name its issuer with an https URL Satchel may contact (credential_issuer: ${problem})`);
  const ids = value.credential_configuration_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id !== '')) {
    throw invalid('The offer does not say which credentials it is for (credential_configuration_ids)');
  }
  const grants = value.grants;
  const grant = isJsonObject(grants) ? grants[PRE_AUTHORIZED_GRANT] : undefined;
  const codeGrant = isJsonObject(grants) ? grants[AUTHORIZATION_CODE_GRANT] : undefined;
  const offer: CredentialOffer = { credentialIssuer: issuer.replace(/\/$/, ''), configurationIds: [...new Set(ids as string[])] };
  if (codeGrant !== undefined) {
    if (!isJsonObject(codeGrant)) throw invalid('The offer describes its sign-in grant wrongly (authorization_code)');
    const signIn: NonNullable<CredentialOffer['authorizationCode']> = {};
    if (codeGrant.issuer_state !== undefined) {
      if (typeof codeGrant.issuer_state !== 'string' || codeGrant.issuer_state === '') throw invalid('The offer gives a wrong issuer_state');
      signIn.issuerState = codeGrant.issuer_state;
    }
    if (typeof codeGrant.authorization_server === 'string') signIn.authorizationServer = codeGrant.authorization_server;
    offer.authorizationCode = signIn;
  }
  // §4.1.1: grants absent = the wallet uses the issuer's metadata to pick one; Satchel then signs in.
  if (grants === undefined) offer.authorizationCode = {};
  if (grant === undefined && offer.authorizationCode) return offer;
  if (!isJsonObject(grant)) throw invalid('The offer has neither a pre-authorised code nor a sign-in grant Satchel supports');
  const code = grant['pre-authorized_code'];
  if (typeof code !== 'string' || code === '') throw invalid('The offer has no pre-authorised code');
  offer.preAuthorizedCode = code;
  const tx = grant.tx_code;
  if (tx !== undefined) {
    if (!isJsonObject(tx)) throw invalid('The offer describes its transaction code wrongly (tx_code)');
    const mode = tx.input_mode ?? 'numeric';
    if (mode !== 'numeric' && mode !== 'text') throw invalid('The offer asks for a transaction code of an unknown kind (tx_code.input_mode)');
    const spec: TxCodeSpec = { inputMode: mode };
    if (tx.length !== undefined) {
      if (typeof tx.length !== 'number' || !Number.isInteger(tx.length) || tx.length < 1 || tx.length > 64) throw invalid('The offer gives a wrong transaction code length (tx_code.length)');
      spec.length = tx.length;
    }
    if (typeof tx.description === 'string') spec.description = tx.description.slice(0, 300);
    offer.txCode = spec;
  }
  if (typeof grant.authorization_server === 'string') offer.authorizationServer = grant.authorization_server;
  return offer;
}

/**
 * Reads an offer from text: `openid-credential-offer://?…`, any URL with `credential_offer` or
 * `credential_offer_uri` in its query (app links), or the bare offer JSON. Never fetches.
 */
export function parseOfferInput(input: string, policy: RemoteUrlPolicy = PRODUCTION_POLICY): OfferInput {
  if (typeof input !== 'string') throw new TypeError('input must be a string');
  const text = input.trim();
  if (text === '') throw invalid('Nothing was read: scan or paste the offer again');
  if (text.length > MAX_OFFER_INPUT_CHARS) throw invalid('The offer is too long to be a credential offer');
  if (text.startsWith('{')) return { kind: 'value', offer: parseOfferObject(jsonOffer(text), policy) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('This is not a credential offer (not a link or offer text)');
  }
  // §4.1: exactly one of credential_offer and credential_offer_uri.
  const byValue = url.searchParams.get('credential_offer');
  const byReference = url.searchParams.get('credential_offer_uri');
  if (byValue !== null && byReference !== null) throw invalid('The offer has both credential_offer and credential_offer_uri');
  if (byValue !== null) return { kind: 'value', offer: parseOfferObject(jsonOffer(byValue), policy) };
  if (byReference !== null) {
    const problem = urlProblem(byReference, policy);
    if (problem) throw invalid(`The offer link does not point to an https address Satchel may contact (credential_offer_uri: ${problem})`);
    return { kind: 'reference', uri: byReference };
  }
  throw invalid('This link does not contain a credential offer');
}

function jsonOffer(text: string): JsonObject {
  try {
    return parseJsonObject(text, 'The credential offer');
  } catch {
    throw invalid('The offer is damaged or cut short (its JSON does not parse)');
  }
}

/** §4.1.3: GET the offer by reference; it must be an application/json object. */
export async function fetchOffer(uri: string, options: HttpOptions): Promise<CredentialOffer> {
  const body = await getJson(uri, options);
  return parseOfferObject(body, options.remoteUrls);
}
