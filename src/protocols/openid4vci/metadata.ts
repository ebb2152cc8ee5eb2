/**
 * Credential Issuer Metadata (OpenID4VCI 1.0 §12.2) and OAuth 2.0 Authorization Server Metadata
 * (RFC 8414), fetched from their well-known URLs with path insertion (OpenID4VCI §12.2.2,
 * RFC 8414 §3.1): `https://issuer.example/tenant` → `https://issuer.example/.well-known/openid-credential-issuer/tenant`.
 * Display data (§12.2.4: `display`, and per configuration `credential_metadata.display` / `.claims`,
 * falling back to the pre-1.0 top-level placement) is kept for the review screen.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../lib/json-safe';
import { Oid4vciError } from './errors';
import { PRODUCTION_POLICY, type RemoteUrlPolicy } from '../../lib/remote-url';
import { getJson, optionalString, requireString, urlProblem, type HttpOptions } from './http';
import { PRE_AUTHORIZED_GRANT } from './offer';

export interface Display {
  name: string;
  /** BCP 47 language tag, e.g. en-GB, cy. */
  locale?: string;
}

export interface ClaimMetadata {
  /** Appendix C claim path: strings name object members, numbers index arrays, null selects all. */
  path: (string | number | null)[];
  display: Display[];
}

export interface CredentialConfigurationMetadata {
  id: string;
  format: string;
  /** SD-JWT VC type (Appendix A.3). */
  vct?: string;
  /** VCDM types (Appendix A.1, credential_definition.type). */
  types?: string[];
  /** ISO mdoc docType (Appendix A.2.2 `doctype`, e.g. org.iso.18013.5.1.mDL). */
  doctype?: string;
  display: Display[];
  claims: ClaimMetadata[];
  /** Key proof algorithms the issuer accepts for `jwt` proofs (§12.2.4 proof_types_supported). */
  proofAlgorithms?: string[];
  /** §12.2.4 scope: the OAuth scope that asks for this configuration in an authorisation request (§5.1.2). */
  scope?: string;
  /**
   * Satchel's `satchel_card_of` (a profile's own parameter, §A): this configuration is the printable
   * paper card of that configuration, asked for with the same access token and no key proof.
   */
  cardOf?: string;
}

export interface IssuerMetadata {
  credentialIssuer: string;
  credentialEndpoint: string;
  nonceEndpoint?: string;
  deferredCredentialEndpoint?: string;
  notificationEndpoint?: string;
  authorizationServers?: string[];
  display: Display[];
  configurations: Record<string, CredentialConfigurationMetadata>;
}

export interface AuthorizationServerMetadata {
  issuer: string;
  tokenEndpoint: string;
  /** RFC 8414 §2 authorization_endpoint: where the person signs in (Authorization Code flow). */
  authorizationEndpoint?: string;
  /** RFC 9126 §5 pushed_authorization_request_endpoint. */
  pushedAuthorizationRequestEndpoint?: string;
  /** RFC 9126 §5 require_pushed_authorization_requests. */
  requirePushedAuthorizationRequests?: boolean;
  /** RFC 9449 §5.1 dpop_signing_alg_values_supported: present = the AS binds tokens with DPoP. */
  dpopSigningAlgorithms?: string[];
  /** RFC 9207 §3 authorization_response_iss_parameter_supported. */
  issParameterSupported?: boolean;
  /** RFC 8414 §2 grant_types_supported, when listed. */
  grantTypes?: string[];
}

/** RFC 6749 §4.1.3: the grant of the Authorization Code flow (OpenID4VCI 1.0 §3.4). */
export const AUTHORIZATION_CODE_GRANT = 'authorization_code';

/** §12.2.2 / RFC 8414 §3.1: insert the well-known segment between host and path. */
export function wellKnownUrl(identifier: string, suffix: 'openid-credential-issuer' | 'oauth-authorization-server'): string {
  const url = new URL(identifier);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}/.well-known/${suffix}${path}`;
}

function bad(url: string, what: string): never {
  throw new Oid4vciError('bad-response', `The issuer's metadata at ${url} is not usable: ${what}`, { url });
}

function displays(value: JsonValue | undefined): Display[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d) => {
    if (!isJsonObject(d) || typeof d.name !== 'string') return [];
    const out: Display = { name: d.name.slice(0, 200) };
    if (typeof d.locale === 'string') out.locale = d.locale;
    return [out];
  });
}

function claims(value: JsonValue | undefined): ClaimMetadata[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c) => {
    if (!isJsonObject(c) || !Array.isArray(c.path) || c.path.length === 0) return [];
    const path = c.path;
    if (!path.every((p) => typeof p === 'string' || p === null || (typeof p === 'number' && Number.isInteger(p) && p >= 0))) return [];
    return [{ path: path as (string | number | null)[], display: displays(c.display) }];
  });
}

/** An endpoint URL the wallet will contact: it must pass the remote-URL policy (https; loopback only in demo and test builds). */
function endpoint(body: JsonObject, field: string, url: string, required: boolean, policy: RemoteUrlPolicy): string | undefined {
  const value = required ? requireString(body, field, url) : optionalString(body, field, url);
  const problem = value === undefined ? undefined : urlProblem(value, policy);
  if (problem) bad(url, `${field} is not an https URL Satchel may contact (${problem})`);
  return value;
}

function configuration(id: string, value: JsonValue, url: string): CredentialConfigurationMetadata {
  if (!isJsonObject(value) || typeof value.format !== 'string') bad(url, `credential configuration ${id} has no format`);
  // 1.0 final nests display and claims in credential_metadata; earlier drafts had them at the top.
  const meta = isJsonObject(value.credential_metadata) ? value.credential_metadata : value;
  const out: CredentialConfigurationMetadata = { id, format: value.format, display: displays(meta.display), claims: claims(meta.claims) };
  if (typeof value.vct === 'string') out.vct = value.vct;
  if (typeof value.doctype === 'string' && value.doctype !== '') out.doctype = value.doctype;
  const def = value.credential_definition;
  if (isJsonObject(def) && Array.isArray(def.type) && def.type.every((t) => typeof t === 'string')) out.types = def.type as string[];
  const proofTypes = value.proof_types_supported;
  if (isJsonObject(proofTypes) && isJsonObject(proofTypes.jwt) && Array.isArray(proofTypes.jwt.proof_signing_alg_values_supported)) {
    out.proofAlgorithms = proofTypes.jwt.proof_signing_alg_values_supported.filter((a): a is string => typeof a === 'string');
  }
  if (typeof value.scope === 'string' && value.scope !== '') out.scope = value.scope;
  if (typeof value.satchel_card_of === 'string' && value.satchel_card_of !== '') out.cardOf = value.satchel_card_of;
  return out;
}

/** Parses Credential Issuer Metadata; `expectedIssuer` must equal credential_issuer (§12.2.3). */
export function parseIssuerMetadata(body: JsonObject, expectedIssuer: string, url: string, policy: RemoteUrlPolicy = PRODUCTION_POLICY): IssuerMetadata {
  const issuer = requireString(body, 'credential_issuer', url).replace(/\/$/, '');
  // §12.2.3: the credential_issuer in the metadata MUST be identical to the one used to fetch it.
  if (issuer !== expectedIssuer.replace(/\/$/, '')) bad(url, `it is for ${issuer}, not ${expectedIssuer}`);
  const supported = body.credential_configurations_supported;
  if (!isJsonObject(supported)) bad(url, 'credential_configurations_supported is missing');
  const configurations: Record<string, CredentialConfigurationMetadata> = {};
  for (const [id, value] of Object.entries(supported)) configurations[id] = configuration(id, value, url);
  const metadata: IssuerMetadata = {
    credentialIssuer: issuer,
    credentialEndpoint: endpoint(body, 'credential_endpoint', url, true, policy)!,
    display: displays(body.display),
    configurations,
  };
  const nonce = endpoint(body, 'nonce_endpoint', url, false, policy);
  if (nonce) metadata.nonceEndpoint = nonce;
  const deferred = endpoint(body, 'deferred_credential_endpoint', url, false, policy);
  if (deferred) metadata.deferredCredentialEndpoint = deferred;
  const notification = endpoint(body, 'notification_endpoint', url, false, policy);
  if (notification) metadata.notificationEndpoint = notification;
  const servers = body.authorization_servers;
  if (servers !== undefined) {
    if (!Array.isArray(servers) || !servers.every((s) => typeof s === 'string' && urlProblem(s, policy) === undefined)) bad(url, 'authorization_servers is not a list of https URLs Satchel may contact');
    metadata.authorizationServers = servers as string[];
  }
  return metadata;
}

export async function fetchIssuerMetadata(issuer: string, options: HttpOptions): Promise<IssuerMetadata> {
  const url = wellKnownUrl(issuer, 'openid-credential-issuer');
  return parseIssuerMetadata(await getJson(url, options), issuer, url, options.remoteUrls);
}

/** §12.2.4 authorization_servers; absent → the issuer is its own authorisation server. */
export function pickAuthorizationServer(metadata: IssuerMetadata, fromOffer?: string): string {
  const servers = metadata.authorizationServers ?? [metadata.credentialIssuer];
  if (fromOffer !== undefined) {
    // §4.1.1: authorization_server must match one of the metadata's.
    if (!servers.includes(fromOffer)) throw new Oid4vciError('invalid-offer', 'The offer names an authorisation server the issuer does not list');
    return fromOffer;
  }
  return servers[0]!;
}

/** OpenID Connect Discovery 1.0 §4: the path is appended, not inserted. */
function openidConfigurationUrl(server: string): string {
  return `${server.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/**
 * RFC 8414 metadata of `server`, checked for `grant`: the pre-authorised code grant (the default),
 * or the authorization_code grant, which needs an authorization_endpoint, PKCE S256 (RFC 7636;
 * RFC 8414 §2 code_challenge_methods_supported, when listed) and, when the AS binds tokens with
 * DPoP, ES256 among its dpop_signing_alg_values_supported (RFC 9449 §5.1).
 */
export async function fetchAuthorizationServerMetadata(server: string, options: HttpOptions, grant: string = PRE_AUTHORIZED_GRANT): Promise<AuthorizationServerMetadata> {
  let url = wellKnownUrl(server, 'oauth-authorization-server');
  let body: JsonObject;
  try {
    body = await getJson(url, options);
  } catch (e) {
    // OpenID4VCI §12.3 / RFC 8414 §5: an authorisation server may publish only OpenID Connect discovery metadata.
    if (!(e instanceof Oid4vciError && e.kind === 'http' && e.details.status === 404)) throw e;
    url = openidConfigurationUrl(server);
    body = await getJson(url, options);
  }
  const policy = options.remoteUrls ?? PRODUCTION_POLICY;
  const issuer = requireString(body, 'issuer', url).replace(/\/$/, '');
  // RFC 8414 §3.3: the issuer value must be identical to the one the URL was built from.
  if (issuer !== server.replace(/\/$/, '')) bad(url, `the authorisation server says it is ${issuer}, not ${server}`);
  const metadata: AuthorizationServerMetadata = { issuer, tokenEndpoint: endpoint(body, 'token_endpoint', url, true, policy)! };
  const grants = strings(body.grant_types_supported);
  if (grants) metadata.grantTypes = grants;
  if (grant === PRE_AUTHORIZED_GRANT) {
    if (grants && !grants.includes(PRE_AUTHORIZED_GRANT)) bad(url, 'it does not support the pre-authorised code grant');
    return metadata;
  }
  // RFC 8414 §2: grant_types_supported absent means ["authorization_code", "implicit"].
  if (grants && !grants.includes(AUTHORIZATION_CODE_GRANT)) bad(url, 'it does not support signing in (the authorization_code grant)');
  const authorization = endpoint(body, 'authorization_endpoint', url, false, policy);
  if (!authorization) bad(url, 'it has no authorization_endpoint to sign in at');
  metadata.authorizationEndpoint = authorization;
  const par = endpoint(body, 'pushed_authorization_request_endpoint', url, false, policy);
  if (par) metadata.pushedAuthorizationRequestEndpoint = par;
  if (body.require_pushed_authorization_requests === true) metadata.requirePushedAuthorizationRequests = true;
  if (body.authorization_response_iss_parameter_supported === true) metadata.issParameterSupported = true;
  const methods = strings(body.code_challenge_methods_supported);
  if (methods && !methods.includes('S256')) bad(url, 'it does not support PKCE with S256 (code_challenge_methods_supported)');
  const dpop = strings(body.dpop_signing_alg_values_supported);
  if (dpop) {
    if (!dpop.includes('ES256')) bad(url, 'it binds tokens with DPoP but not with ES256 (dpop_signing_alg_values_supported)');
    metadata.dpopSigningAlgorithms = dpop;
  }
  return metadata;
}

function strings(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
