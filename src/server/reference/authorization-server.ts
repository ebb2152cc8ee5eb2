/**
 * The reference authorisation server: a stand-in for the government's sign-in service, where a
 * person signs in before a department that needs to know who it issues to (the DBS) issues. The
 * logic behind authorization-server-app.ts; the login page is sign-in-page.ts.
 *
 *   RFC 9126 PAR   every authorisation request is pushed first (require_pushed_authorization_requests):
 *                  checked (below), kept for PAR_TTL_S, answered with a request_uri (§2.2); the
 *                  authorisation endpoint refuses anything else (§5).
 *   RFC 6749 §4.1  the authorisation code flow: the person signs in (or cancels: access_denied,
 *                  §4.1.2.1); the redirect carries code, state and iss (RFC 9207). Codes are good
 *                  once, for CODE_TTL_S (§4.1.2; a second use revokes what the first bought).
 *   RFC 7636       PKCE S256 only (plain is refused, §4.2, §7.2); the verifier checked at the token endpoint (§4.6).
 *   RFC 9449       the token request carries a DPoP proof (a server nonce required, dpop-check.ts);
 *                  the token is DPoP-bound (token_type DPoP, cnf.jkt: access-token.ts).
 *   OpenID4VCI 1.0 §5.1.1 authorization_details of type openid_credential, or §5.1.2 scope (with
 *                  RFC 8707 resource), for one credential configuration a department issues after
 *                  sign-in; §4.1.1 issuer_state from that department's offer, checked with it.
 *
 * Clients are public (RFC 6749 §2.1): client_id is the wallet's URL and the redirect_uri must be on
 * the same origin, https or http on localhost (the demo). No client authentication, no wallet
 * attestation (docs/issuers.md). Pending requests and codes live in memory: a restart asks the
 * person to start again; access tokens are signed JWTs and survive it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { signAccessToken, verifyAccessToken, type AccessTokenClaims } from './access-token';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson } from './demo-people';
import type { Localised } from './departments';
import { DpopChecker } from './dpop-check';
import { IssuerError } from './issuer-error';
import type { KeyPair } from './keys';

/** How long a pushed request can be used to sign in, in seconds (RFC 9126 §2.2 expires_in). */
export const PAR_TTL_S = 300;
/** How long an authorisation code can be exchanged, in seconds (RFC 6749 §4.1.2: at most 10 minutes). */
export const CODE_TTL_S = 300;
export const ACCESS_TOKEN_TTL_S = 10 * 60;
export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';
const MAX_STATE_CHARS = 512;

/** A department that issues only after sign-in, as the AS sees it. */
export interface SignInResource {
  /** Its Credential Issuer Identifier: the token's audience. */
  readonly url: string;
  readonly name: Localised;
  /** What it issues after sign-in, each with the scope that asks for it (OpenID4VCI 1.0 §12.2.4 scope). */
  signInConfigurations(): readonly { id: string; scope: string; name: Localised }[];
  /** An issuer_state from one of its offers that is still open: for whom and what. */
  openIssuerState(issuerState: string): { personId: string; configurationId: string } | undefined;
  /** At the token request: the department's record of what to issue (it redeems the offer, if any). */
  grantSignedIn(input: { personId: string; configurationId: string; issuerState?: string }): string;
}

export interface PendingRequest {
  requestUri: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  resource: SignInResource;
  configurationId: string;
  issuerState?: string;
  /** The person an offer was made out to: only they may sign in for it. */
  expectedPersonId?: string;
  /** What was asked, answered back in the token response (OpenID4VCI 1.0 §6.2). */
  asked: { scope: string } | { authorizationDetails: Record<string, unknown>[] };
  /** The sign-in page's language when the client asked for Welsh (OpenID Connect Core §3.1.2.1 ui_locales). */
  welsh?: boolean;
  expiresAt: number;
}

interface CodeRecord extends PendingRequest {
  personId: string;
  used: boolean;
  tokenIds: string[];
}

export type SignInOutcome = { redirect: string } | { problem: 'wrong-details' | 'other-person' };

/** Why the sign-in page cannot be shown: no pushed request, an unknown or expired one, another client's. */
export class AuthorizeError extends Error {
  constructor(readonly reason: 'no-par' | 'expired' | 'client') {
    super(reason);
  }
}

export interface AuthorizationServerOptions {
  /** Its issuer identifier (RFC 8414 §2): http(s) origin. */
  url: string;
  key: KeyPair;
  now?: () => number;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** RFC 6749 §3.1: no parameter more than once. */
export function singleValued(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) {
    if (k in out) throw new IssuerError(400, 'invalid_request', `The parameter ${k} is sent more than once`);
    out[k] = v;
  }
  return out;
}

/** https, or http on this machine (the demo). */
function webUrl(value: string | undefined, field: string): URL {
  let url: URL;
  try {
    url = new URL(value ?? '');
  } catch {
    throw new IssuerError(400, 'invalid_request', `${field} must be a URL`);
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))) throw new IssuerError(400, 'invalid_request', `${field} must be https (or http on localhost)`);
  if (url.hash !== '' || url.username !== '' || url.password !== '') throw new IssuerError(400, 'invalid_request', `${field} must have no fragment or user name`);
  return url;
}

export class ReferenceAuthorizationServer {
  readonly url: string;
  readonly key: KeyPair;
  readonly dpop: DpopChecker;
  private readonly now: () => number;
  private readonly resources: SignInResource[] = [];
  private readonly pending = new Map<string, PendingRequest>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly revokedTokens = new Set<string>();

  constructor(options: AuthorizationServerOptions) {
    this.url = options.url;
    this.key = options.key;
    this.now = options.now ?? (() => Date.now());
    this.dpop = new DpopChecker(this.now);
  }

  get authorizationEndpoint(): string {
    return `${this.url}/authorize`;
  }

  get tokenEndpoint(): string {
    return `${this.url}/token`;
  }

  get parEndpoint(): string {
    return `${this.url}/par`;
  }

  addResource(resource: SignInResource): void {
    this.resources.push(resource);
  }

  /** RFC 8414 §2 (with RFC 9126 §5, RFC 9449 §5.1, RFC 9207 §3). */
  metadata(): Record<string, unknown> {
    return {
      issuer: this.url,
      authorization_endpoint: this.authorizationEndpoint,
      token_endpoint: this.tokenEndpoint,
      pushed_authorization_request_endpoint: this.parEndpoint,
      require_pushed_authorization_requests: true,
      jwks_uri: `${this.url}/jwks.json`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      dpop_signing_alg_values_supported: ['ES256'],
      authorization_response_iss_parameter_supported: true,
      authorization_details_types_supported: ['openid_credential'],
      scopes_supported: this.resources.flatMap((r) => r.signInConfigurations().map((c) => c.scope)),
    };
  }

  // ── PAR (RFC 9126 §2) ──────────────────────────────────────────────────────────────────────

  push(form: URLSearchParams): { requestUri: string; expiresIn: number } {
    const p = singleValued(form);
    // §2.1: request_uri cannot itself be pushed; request objects (RFC 9101) are not supported here.
    if (p.request_uri !== undefined) throw new IssuerError(400, 'invalid_request', 'request_uri cannot be pushed');
    if (p.request !== undefined) throw new IssuerError(400, 'invalid_request', 'Request objects are not supported: send the parameters');
    if (p.response_type !== 'code') throw new IssuerError(400, 'unsupported_response_type', 'response_type must be code');
    const client = webUrl(p.client_id, 'client_id');
    const redirect = webUrl(p.redirect_uri, 'redirect_uri');
    // A public client named by its URL: its redirect must be on its own origin.
    if (redirect.origin !== client.origin) throw new IssuerError(400, 'invalid_request', 'redirect_uri must be on the client_id\'s origin');
    // RFC 7636 §4.3: S256 only; §4.2: the challenge is base64url of 32 bytes.
    if (p.code_challenge_method !== 'S256') throw new IssuerError(400, 'invalid_request', 'PKCE is required with code_challenge_method S256');
    if (!/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge ?? '')) throw new IssuerError(400, 'invalid_request', 'code_challenge must be a base64url SHA-256 hash');
    // RFC 6749 §10.12: state protects the client's redirect; required here.
    if (!p.state || p.state.length > MAX_STATE_CHARS) throw new IssuerError(400, 'invalid_request', 'state is required');
    const asked = this.whatIsAsked(p);
    let expectedPersonId: string | undefined;
    if (p.issuer_state !== undefined) {
      // OpenID4VCI 1.0 §5.1.3: issuer_state from the offer, which the department must recognise.
      const offer = asked.resource.openIssuerState(p.issuer_state);
      if (!offer) throw new IssuerError(400, 'invalid_request', 'issuer_state is not from an open offer of this department (used, expired or unknown)');
      if (offer.configurationId !== asked.configurationId) throw new IssuerError(400, 'invalid_request', `The offer with this issuer_state is for ${offer.configurationId}`);
      expectedPersonId = offer.personId;
    }
    const requestUri = `${REQUEST_URI_PREFIX}${random(24)}`;
    const now = this.now();
    for (const [k, r] of this.pending) if (r.expiresAt <= now) this.pending.delete(k);
    const record: PendingRequest = {
      requestUri,
      clientId: p.client_id!,
      redirectUri: p.redirect_uri!,
      state: p.state,
      codeChallenge: p.code_challenge!,
      resource: asked.resource,
      configurationId: asked.configurationId,
      asked: asked.asked,
      expiresAt: now + PAR_TTL_S * 1000,
    };
    if (p.issuer_state !== undefined) record.issuerState = p.issuer_state;
    if (expectedPersonId !== undefined) record.expectedPersonId = expectedPersonId;
    // ui_locales: space-separated BCP 47 tags in order of preference; the page speaks English or Welsh.
    const preferred = (p.ui_locales ?? '').split(' ').find((tag) => /^(en|cy)\b/i.test(tag));
    if (preferred?.toLowerCase().startsWith('cy')) record.welsh = true;
    this.pending.set(requestUri, record);
    return { requestUri, expiresIn: PAR_TTL_S };
  }

  /** OpenID4VCI 1.0 §5.1.1 / §5.1.2: exactly one credential configuration, of a department that signs in. */
  private whatIsAsked(p: Record<string, string>): { resource: SignInResource; configurationId: string; asked: PendingRequest['asked'] } {
    // RFC 8707 resource / §5.1.1 locations: which department, when the client says.
    const named = (location: unknown): SignInResource => {
      const r = this.resources.find((x) => x.url === String(location).replace(/\/$/, ''));
      if (!r) throw new IssuerError(400, 'invalid_target', `${String(location)} is not a department that signs people in here`);
      return r;
    };
    const target = p.resource !== undefined ? named(p.resource) : undefined;
    const candidates = target ? [target] : this.resources;
    if (p.authorization_details !== undefined) {
      if (p.scope !== undefined) throw new IssuerError(400, 'invalid_request', 'Ask with scope or authorization_details, not both');
      let details: unknown;
      try {
        details = JSON.parse(p.authorization_details);
      } catch {
        throw new IssuerError(400, 'invalid_authorization_details', 'authorization_details is not JSON');
      }
      // RFC 9396 §2; one openid_credential entry (one credential per sign-in here).
      if (!Array.isArray(details) || details.length !== 1 || typeof details[0] !== 'object' || details[0] === null) {
        throw new IssuerError(400, 'invalid_authorization_details', 'authorization_details must hold one openid_credential entry');
      }
      const detail = details[0] as Record<string, unknown>;
      if (detail.type !== 'openid_credential') throw new IssuerError(400, 'invalid_authorization_details', 'authorization_details type must be openid_credential');
      if (typeof detail.credential_configuration_id !== 'string') throw new IssuerError(400, 'invalid_authorization_details', 'credential_configuration_id is required');
      const id = detail.credential_configuration_id;
      const locations = detail.locations;
      if (locations !== undefined && (!Array.isArray(locations) || locations.length !== 1)) throw new IssuerError(400, 'invalid_authorization_details', 'locations must name one department');
      const pool = Array.isArray(locations) ? [named(locations[0])] : candidates;
      const resource = pool.find((r) => r.signInConfigurations().some((c) => c.id === id));
      if (!resource) throw new IssuerError(400, 'invalid_authorization_details', `No department here issues ${id} after sign-in`);
      return { resource, configurationId: id, asked: { authorizationDetails: [detail] } };
    }
    const scopes = (p.scope ?? '').split(' ').filter(Boolean);
    if (scopes.length !== 1) throw new IssuerError(400, 'invalid_scope', 'Ask for one credential: one scope, or authorization_details');
    for (const resource of candidates) {
      const c = resource.signInConfigurations().find((x) => x.scope === scopes[0]);
      if (c) return { resource, configurationId: c.id, asked: { scope: c.scope } };
    }
    throw new IssuerError(400, 'invalid_scope', `The scope ${scopes[0]} is not known here`);
  }

  // ── authorisation endpoint (RFC 6749 §4.1.1, RFC 9126 §4) ──────────────────────────────────

  /** The pushed request the sign-in page is for; AuthorizeError when there is none to use. */
  pendingRequest(clientId: string | undefined, requestUri: string | undefined): PendingRequest {
    if (!requestUri) throw new AuthorizeError('no-par');
    const record = this.pending.get(requestUri);
    if (!record || record.expiresAt <= this.now()) throw new AuthorizeError('expired');
    // RFC 9126 §4: the request_uri is bound to the client that pushed it.
    if (clientId !== undefined && clientId !== record.clientId) throw new AuthorizeError('client');
    return record;
  }

  /** The login form: a demo person's email and the demo password (demo-people.ts). */
  signIn(requestUri: string | undefined, email: string | undefined, password: string | undefined): SignInOutcome {
    const request = this.pendingRequest(undefined, requestUri);
    const person = DEMO_PEOPLE.find((p) => p.email === (email ?? '').trim().toLowerCase());
    if (!person || password !== DEMO_PASSWORD) return { problem: 'wrong-details' };
    if (request.expectedPersonId !== undefined && person.id !== request.expectedPersonId) return { problem: 'other-person' };
    // RFC 9126 §4: the request_uri is used once, now that it has bought a code.
    this.pending.delete(request.requestUri);
    return { redirect: this.issueCode(request, person) };
  }

  /** "Cancel": RFC 6749 §4.1.2.1 access_denied, back to the client with its state. */
  cancel(requestUri: string | undefined): string {
    const request = this.pendingRequest(undefined, requestUri);
    this.pending.delete(request.requestUri);
    return this.redirect(request, { error: 'access_denied', error_description: 'The person cancelled signing in' });
  }

  private issueCode(request: PendingRequest, person: DemoPerson): string {
    const code = random(24);
    const now = this.now();
    for (const [k, r] of this.codes) if (r.expiresAt <= now && !r.used) this.codes.delete(k);
    this.codes.set(code, { ...request, personId: person.id, used: false, tokenIds: [], expiresAt: now + CODE_TTL_S * 1000 });
    return this.redirect(request, { code });
  }

  /** RFC 6749 §4.1.2 with RFC 9207 §2: the answer as query parameters, with state and iss. */
  private redirect(request: PendingRequest, params: Record<string, string>): string {
    const url = new URL(request.redirectUri);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set('state', request.state);
    url.searchParams.set('iss', this.url);
    return url.toString();
  }

  // ── token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5, RFC 9449 §5) ───────────────────────────

  async token(form: URLSearchParams, dpopHeader: string | undefined): Promise<Record<string, unknown>> {
    const p = singleValued(form);
    if (p.grant_type !== 'authorization_code') throw new IssuerError(400, 'unsupported_grant_type', 'Only the authorization_code grant is supported here');
    // The proof first: asking for a DPoP nonce must not use up the code.
    const proof = await this.dpop.check(dpopHeader, { method: 'POST', url: this.tokenEndpoint });
    const record = p.code ? this.codes.get(p.code) : undefined;
    if (!record) throw new IssuerError(400, 'invalid_grant', 'The authorisation code is not known');
    if (record.used) {
      // RFC 6749 §4.1.2: a code used twice may have been stolen; what it bought is revoked.
      for (const id of record.tokenIds) this.revokedTokens.add(id);
      throw new IssuerError(400, 'invalid_grant', 'The authorisation code has already been used');
    }
    if (record.expiresAt <= this.now()) throw new IssuerError(400, 'invalid_grant', 'The authorisation code has expired; sign in again');
    // One attempt per code: a wrong verifier or redirect_uri burns it.
    record.used = true;
    if (p.client_id !== record.clientId) throw new IssuerError(400, 'invalid_grant', 'The code was issued to another client_id');
    if (p.redirect_uri !== record.redirectUri) throw new IssuerError(400, 'invalid_grant', 'redirect_uri is not the one of the authorisation request');
    // RFC 7636 §4.1 verifier syntax, §4.6 S256 comparison.
    const verifier = p.code_verifier ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || createHash('sha256').update(verifier, 'ascii').digest('base64url') !== record.codeChallenge) {
      throw new IssuerError(400, 'invalid_grant', 'code_verifier does not match the code_challenge (PKCE)');
    }
    const offerId = record.resource.grantSignedIn({ personId: record.personId, configurationId: record.configurationId, ...(record.issuerState !== undefined ? { issuerState: record.issuerState } : {}) });
    const nowS = Math.floor(this.now() / 1000);
    const claims: AccessTokenClaims = {
      iss: this.url,
      aud: record.resource.url,
      sub: record.personId,
      client_id: record.clientId,
      jti: random(16),
      iat: nowS,
      exp: nowS + ACCESS_TOKEN_TTL_S,
      // RFC 9449 §6.1: bound to the proof's key.
      cnf: { jkt: proof.jkt },
      offer_id: offerId,
      ...('scope' in record.asked ? { scope: record.asked.scope } : { authorization_details: record.asked.authorizationDetails }),
    };
    record.tokenIds.push(claims.jti);
    const accessToken = await signAccessToken(this.key, claims);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'DPoP', expires_in: ACCESS_TOKEN_TTL_S };
    // OpenID4VCI 1.0 §6.2: authorization_details answered with the credential_identifiers to ask for (§8.2).
    if ('scope' in record.asked) body.scope = record.asked.scope;
    else body.authorization_details = record.asked.authorizationDetails.map((d) => ({ ...d, credential_identifiers: [record.configurationId] }));
    return body;
  }

  /** For a department: a token this AS issued to it, unexpired and not revoked; undefined otherwise. */
  async checkAccessToken(token: string, audience: string): Promise<AccessTokenClaims | undefined> {
    const claims = await verifyAccessToken(token, this.key.publicJwk, { issuer: this.url, audience, now: this.now() });
    return claims && !this.revokedTokens.has(claims.jti) ? claims : undefined;
  }

  /** RFC 7517 JWK Set of the key that signs access tokens. */
  jwks(): { keys: JsonWebKey[] } {
    return { keys: [{ ...this.key.publicJwk, use: 'sig', alg: 'ES256' }] };
  }
}
