/**
 * One reference department as an OpenID4VCI 1.0 Credential Issuer: the issuing logic behind
 * issuer-app.ts. Most departments have their own (co-located) authorisation server for the
 * Pre-Authorized Code flow; a department that must know who it issues to (the DBS,
 * `signIn` in departments.ts) issues only after the person signs in at the reference authorisation
 * server (authorization-server.ts, the Authorization Code flow, §3.4) and takes its DPoP-bound tokens.
 *
 *   §4.1    credential offer (by value and by reference) with a pre-authorised code and tx_code,
 *           or (sign-in) with an authorization_code grant carrying issuer_state (§4.1.1)
 *   §6      token endpoint: pre-authorised code + tx_code → access token
 *   RFC 9449 §7 (sign-in) credential, deferred, notification and nonce requests with
 *           `Authorization: DPoP <token>` and a proof (ath, the token's key, this server's nonce)
 *   §7      nonce endpoint: c_nonce for key proofs
 *   §8      credential endpoint: key proof (Appendix F.1 openid4vci-proof+jwt) → credential,
 *           or a transaction_id when issuance is deferred
 *   §9      deferred credential endpoint
 *   §11     notification endpoint
 *   §12.2   Credential Issuer Metadata; RFC 8414 authorisation server metadata
 *
 * State (offers, tokens, issued credentials and their status) is kept in `<dataDir>/<id>.json`
 * so it survives a restart. Simplifications for a demo: no client authentication, no DPoP for the
 * pre-authorised departments, no wallet attestation, one credential per request.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Department, CredentialConfiguration } from './departments';
import { authorityClaims, findAuthority, findPerson, hasRecord, licenceNumber, subjectClaims, type DemoPerson } from './demo-people';
import { signJwtVc, signSdJwtVc, type CredentialInput } from './credential-signer';
import type { MdocSigner } from './iaca';
import { issueMdoc } from './mdoc-issuer';
import { mdlElements } from './mdl-elements';
import { readJsonFile, writeJsonFile } from './json-file';
import { checkKeyProof } from './proof-check';
import { IssuerError } from './issuer-error';
import type { AccessTokenClaims } from './access-token';
import { DpopChecker } from './dpop-check';
import { cardClaims, cardConfigurationId, cardCredential, cardName, cardOf, COUNTER_CARD_LIFETIME_S, signPaperCard, type CardClaimValue } from './card-issuer';

export { IssuerError };
import type { KeyPair } from './keys';
import { STATUS, STATUS_LIST_SIZE, statusListToken, type StatusName } from './status-list';

export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
/** RFC 6749 §4.1.3, OpenID4VCI 1.0 §4.1.1. */
export const AUTHORIZATION_CODE_GRANT = 'authorization_code';
/** How long an offer's pre-authorised code can be redeemed, in seconds. */
export const PRE_AUTHORIZED_CODE_TTL_S = 30 * 60;
export const TX_CODE_DIGITS = 5;
/** Wrong transaction codes allowed before the pre-authorised code is burned. */
export const TX_CODE_TRIES = 3;
export const ACCESS_TOKEN_TTL_S = 10 * 60;
export const C_NONCE_TTL_S = 5 * 60;
export const CREDENTIAL_LIFETIME_S = 365 * 24 * 3600;
/** Deferred issuance: how long the department "takes", and the polling interval it asks for (§9). */
export const DEFERRED_DELAY_S = 5;
export const DEFERRED_INTERVAL_S = 2;

export interface OfferRecord {
  id: string;
  configurationId: string;
  personId: string;
  /** The OPG: which registered authority (demo-people.ts DEMO_AUTHORITIES) it issues; personId is its attorney. */
  authorityId?: string;
  preAuthorizedCode: string;
  txCode: string;
  triesLeft: number;
  expiresAt: number; // ms
  /** Sign-in offers (§4.1.1 authorization_code grant): what the wallet passes back to the AS; no pre-authorised or transaction code. */
  issuerState?: string;
  /** Made for a wallet-initiated sign-in (no offer was shown): not listed as an offer. */
  walletInitiated?: boolean;
  redeemed: boolean;
  deferred: boolean;
  createdAt: number;
}

export interface IssuedRecord {
  idx: number;
  offerId: string;
  configurationId: string;
  personId: string;
  /** The authority issued (the OPG), as on the offer. */
  authorityId?: string;
  issuedAt: number;
  notificationId: string;
  /** Last notification event from the wallet (§11.1): credential_accepted, credential_failure, credential_deleted. */
  notification?: string;
  /** A paper card printed at the counter (configurationId `X_card`): its base64url COSE_Sign1, kept so the printable page can be shown again. */
  paperCard?: string;
  /** When the wallet last took this credential's paper card (same token, same status entry). */
  cardIssuedAt?: number;
}

interface TransactionRecord {
  id: string;
  offerId: string;
  holderJwk: JsonWebKey;
  readyAt: number;
  credential?: string;
  notificationId?: string;
}

interface IssuerState {
  offers: Record<string, OfferRecord>;
  tokens: Record<string, { offerId: string; expiresAt: number }>;
  nonces: Record<string, number>;
  transactions: Record<string, TransactionRecord>;
  issued: IssuedRecord[];
  statuses: number[];
}

export interface IssuerOptions {
  department: Department;
  /** The Credential Issuer Identifier (§12.2.1): this department's https/http origin. */
  url: string;
  key: KeyPair;
  dataDir: string;
  now?: () => number;
  deferredDelayS?: number;
  /** The status list's ttl (how soon wallets refresh it), in seconds; default STATUS_LIST_TTL_S. */
  statusListTtlS?: number;
  /** The IACA and Document Signer of a department that issues mdocs (iaca.ts). */
  mdocSigner?: MdocSigner;
  /** The authorisation server a department with `signIn` takes tokens from (authorization-server.ts). */
  authorizationServer?: SignInAuthority;
}

/** What a department needs of the authorisation server it trusts. */
export interface SignInAuthority {
  readonly url: string;
  /** A token it issued for `audience`, unexpired and not revoked; undefined otherwise (RFC 9068 §4). */
  checkAccessToken(token: string, audience: string): Promise<AccessTokenClaims | undefined>;
}

/** Who is asking at a protected endpoint: the Authorization and DPoP headers, and the endpoint's path. */
export interface ResourceRequest {
  authorization: string | undefined;
  dpop?: string | undefined;
  method?: string;
  path: string;
}

const token = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/** A paper card comes without a notification_id (§8.3: optional): it shares its credential's record and status. */
export type CredentialResult = { credential: string; notificationId?: string } | { transactionId: string; interval: number };

export class ReferenceIssuer {
  readonly department: Department;
  readonly url: string;
  readonly key: KeyPair;
  private readonly path: string;
  private readonly now: () => number;
  private readonly deferredDelayS: number;
  private readonly statusListTtlS: number | undefined;
  readonly mdocSigner: MdocSigner | undefined;
  readonly authorizationServer: SignInAuthority | undefined;
  /** RFC 9449 as a resource server (sign-in departments). */
  readonly dpop: DpopChecker;
  private state: IssuerState;

  constructor(options: IssuerOptions) {
    this.department = options.department;
    this.url = options.url;
    this.key = options.key;
    this.path = join(options.dataDir, `${options.department.id}.json`);
    this.now = options.now ?? (() => Date.now());
    this.deferredDelayS = options.deferredDelayS ?? DEFERRED_DELAY_S;
    this.statusListTtlS = options.statusListTtlS;
    this.mdocSigner = options.mdocSigner;
    if (options.department.signIn && !options.authorizationServer) throw new RangeError(`${options.department.id} issues only after sign-in: give it an authorisation server`);
    this.authorizationServer = options.department.signIn ? options.authorizationServer : undefined;
    this.dpop = new DpopChecker(this.now);
    this.state = readJsonFile<IssuerState>(this.path) ?? { offers: {}, tokens: {}, nonces: {}, transactions: {}, issued: [], statuses: [] };
  }

  private save(): void {
    writeJsonFile(this.path, this.state);
  }

  get statusListUri(): string {
    return `${this.url}/status/1`;
  }

  configuration(id: string): CredentialConfiguration | undefined {
    return this.department.credentials.find((c) => c.id === id);
  }

  // ── offers (§4.1) ───────────────────────────────────────────────────────────────────────────

  createOffer(input: { personId: string; configurationId: string; authorityId?: string; deferred?: boolean; txCode?: boolean }): OfferRecord {
    const person = findPerson(input.personId);
    if (!person) throw new RangeError(`No demo person ${input.personId}`);
    if (!this.configuration(input.configurationId)) throw new RangeError(`${this.department.id} does not issue ${input.configurationId}`);
    this.checkSubject(person, input.authorityId);
    const now = this.now();
    const signIn = this.signsIn;
    const offer: OfferRecord = {
      id: token(12),
      configurationId: input.configurationId,
      personId: input.personId,
      // A sign-in department's offer has no code to redeem: the person signs in (§4.1.1 authorization_code).
      preAuthorizedCode: signIn ? '' : token(),
      txCode: signIn || input.txCode === false ? '' : String(randomInt(0, 10 ** TX_CODE_DIGITS)).padStart(TX_CODE_DIGITS, '0'),
      triesLeft: TX_CODE_TRIES,
      expiresAt: now + PRE_AUTHORIZED_CODE_TTL_S * 1000,
      redeemed: false,
      deferred: input.deferred === true,
      createdAt: now,
    };
    if (signIn) offer.issuerState = token();
    if (input.authorityId !== undefined) offer.authorityId = input.authorityId;
    this.state.offers[offer.id] = offer;
    this.save();
    return offer;
  }

  /**
   * What it would issue from must exist: the person's record here, or (the OPG) a registered
   * authority whose attorney is the person. Refused before any offer is made.
   */
  private checkSubject(person: DemoPerson, authorityId: string | undefined): void {
    if (this.department.id === 'opg') {
      const authority = authorityId === undefined ? undefined : findAuthority(authorityId);
      if (!authority) throw new RangeError(`The Office of the Public Guardian issues only a registered authority: ${authorityId === undefined ? 'none was named' : `no authority ${authorityId}`}`);
      if (authority.attorneyId !== person.id) throw new RangeError(`${person.id} is not the attorney of the authority ${authority.id}`);
      return;
    }
    if (authorityId !== undefined) throw new RangeError(`${this.department.id} issues no authority`);
    if (!hasRecord(this.department.id, person)) throw new RangeError(`${this.department.name.en} holds no record of ${person.givenName} ${person.familyName}`);
  }

  /** Whether this department issues only after sign-in at its authorisation server. */
  get signsIn(): boolean {
    return this.authorizationServer !== undefined;
  }

  offer(id: string): OfferRecord | undefined {
    return this.state.offers[id];
  }

  /** Whether the offer can still be redeemed: not used (or burned by wrong codes) and not expired. */
  isOpen(offer: OfferRecord): boolean {
    return !offer.redeemed && this.now() < offer.expiresAt;
  }

  /** §4.1.1 Credential Offer Parameters. */
  offerJson(offer: OfferRecord): Record<string, unknown> {
    if (offer.issuerState !== undefined) {
      // §4.1.1: the authorization_code grant with issuer_state, naming the AS (one of authorization_servers).
      const grant = { issuer_state: offer.issuerState, authorization_server: this.authorizationServer!.url };
      return { credential_issuer: this.url, credential_configuration_ids: [offer.configurationId], grants: { [AUTHORIZATION_CODE_GRANT]: grant } };
    }
    const grant: Record<string, unknown> = { 'pre-authorized_code': offer.preAuthorizedCode };
    if (offer.txCode !== '') {
      grant.tx_code = { input_mode: 'numeric', length: offer.txCode.length, description: 'Enter the 5-digit code from your letter' };
    }
    return { credential_issuer: this.url, credential_configuration_ids: [offer.configurationId], grants: { [PRE_AUTHORIZED_GRANT]: grant } };
  }

  offerUri(offer: OfferRecord): string {
    return `${this.url}/offers/${offer.id}`;
  }

  // ── token endpoint (§6) ─────────────────────────────────────────────────────────────────────

  redeem(grantType: string | undefined, code: string | undefined, txCode: string | undefined): { accessToken: string; expiresIn: number } {
    if (grantType !== PRE_AUTHORIZED_GRANT) throw new IssuerError(400, 'unsupported_grant_type', 'Only the pre-authorized code grant is supported');
    if (!code) throw new IssuerError(400, 'invalid_request', 'pre-authorized_code is missing');
    const offer = Object.values(this.state.offers).find((o) => o.preAuthorizedCode === code);
    const now = this.now();
    // §6.3 invalid_grant: unknown, expired or already used code.
    if (!offer) throw new IssuerError(400, 'invalid_grant', 'The pre-authorized code is not known');
    if (offer.redeemed) throw new IssuerError(400, 'invalid_grant', 'The pre-authorized code has already been used');
    if (now >= offer.expiresAt) throw new IssuerError(400, 'invalid_grant', 'The pre-authorized code has expired');
    if (offer.txCode !== '') {
      if (!txCode) throw new IssuerError(400, 'invalid_request', 'tx_code is required for this offer');
      if (txCode !== offer.txCode) {
        offer.triesLeft -= 1;
        if (offer.triesLeft <= 0) offer.redeemed = true; // burned: ask for a new offer
        this.save();
        // §6.3: invalid_grant for a wrong tx_code; tx_code_tries_left is this issuer's extension (docs/issuers.md).
        throw new IssuerError(400, 'invalid_grant', `The transaction code is wrong; ${offer.triesLeft} tries left`, { tx_code_tries_left: Math.max(0, offer.triesLeft) });
      }
    } else if (txCode) {
      throw new IssuerError(400, 'invalid_request', 'This offer has no transaction code');
    }
    offer.redeemed = true;
    const accessToken = token();
    this.state.tokens[accessToken] = { offerId: offer.id, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000 };
    this.save();
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_S };
  }

  // ── sign-in (authorization-server.ts's SignInResource) ─────────────────────────────────────

  get name(): Department['name'] {
    return this.department.name;
  }

  /** What it issues after sign-in, each asked for by its scope (§12.2.4 scope, §5.1.2). */
  signInConfigurations(): { id: string; scope: string; name: Department['name'] }[] {
    return this.signsIn ? this.department.credentials.map((c) => ({ id: c.id, scope: c.id, name: c.name })) : [];
  }

  /** §5.1.3: an issuer_state from one of this department's offers, still open. */
  openIssuerState(issuerState: string): { personId: string; configurationId: string } | undefined {
    const offer = Object.values(this.state.offers).find((o) => o.issuerState === issuerState);
    return offer && this.isOpen(offer) ? { personId: offer.personId, configurationId: offer.configurationId } : undefined;
  }

  /**
   * The AS exchanged a code: the offer whose issuer_state came with the sign-in is redeemed, or,
   * wallet-initiated (§3.4 without an offer), a record is made for the person who signed in.
   * Its id goes in the access token (offer_id).
   */
  grantSignedIn(input: { personId: string; configurationId: string; issuerState?: string }): string {
    if (!this.configuration(input.configurationId) || !findPerson(input.personId)) throw new IssuerError(400, 'invalid_grant', `${this.department.id} cannot issue ${input.configurationId} to ${input.personId}`);
    let offer: OfferRecord | undefined;
    if (input.issuerState !== undefined) {
      offer = Object.values(this.state.offers).find((o) => o.issuerState === input.issuerState);
      if (!offer || !this.isOpen(offer)) throw new IssuerError(400, 'invalid_grant', 'The offer has been used or has expired');
    } else {
      const now = this.now();
      offer = { id: token(12), configurationId: input.configurationId, personId: input.personId, preAuthorizedCode: '', txCode: '', triesLeft: 0, expiresAt: now, walletInitiated: true, redeemed: true, deferred: false, createdAt: now };
      this.state.offers[offer.id] = offer;
    }
    offer.redeemed = true;
    this.save();
    return offer.id;
  }

  /** The offer a request's access token is for: Bearer (pre-authorised) or DPoP-bound (sign-in). */
  private async offerForRequest(request: ResourceRequest): Promise<OfferRecord> {
    if (this.signsIn) return this.offerForDpopToken(request);
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.authorization ?? '');
    const record = match ? this.state.tokens[match[1]!] : undefined;
    // RFC 6750 §3.1 invalid_token.
    if (!record || this.now() >= record.expiresAt) throw new IssuerError(401, 'invalid_token', 'The access token is missing, unknown or expired');
    return this.state.offers[record.offerId]!;
  }

  /**
   * RFC 9449 §7.1: `Authorization: DPoP <token>` (a Bearer presentation of a bound token is refused,
   * §7.2), the token the AS issued for this department, and a proof for this request signed by the
   * token's key (cnf.jkt, §6.1) with its hash (ath) and this server's nonce (§9). Failures are
   * 401 with WWW-Authenticate: DPoP.
   */
  private async offerForDpopToken(request: ResourceRequest): Promise<OfferRecord> {
    const challenge = (error: string, description: string, headers: Record<string, string> = {}) =>
      new IssuerError(401, error, description, {}, { 'WWW-Authenticate': `DPoP error="${error}", algs="ES256"`, ...headers });
    const match = /^DPoP ([A-Za-z0-9._~+/-]+=*)$/.exec(request.authorization ?? '');
    if (!match) throw challenge('invalid_token', 'This department needs a DPoP-bound access token from signing in (Authorization: DPoP)');
    const accessToken = match[1]!;
    const claims = await this.authorizationServer!.checkAccessToken(accessToken, this.url);
    if (!claims) throw challenge('invalid_token', 'The access token is unknown, expired or revoked');
    let proof;
    try {
      proof = await this.dpop.check(request.dpop, { method: request.method ?? 'POST', url: `${this.url}${request.path}`, accessToken });
    } catch (e) {
      if (e instanceof IssuerError) throw challenge(e.error, e.description, e.headers);
      throw e;
    }
    if (proof.jkt !== claims.cnf.jkt) throw challenge('invalid_dpop_proof', 'The DPoP proof is not signed by the key the access token is bound to');
    const offer = this.state.offers[claims.offer_id];
    if (!offer || offer.personId !== claims.sub) throw challenge('invalid_token', 'The access token is not for anything this department issues');
    return offer;
  }

  // ── nonce endpoint (§7) ─────────────────────────────────────────────────────────────────────

  /**
   * §7: the nonce endpoint is not protected; a sign-in department still checks a DPoP token and
   * proof when the wallet sends them (so a wrong one is refused and its DPoP nonce handed out).
   */
  async nonceRequest(auth: ResourceRequest): Promise<string> {
    if (this.signsIn && auth.authorization !== undefined) await this.offerForRequest(auth);
    return this.newNonce();
  }

  newNonce(): string {
    const now = this.now();
    for (const [n, exp] of Object.entries(this.state.nonces)) if (exp <= now) delete this.state.nonces[n];
    const nonce = token(16);
    this.state.nonces[nonce] = now + C_NONCE_TTL_S * 1000;
    this.save();
    return nonce;
  }

  /** §7: a c_nonce is good once, until it expires. */
  private takeNonce(nonce: unknown): boolean {
    if (typeof nonce !== 'string' || !(nonce in this.state.nonces) || this.state.nonces[nonce]! <= this.now()) return false;
    delete this.state.nonces[nonce];
    return true;
  }

  // ── credential endpoint (§8) ────────────────────────────────────────────────────────────────

  async credentialRequest(auth: ResourceRequest | string | undefined, body: unknown): Promise<CredentialResult> {
    const offer = await this.offerForRequest(resourceRequest(auth, '/credential'));
    if (typeof body !== 'object' || body === null) throw new IssuerError(400, 'invalid_credential_request', 'The request body must be a JSON object');
    const request = body as Record<string, unknown>;
    // §8.2: credential_configuration_id, or the credential_identifier the token response gave
    // (sign-in with authorization_details: the configuration id is the one identifier).
    const asked = request.credential_identifier !== undefined && this.signsIn ? request.credential_identifier : request.credential_configuration_id;
    const cardBase = cardOf(this.department, asked);
    if (cardBase && cardBase.id === offer.configurationId) {
      const card = await this.cardForToken(offer);
      this.save();
      return card;
    }
    if (asked !== offer.configurationId) {
      throw new IssuerError(400, 'unknown_credential_configuration', `This access token is for ${offer.configurationId}`);
    }
    const proofs = request.proofs as Record<string, unknown> | undefined;
    const jwts = proofs?.jwt;
    if (!Array.isArray(jwts) || jwts.length !== 1) throw new IssuerError(400, 'invalid_proof', 'Send exactly one key proof in proofs.jwt');
    const holderJwk = await checkKeyProof(jwts[0], { audience: this.url, nowS: this.now() / 1000, takeNonce: (n) => this.takeNonce(n) });
    if (offer.deferred) {
      const tx: TransactionRecord = { id: token(), offerId: offer.id, holderJwk, readyAt: this.now() + this.deferredDelayS * 1000 };
      this.state.transactions[tx.id] = tx;
      this.save();
      return { transactionId: tx.id, interval: DEFERRED_INTERVAL_S };
    }
    const result = await this.issue(offer, holderJwk);
    this.save();
    return result;
  }

  /** §9: the deferred credential, once ready. */
  async deferredRequest(auth: ResourceRequest | string | undefined, body: unknown): Promise<CredentialResult> {
    await this.offerForRequest(resourceRequest(auth, '/deferred_credential'));
    const id = (body as Record<string, unknown> | null)?.transaction_id;
    const tx = typeof id === 'string' ? this.state.transactions[id] : undefined;
    if (!tx) throw new IssuerError(400, 'invalid_transaction_id', 'The transaction_id is not known');
    if (this.now() < tx.readyAt) return { transactionId: tx.id, interval: DEFERRED_INTERVAL_S };
    if (!tx.credential) {
      const issued = await this.issue(this.state.offers[tx.offerId]!, tx.holderJwk);
      tx.credential = issued.credential;
      tx.notificationId = issued.notificationId;
      this.save();
    }
    return { credential: tx.credential, notificationId: tx.notificationId! };
  }

  private async issue(offer: OfferRecord, holderJwk: JsonWebKey): Promise<{ credential: string; notificationId: string }> {
    const configuration = this.configuration(offer.configurationId)!;
    const person = findPerson(offer.personId)!;
    const idx = this.state.issued.length;
    if (idx >= STATUS_LIST_SIZE) throw new IssuerError(500, 'server_error', 'The status list is full');
    const issuedAt = new Date(this.now());
    const authority = offer.authorityId === undefined ? undefined : findAuthority(offer.authorityId);
    const input = {
      issuer: this.url,
      type: configuration.type,
      holderJwk,
      // The OPG's authority: its claims from the register; `exp` below is the authority's "valid until".
      subject: authority ? authorityClaims(authority) : subjectClaims(this.department.id, person, String(100000 + idx), issuedAt),
      status: { idx, uri: this.statusListUri },
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + CREDENTIAL_LIFETIME_S * 1000),
    };
    const credential =
      configuration.format === 'mso_mdoc' ? await this.signMdoc(configuration, person, String(100000 + idx), input)
      : configuration.format === 'dc+sd-jwt' ? await signSdJwtVc(this.key, input)
      : await signJwtVc(this.key, input);
    const notificationId = token(12);
    this.state.issued.push({ idx, offerId: offer.id, configurationId: configuration.id, personId: person.id, ...(authority ? { authorityId: authority.id } : {}), issuedAt: issuedAt.getTime(), notificationId });
    this.state.statuses[idx] = STATUS.valid;
    return { credential, notificationId };
  }

  // ── paper cards (card-issuer.ts, docs/issuers.md "Paper cards") ─────────────────────────────

  /**
   * The paper card of the credential this token was issued for: the same claims (the card's
   * subset), the same expiry and the SAME status list entry, so revoking the credential revokes
   * its card. No key proof: a card is not bound to a key, and a proof sent anyway is ignored.
   */
  private async cardForToken(offer: OfferRecord): Promise<{ credential: string }> {
    const record = [...this.state.issued].reverse().find((r) => r.offerId === offer.id && r.configurationId === offer.configurationId);
    if (!record) {
      throw new IssuerError(400, 'invalid_request', `A paper card is issued only after its credential: ask for ${offer.configurationId} with this access token first, then for ${cardConfigurationId(offer.configurationId)}`);
    }
    const configuration = this.configuration(record.configurationId)!;
    const person = findPerson(record.personId)!;
    const issuedAt = new Date(record.issuedAt);
    // The credential's own claims, made again from what it was made from (person, serial, date).
    const subject = subjectClaims(this.department.id, person, String(100000 + record.idx), issuedAt);
    const cose = signPaperCard(this.key, {
      issuer: this.url,
      type: configuration.type,
      claims: cardClaims(configuration, subject),
      issuedAt: new Date(this.now()),
      expiresAt: new Date(record.issuedAt + CREDENTIAL_LIFETIME_S * 1000),
      status: { idx: record.idx, uri: this.statusListUri },
    });
    record.cardIssuedAt = this.now();
    return { credential: cardCredential(cose) };
  }

  /**
   * A paper card made at the counter (the admin page's "Print a card"): a credential of its own,
   * with its own status list entry (revocable like any other) and valid COUNTER_CARD_LIFETIME_S.
   */
  issueCounterCard(input: { personId: string; configurationId: string }): IssuedRecord {
    const person = findPerson(input.personId);
    if (!person) throw new RangeError(`No demo person ${input.personId}`);
    const configuration = this.configuration(input.configurationId);
    if (!configuration?.card) throw new RangeError(`${this.department.id} prints no card for ${input.configurationId}`);
    this.checkSubject(person, undefined);
    const idx = this.state.issued.length;
    if (idx >= STATUS_LIST_SIZE) throw new RangeError('The status list is full');
    const issuedAt = new Date(this.now());
    const cose = signPaperCard(this.key, { issuer: this.url, type: configuration.type, ...this.counterCardContent(configuration, person, idx, issuedAt), issuedAt, status: { idx, uri: this.statusListUri } });
    const record: IssuedRecord = { idx, offerId: '', configurationId: cardConfigurationId(configuration.id), personId: person.id, issuedAt: issuedAt.getTime(), notificationId: token(12), paperCard: cardCredential(cose) };
    this.state.issued.push(record);
    this.state.statuses[idx] = STATUS.valid;
    this.save();
    return record;
  }

  /** What a card printed at the counter says (made again from what it was made from), for its printable page. */
  counterCard(idx: number): { configuration: CredentialConfiguration; personId: string; claims: Record<string, CardClaimValue>; issuedAt: Date; expiresAt: Date; credential: string } | undefined {
    const record = this.state.issued[idx];
    const configuration = record?.paperCard ? cardOf(this.department, record.configurationId) : undefined;
    const person = record && findPerson(record.personId);
    if (!record?.paperCard || !configuration || !person) return undefined;
    const issuedAt = new Date(record.issuedAt);
    return { configuration, personId: person.id, ...this.counterCardContent(configuration, person, idx, issuedAt), issuedAt, credential: record.paperCard };
  }

  /** A counter card's claims (from the person's record, serial = its status index) and its expiry. */
  private counterCardContent(configuration: CredentialConfiguration, person: DemoPerson, idx: number, issuedAt: Date): { claims: Record<string, CardClaimValue>; expiresAt: Date } {
    const claims = cardClaims(configuration, subjectClaims(this.department.id, person, String(100000 + idx), issuedAt));
    return { claims, expiresAt: new Date(issuedAt.getTime() + COUNTER_CARD_LIFETIME_S * 1000) };
  }

  /** The name of a configuration or of a card configuration (`X_card`), in English and Welsh. */
  configurationName(id: string): Department['name'] | undefined {
    const card = cardOf(this.department, id);
    if (card) return cardName(card);
    return this.configuration(id)?.name;
  }

  /**
   * An ISO mdoc (OpenID4VCI 1.0 Appendix A.2): the mDL's elements, bound to the key from the key
   * proof, with the status list entry in the MSO, signed by the Document Signer, valid no longer
   * than its certificate.
   */
  private signMdoc(configuration: CredentialConfiguration, person: NonNullable<ReturnType<typeof findPerson>>, serial: string, input: CredentialInput): Promise<string> {
    if (!this.mdocSigner) throw new IssuerError(500, 'server_error', `${this.department.id} has no Document Signer for ${configuration.id}`);
    const signer = this.mdocSigner;
    return issueMdoc({
      docType: configuration.type,
      nameSpaces: mdlElements(person, licenceNumber(person, serial), input.issuedAt),
      deviceJwk: input.holderJwk,
      signed: input.issuedAt,
      validFrom: input.issuedAt,
      validUntil: new Date(Math.min(input.expiresAt.getTime(), signer.documentSignerNotAfter.getTime())),
      status: input.status,
      x5chain: [signer.documentSignerCertificate],
      sign: signer.sign,
    });
  }

  // ── notification endpoint (§11) ─────────────────────────────────────────────────────────────

  async notify(auth: ResourceRequest | string | undefined, body: unknown): Promise<void> {
    await this.offerForRequest(resourceRequest(auth, '/notification'));
    const b = (body ?? {}) as Record<string, unknown>;
    const record = this.state.issued.find((i) => i.notificationId === b.notification_id);
    if (!record) throw new IssuerError(400, 'invalid_notification_id', 'The notification_id is not known');
    if (!['credential_accepted', 'credential_failure', 'credential_deleted'].includes(String(b.event))) {
      throw new IssuerError(400, 'invalid_notification_request', 'Unknown event');
    }
    record.notification = String(b.event);
    this.save();
  }

  // ── status (admin) ──────────────────────────────────────────────────────────────────────────

  issued(): readonly IssuedRecord[] {
    return this.state.issued;
  }

  status(idx: number): number | undefined {
    return idx < this.state.issued.length ? this.state.statuses[idx] : undefined;
  }

  setStatus(idx: number, status: StatusName): void {
    if (!Number.isInteger(idx) || idx < 0 || idx >= this.state.issued.length) throw new RangeError(`No credential ${idx} at ${this.department.id}`);
    this.state.statuses[idx] = STATUS[status];
    this.save();
  }

  statusListToken(): Promise<string> {
    return statusListToken(this.key, this.statusListUri, this.state.statuses, new Date(this.now()), this.statusListTtlS);
  }
}

/** A bare string is the Authorization header of a pre-authorised (Bearer) request. */
function resourceRequest(auth: ResourceRequest | string | undefined, path: string): ResourceRequest {
  return typeof auth === 'object' ? auth : { authorization: auth, path };
}
