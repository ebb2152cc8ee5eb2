/**
 * Sharing (holder side; docs/sharing.md): the Sharer of share-api.ts.
 *
 *   readRequest  request QR (in person, src/protocols/in-person) or OpenID4VP 1.0 link (online,
 *                §5.10 request_uri) → validated request → DCQL match against held credentials
 *                (§6.4) → candidates with what is asked and what is not
 *   respond      after consent: SD-JWT presentation of exactly the chosen claims with a KB-JWT
 *                bound to the request's nonce and client_id (RFC 9901 §4.3; OpenID4VP B.3.6) →
 *                vp_token (§8.1) encrypted to the verifier's key (§8.3, ECDH-ES/A256GCM, HAIP) →
 *                QR frames; or POSTed by direct_post(.jwt) (respondOnline, §8.2)
 *   quickShow    presentation bound to a time-based nonce (weaker; src/protocols/in-person/quick-show.ts)
 * A JWT VC (the veteran card) cannot disclose selectively: it is offered whole (candidate.whole) and
 * presented as `<vc-jwt>~<kb-jwt>` (src/credentials/presentation.ts). A credential the wallet last
 * saw revoked, suspended or expired is never offered or shown: a checker would turn it away, and
 * its data would be given for nothing; the person is told which one and why (credential-unusable).
 * Who is asking (verifier-identity.ts): a signed online request whose certificate chains to the trust
 * list's register of verifiers is from that registered organisation, named as the register names it,
 * with every claim asked beyond its registration marked; a signed request Satchel cannot confirm is
 * refused before anything is sent; an unsigned one (and any in person) is from an unregistered verifier.
 * Every share is written to the vault's activity log: when, to whom, which credential, which claims.
 */
import { AUTHORITY_CLAIMS, AUTHORITY_POWERS, AUTHORITY_TYPE, type AuthorityPower } from '../../credentials/on-behalf';
import { createPresentation, type RegisteredVerifier, type SignatureVerifier, type TrustList, type VerifierRegister } from '../../credentials/index';
import type { PresentationHandover } from '../../credentials/formats/format';
import { base64urlEncode } from '../../lib/base64url';
import type { RemoteUrlPolicy } from '../../lib/remote-url';
import { isRequestQr, decodeRequestQr } from '../../protocols/in-person/request-qr';
import { FRAME_MS, splitIntoFrames } from '../../protocols/in-person/frames';
import { QUICK_SHOW_AUDIENCE, quickShowNonce } from '../../protocols/in-person/quick-show';
import { packPresentation } from '../../protocols/in-person/quick-show-payload';
import { matchCredential, matchQuery, selectClaim, typesAsked, type CredentialMatch, type DcqlQuery, type HeldCredential } from '../../protocols/openid4vp/dcql';
import { openid4vpHandover, satchelQrHandover } from '../../protocols/openid4vp/handover';
import { parseAuthorizationRequestLink, resolveAuthorizationRequest } from '../../protocols/openid4vp/authorization-request';
import { RequestError, type ValidatedRequest } from '../../protocols/openid4vp/request-object';
import { answerParameters, encryptResponse, postErrorResponse, postResponse } from '../../protocols/openid4vp/response';
import { heldCredential, labelPath, requestOnly, shareablePaths, sharedWhole } from '../held';
import { KNOWN_TYPES, labelFromName, nameAsWords, nameOfClaim, nameOfType, nameKey, purposeAnswerFor, isPurpose, SELF_PERSON } from '../shared';
import type { CredentialView } from '../held';
import type { DisplayName, Localised, PersonId } from '../shared';
import type { ShareVia } from '../activity';
import type { SatchelVault } from '../vault';
import type { HeldAuthority, People, Person } from '../people';
import { ShareError, type NoAuthorityReason, type OnBehalfRequest, type QrFrames, type ShareAnswer, type ShareAnswerArgs, type ShareCandidate, type ShareErrorDetails, type ShareRequest, type Sharer, type UnusableReason, type VerifierIdentity } from './share-api';
import { beyondRegistration, identifyVerifier } from './verifier-identity';
import type { ClaimPath, Purpose } from '../shared';

export type ShareVault = Pick<SatchelVault, 'state' | 'listCredentials' | 'getCredential' | 'deviceSigningKey' | 'recordActivity'>;

export interface SharerOptions {
  vault: ShareVault;
  /** Claim labels and type names as the receive use case shows them (Receiver.credential). */
  views?: { credential(id: string): Promise<CredentialView | undefined> };
  fetch?: typeof fetch;
  now?: () => number;
  /** Where requests may be fetched from and answers sent (WalletConfig.remoteUrls); absent = production rules. */
  remoteUrls?: RemoteUrlPolicy;
  /**
   * The trust list whose register of verifiers a signed request's certificate must chain to (the
   * trust cache's, wallet/trust). Absent, or a list without a register: no signed request can be
   * confirmed, so every one is refused; unsigned ones are still read, as unregistered.
   */
  trust?: { trustList(): Promise<TrustList | undefined> };
  /** Checks a signed request's signature and its certificate chain's (the app's crypto worker). */
  verifier?: SignatureVerifier;
  /**
   * The people the holder keeps credentials for, and the authorities they hold to act for them
   * (wallet/people). Absent: only the holder's own space is named, and no request asking for an
   * authority can be answered ('no-authority').
   */
  people?: Pick<People, 'list' | 'authoritiesFor'>;
}

interface OpenRequest {
  request: ValidatedRequest;
  mode: ShareRequest['mode'];
  /** In person: the request QR as scanned, which an mdoc's device signature is bound to (docs/sharing.md). */
  requestQr?: string;
  /** The credential queries to answer, all together (§6.4.2). */
  queryIds: string[];
  /** Per query id: the held credentials that answer it, by credential id. */
  matches: Map<string, Map<string, CredentialMatch>>;
  /** Who is asking, as established when the request was read (the activity log names a registered verifier by its registered name). */
  identity: VerifierIdentity;
  /** On someone's behalf: the authority's query, and per person Satchel may answer for, their queries and authority credentials. */
  onBehalf?: { authorityQueryId: string; people: Map<PersonId, { queryIds: string[]; authorityIds: Set<string> }> };
}

/** One credential of an answer, checked against the request. */
interface CheckedAnswer {
  match: CredentialMatch;
  claims: ClaimPath[];
}

/** The person's answers, checked, with whose they are: the activity log records every credential of the answer under them. */
interface CheckedAnswers {
  answers: CheckedAnswer[];
  personId: PersonId;
}

/** The credential query asking for an authority to act for someone (AUTHORITY_TYPE), if any. */
function authorityQueryOf(query: DcqlQuery): DcqlQuery['credentials'][number] | undefined {
  return query.credentials.find((q) => typesAsked(q).includes(AUTHORITY_TYPE));
}

/** The donor an authority names, as it writes their name ("Margaret Jones"), for the consent screen beside the holder's label for them. */
function donorNameOf(authority: HeldCredential): string | undefined {
  const part = (name: string) => (typeof authority.claims[name] === 'string' ? (authority.claims[name] as string).trim() : '');
  const name = [part(AUTHORITY_CLAIMS.donorGivenName), part(AUTHORITY_CLAIMS.donorFamilyName)].filter((p) => p !== '').join(' ');
  return name === '' ? undefined : name;
}

/** The power an authority query asks for: its `power` claim's DCQL `values` (§6.3), exactly one of AUTHORITY_POWERS. */
function powerAsked(query: DcqlQuery['credentials'][number]): AuthorityPower {
  const values = query.claims?.find((c) => c.path.length === 1 && c.path[0] === 'power')?.values;
  const power = values?.length === 1 ? values[0] : undefined;
  if (typeof power !== 'string' || !(AUTHORITY_POWERS as readonly string[]).includes(power)) {
    throw new ShareError('request-malformed', `The request asks for an authority to act for someone without saying for what: its query ${query.id} must give one power (${AUTHORITY_POWERS.join(' or ')}) as the values of its power claim`);
  }
  return power as AuthorityPower;
}

function samePath(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** OpenID4VP 1.0 §5.9.3: the client identifier prefix naming a DNS name of the request's signing certificate. */
const X509_SAN_DNS = 'x509_san_dns:';

/** Claims that carry a photo: sent only when the verifier asked for them (docs/sharing.md, "Portraits"). */
export const PORTRAIT_CLAIMS: ReadonlySet<string> = new Set(['portrait', 'picture', 'photo']);

/** A name for what a credential query asks for, to say what the person does not hold. */
function queryTypeName(query: DcqlQuery, queryId: string): DisplayName {
  const asked = query.credentials.find((c) => c.id === queryId);
  const types = asked ? typesAsked(asked) : [];
  // A type Satchel has a name for, if any is accepted; else the first; else the query's id.
  const type = types.find((v) => KNOWN_TYPES.includes(v)) ?? types[0];
  return type !== undefined ? nameOfType(type) : nameAsWords(labelFromName(queryId));
}

/** How a held credential is presented to the person: names, and whether it may be shared at all. */
interface Described {
  typeName: DisplayName;
  /** Whose it is (the view's; SELF_PERSON when no view could be read). */
  personId: PersonId;
  label: (path: ClaimPath) => DisplayName;
  issuerName?: Localised;
  validUntil?: string;
  status?: CredentialView['status']['state'];
  /** Set when a checker would turn it away: it is not offered. */
  unusable?: UnusableReason;
}

/** Held credentials as sortedHeld splits them. */
interface Sorted {
  usable: HeldCredential[];
  unusable: { held: HeldCredential; described: Described }[];
  described: Map<string, Described>;
}

/** What a request can be answered with: the queries (the first person's, on someone's behalf), every query any candidate answers, and the matches. */
interface Plan {
  queryIds: string[];
  allQueryIds: string[];
  byQuery: Record<string, CredentialMatch[]>;
  onBehalf?: OnBehalfRequest;
}

/** Whether the query matches on claim values (§6.3 `values`): then a "no" reveals something. */
function asksForValues(query: DcqlQuery): boolean {
  return query.credentials.some((c) => c.claims?.some((claim) => claim.values !== undefined));
}

/** The claim a path is about, by name: its first step once the steps to the subject are left out (an mdoc's namespace, a W3C VC's credentialSubject). */
function claimName(path: readonly (string | number | null)[]): unknown {
  return labelPath(path)[0];
}

function withoutUnaskedPortrait(claims: ClaimPath[], match: CredentialMatch): ClaimPath[] {
  return claims.filter((p) => {
    const name = claimName(p);
    return typeof name !== 'string' || !PORTRAIT_CLAIMS.has(name) || match.claims.some((m) => claimName(m) === name);
  });
}

class SharerImpl implements Sharer {
  private readonly requests = new Map<string, OpenRequest>();
  /** Whose each held credential is, as last read from the vault (StoredCredential.personId; absent = SELF_PERSON). */
  private readonly owners = new Map<string, PersonId>();
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: SharerOptions) {
    this.now = options.now ?? (() => Date.now());
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  private async unlocked(): Promise<void> {
    if ((await this.options.vault.state()) !== 'unlocked') throw new ShareError('locked', 'Unlock Satchel to share a credential');
  }

  private async held(): Promise<HeldCredential[]> {
    const stored = await this.options.vault.listCredentials();
    for (const c of stored) this.owners.set(c.id, c.personId ?? SELF_PERSON);
    return stored.map(heldCredential).filter((h): h is HeldCredential => h !== undefined);
  }

  private ownerOf(credentialId: string): PersonId {
    return this.owners.get(credentialId) ?? SELF_PERSON;
  }

  private async heldOne(credentialId: string): Promise<{ held: HeldCredential; raw: string }> {
    // One row read and decrypted, not every credential (its row key is an HMAC of the id).
    const stored = await this.options.vault.getCredential(credentialId);
    const held = stored && heldCredential(stored);
    if (!stored || !held) throw new TypeError(`credentialId ${credentialId} is not a credential that can be shared`);
    this.owners.set(stored.id, stored.personId ?? SELF_PERSON);
    return { held, raw: stored.raw };
  }

  /** Names and state from the receive use case's view (re-verified against the cached status lists). */
  private async labelsOf(held: HeldCredential): Promise<Described> {
    const view = await this.options.views?.credential(held.id).catch(() => undefined);
    const typeName = view?.typeName ?? nameOfType(held.type);
    const label = (path: ClaimPath): DisplayName => {
      // Views name a W3C VC's claims by their place in credentialSubject.
      const known = view?.claims.find((c) => samePath(c.path, path) || samePath(c.path, labelPath(path)));
      if (known) return known.label;
      return nameOfClaim(labelPath(path));
    };
    const out: Described = { typeName, label, personId: view?.personId ?? this.ownerOf(held.id) };
    if (!view) return out;
    out.issuerName = view.issuerName;
    out.status = view.status.state;
    if (view.validUntil !== undefined) out.validUntil = view.validUntil;
    if (view.status.state === 'revoked' || view.status.state === 'suspended') out.unusable = view.status.state;
    else if (view.validUntil !== undefined && Date.parse(view.validUntil) <= this.now()) out.unusable = 'expired';
    return out;
  }

  /**
   * Held credentials split into those that may be shared and those that may not, with how each one
   * that could answer `query` is described (only those are looked up: each view is re-verified).
   */
  private async sortedHeld(query: DcqlQuery): Promise<Sorted> {
    const all = await this.held();
    const couldAnswer = new Set(Object.values(matchQuery(query, all).byQuery).flatMap((ms) => ms.map((m) => m.credentialId)));
    const usable: HeldCredential[] = [];
    const unusable: { held: HeldCredential; described: Described }[] = [];
    const described = new Map<string, Described>();
    for (const held of all) {
      if (!couldAnswer.has(held.id)) {
        usable.push(held);
        continue;
      }
      const d = await this.labelsOf(held);
      described.set(held.id, d);
      if (d.unusable) unusable.push({ held, described: d });
      else usable.push(held);
    }
    return { usable, unusable, described };
  }

  private unusableError(all: Described[], details: ShareErrorDetails = {}): ShareError {
    const unusable = all.map((d) => ({ typeName: d.typeName, reason: d.unusable!, ...(d.issuerName ? { issuerName: d.issuerName } : {}) }));
    const what = unusable.map((u) => `${nameKey(u.typeName)} (${u.reason})`).join(', ');
    return new ShareError('credential-unusable', `Satchel will not share ${what}: a checker would turn it away`, { ...details, unusable });
  }

  /** The register of verifiers on the trust list this phone holds; undefined when it has none (or no list). */
  private async register(): Promise<VerifierRegister | undefined> {
    const list = await this.options.trust?.trustList().catch(() => undefined);
    return list?.verifierRegister;
  }

  async readRequest(input: string): Promise<ShareRequest> {
    if (typeof input !== 'string') throw new ShareError('not-a-request', 'This is not a request to share a credential');
    const text = input.trim();
    const now = new Date(this.now());
    let request: ValidatedRequest;
    let mode: ShareRequest['mode'];
    let register: VerifierRegister | undefined;
    let claimedHost: string | undefined;
    try {
      if (isRequestQr(text)) {
        mode = 'in-person';
        request = await decodeRequestQr(text, now);
      } else {
        const link = parseAuthorizationRequestLink(text);
        if (!link) throw new ShareError('not-a-request', 'This QR code or link is not a request to share a credential');
        mode = 'online';
        if (link.clientId.startsWith(X509_SAN_DNS)) claimedHost = link.clientId.slice(X509_SAN_DNS.length).slice(0, 253);
        register = await this.register();
        // OpenID4VP 1.0 §5.9.3 (x509_san_dns:, x509_hash:): the x5c chain must lead to one of the
        // register's CA certificates; with none, a signed request is refused as unlisted.
        request = await resolveAuthorizationRequest(link, {
          fetch: this.fetchFn,
          now,
          anchors: register?.anchors ?? [],
          ...(this.options.verifier ? { verifier: this.options.verifier } : {}),
          ...(this.options.remoteUrls ? { remoteUrls: this.options.remoteUrls } : {}),
        });
      }
    } catch (error) {
      if (error instanceof ShareError) throw error;
      // A signed request whose signer could not be confirmed: nothing is sent, not even §8.5's
      // access_denied. Its response_uri was vouched for only by that unconfirmed signer, so it may
      // be anyone's address, and telling it "no" would tell an impostor this phone holds a wallet.
      if (error instanceof RequestError && error.code === 'untrusted') {
        throw new ShareError('verifier-untrusted', error.message, { ...(error.problem ? { verifierProblem: error.problem } : {}), ...(claimedHost ? { claimedHost } : {}) });
      }
      if (error instanceof RequestError) throw new ShareError(error.code === 'expired' ? 'request-expired' : 'request-malformed', error.message);
      throw new ShareError('request-malformed', 'Could not read the request from the verifier: check the connection and try again');
    }
    // Before anything else (and anything sent): a signer the register does not list is refused like any other unconfirmed signer.
    const { identity, entry } = identified(request.signer, register, claimedHost);
    await this.unlocked();
    const sorted = await this.sortedHeld(request.dcql);
    const { usable: held, described } = sorted;
    const people = await this.options.people?.list();
    const authorityQuery = authorityQueryOf(request.dcql);
    const plan = authorityQuery ? await this.onBehalfPlan(request, mode, authorityQuery, sorted, people ?? []) : await this.ownPlan(request, mode, sorted);
    const matches = new Map<string, Map<string, CredentialMatch>>();
    const candidates: ShareRequest['candidates'] = [];
    for (const queryId of plan.allQueryIds) {
      const byCredential = new Map<string, CredentialMatch>();
      matches.set(queryId, byCredential);
      for (const m of plan.byQuery[queryId] ?? []) {
        byCredential.set(m.credentialId, m);
        const one = held.find((h) => h.id === m.credentialId)!;
        const d = described.get(one.id)!;
        candidates.push(candidateOf(queryId, one, m, d, entry));
      }
    }
    const requestId = base64urlEncode(crypto.getRandomValues(new Uint8Array(12)));
    // Requests read but never answered are forgotten once expired.
    for (const [id, r] of this.requests) if (Date.parse(r.request.expiresAt) < this.now()) this.requests.delete(id);
    const onBehalf = plan.onBehalf && {
      authorityQueryId: plan.onBehalf.authorityQueryId,
      people: new Map(plan.onBehalf.people.map((p) => [p.personId, { queryIds: p.queryIds, authorityIds: new Set(p.authorities.map((a) => a.credentialId)) }])),
    };
    this.requests.set(requestId, { request, mode, queryIds: plan.queryIds, matches, identity, ...(onBehalf ? { onBehalf } : {}), ...(mode === 'in-person' ? { requestQr: text } : {}) });
    const out: ShareRequest = { requestId, mode, verifier: identity, expiresAt: request.expiresAt, queryIds: [...plan.queryIds], candidates };
    if (people) out.people = people;
    if (plan.onBehalf) out.onBehalf = plan.onBehalf;
    if (request.verifierName !== undefined) out.verifierName = request.verifierName;
    if (request.responseUri !== undefined) out.responseOrigin = new URL(request.responseUri).origin;
    if (isPurpose(request.purpose)) out.purpose = request.purpose;
    return out;
  }

  /**
   * A request for the holder's own credentials, or (assisted use) those of a person they help:
   * every person's space may answer; one answer is one person's (checkAnswers).
   */
  private async ownPlan(request: ValidatedRequest, mode: ShareRequest['mode'], { usable, unusable }: Sorted): Promise<Plan> {
    const match = matchQuery(request.dcql, usable);
    // §6.4.2: answerable only when every required credential (set) can be answered — else nothing is sent.
    if (!match.satisfiable || match.toAnswer.length === 0) {
      const missing = match.missing.map((id) => queryTypeName(request.dcql, id));
      // Held, but cancelled or expired: say which and why rather than "you do not have it".
      const wouldAnswer = unusable.filter((u) => request.dcql.credentials.some((q) => match.missing.includes(q.id) && matchCredential(q, u.held)));
      const told = await this.toldNo(request, mode);
      if (wouldAnswer.length > 0) throw this.unusableError(wouldAnswer.map((u) => u.described), { missing, ...told });
      throw new ShareError('nothing-matches', 'You do not have a credential with what this verifier asks for', { missing, ...told });
    }
    return { queryIds: match.toAnswer, allQueryIds: match.toAnswer, byQuery: match.byQuery };
  }

  /** §8.5 access_denied at once, except for value matching: an instant error would tell the verifier a claim's value without any consent (§15's privacy note on error responses). */
  private async toldNo(request: ValidatedRequest, mode: ShareRequest['mode']): Promise<{ verifierTold: boolean; redirectUri?: string }> {
    return mode === 'online' && !asksForValues(request.dcql) ? this.tellVerifierNo(request) : { verifierTold: false };
  }

  /**
   * A request on someone's behalf (docs/sharing.md, "On someone's behalf"): for each person the
   * holder helps (never SELF_PERSON), the request is matched against that person's own
   * credentials and the holder's usable authorities for them of the power asked (People.authoritiesFor,
   * linked by the donor's name and date of birth). Those it is satisfiable for may be chosen; with
   * none, 'no-authority' says for each person why not.
   */
  private async onBehalfPlan(request: ValidatedRequest, mode: ShareRequest['mode'], authorityQuery: DcqlQuery['credentials'][number], { usable, described }: Sorted, people: Person[]): Promise<Plan> {
    const power = powerAsked(authorityQuery);
    // The authority is the holder's own credential, bound to their key: only their own space's count.
    const ownAuthorities = usable.filter((h) => this.ownerOf(h.id) === SELF_PERSON && matchCredential(authorityQuery, h));
    const personQueries = request.dcql.credentials.filter((q) => q.id !== authorityQuery.id);
    const eligible: OnBehalfRequest['people'] = [];
    const refused: NonNullable<ShareErrorDetails['people']> = [];
    const byQuery: Record<string, CredentialMatch[]> = {};
    const allQueryIds: string[] = [];
    for (const person of people.filter((p) => p.id !== SELF_PERSON)) {
      const theirs = usable.filter((h) => this.ownerOf(h.id) === person.id);
      const held = (await this.options.people?.authoritiesFor(person.id)) ?? [];
      const ofPower = held.filter((a) => a.power === power);
      const authorities = ofPower.filter((a) => a.usable && ownAuthorities.some((h) => h.id === a.credentialId));
      const match = matchQuery(request.dcql, [...theirs, ...ownAuthorities.filter((h) => authorities.some((a) => a.credentialId === h.id))]);
      if (match.satisfiable && match.toAnswer.includes(authorityQuery.id)) {
        const donorName = donorNameOf(ownAuthorities.find((h) => h.id === authorities[0]!.credentialId)!);
        eligible.push({ personId: person.id, queryIds: match.toAnswer, authorities, ...(donorName ? { donorName } : {}) });
        for (const id of match.toAnswer) {
          if (!allQueryIds.includes(id)) allQueryIds.push(id);
          const list = (byQuery[id] ??= []);
          for (const m of match.byQuery[id] ?? []) if (!list.some((x) => x.credentialId === m.credentialId)) list.push(m);
        }
        continue;
      }
      const reason: NoAuthorityReason = !personQueries.some((q) => theirs.some((h) => matchCredential(q, h)))
        ? 'no-credential'
        : held.length === 0 ? 'no-authority' : ofPower.length === 0 ? 'other-power' : described.get(ofPower[0]!.credentialId)?.unusable ?? this.lastSeen(ofPower[0]!);
      refused.push({ personId: person.id, name: person.name, reason });
    }
    if (eligible.length === 0) {
      const why = refused.map((r) => `${r.name}: ${r.reason}`).join('; ');
      throw new ShareError('no-authority', `You cannot answer this on anyone's behalf: it needs their credential and your authority to act for them (${power})${why ? ` — ${why}` : ''}`, { power, people: refused, ...(await this.toldNo(request, mode)) });
    }
    return { queryIds: eligible[0]!.queryIds, allQueryIds, byQuery, onBehalf: { authorityQueryId: authorityQuery.id, power, people: eligible } };
  }

  /** Why an authority of the power asked is not usable, as the people use case last saw it (revoked unless its validity has ended). */
  private lastSeen(authority: HeldAuthority): UnusableReason {
    return authority.validUntil !== undefined && Date.parse(authority.validUntil) <= this.now() ? 'expired' : 'revoked';
  }

  async claimsForPurpose(credentialId: string, purpose: Purpose): Promise<ClaimPath[]> {
    if (!isPurpose(purpose)) throw new TypeError(`purpose must be one of over-18, right-to-work, identity, veteran, driving (got ${String(purpose)})`);
    const { held } = await this.heldOne(credentialId);
    // A credential of another type cannot answer the purpose, whatever claims it shares with it; one
    // that can names the claims in its own format (the licence's age_over_18 as an SD-JWT claim or an mDL element).
    const answer = purposeAnswerFor(purpose, held.format, held.type);
    if (!answer) return [];
    return answer.claims.filter((p) => selectClaim(held.claims, p).length > 0).map((p) => [...p]);
  }

  async shareableClaims(credentialId: string): Promise<{ path: ClaimPath; label: DisplayName }[]> {
    const { held } = await this.heldOne(credentialId);
    const { label } = await this.labelsOf(held);
    return shareablePaths(held).map((path) => ({ path, label: label(path) }));
  }

  private open(requestId: string, mode: ShareRequest['mode']): OpenRequest {
    const open = this.requests.get(requestId);
    if (!open) throw new ShareError('request-expired', 'This request has already been answered or was closed: scan a new one');
    if (open.mode !== mode) throw new TypeError(`request ${requestId} is answered with ${open.mode === 'online' ? 'respondOnline' : 'respond'}`);
    if (Date.parse(open.request.expiresAt) < this.now()) {
      this.requests.delete(requestId);
      throw new ShareError('request-expired', 'This request has expired: ask the verifier for a new one');
    }
    return open;
  }

  /**
   * The person's answers, checked: exactly one candidate credential for every query to answer
   * (§6.4.2), all of one person's space; on someone's behalf, a person Satchel may answer for
   * and one of their authorities.
   */
  private checkAnswers(open: OpenRequest, requestId: string, given: ShareAnswerArgs): CheckedAnswers {
    let answers: ShareAnswer[];
    if (given.length === 2) {
      if (open.queryIds.length !== 1) throw new TypeError(`request ${requestId} needs ${open.queryIds.length} credentials: pass one ShareAnswer per query id (${open.queryIds.join(', ')})`);
      answers = [{ queryId: open.queryIds[0]!, credentialId: given[0], claims: given[1] }];
    } else {
      answers = given[0];
    }
    const authorityQueryId = open.onBehalf?.authorityQueryId;
    // Whose answer this is: the owner of its credentials other than the authority (the holder's own).
    const owners = [...new Set(answers.filter((a) => a.queryId !== authorityQueryId).map((a) => this.ownerOf(a.credentialId)))];
    if (owners.length > 1) throw new TypeError(`an answer is one person's credentials (got ${owners.join(', ')}'s)`);
    const personId = owners[0] ?? SELF_PERSON;
    const forPerson = open.onBehalf?.people.get(personId);
    if (open.onBehalf && !forPerson) throw new TypeError(`request ${requestId} cannot be answered on ${personId}'s behalf`);
    const queryIds = forPerson?.queryIds ?? open.queryIds;
    const answered = answers.map((a) => a.queryId);
    if (answered.length !== queryIds.length || !queryIds.every((id) => answered.includes(id))) {
      throw new TypeError(`answers must cover each of ${queryIds.join(', ')} once (got ${answered.join(', ') || 'none'})`);
    }
    const checked = answers.map((a) => {
      const match = open.matches.get(a.queryId)?.get(a.credentialId);
      if (!match) throw new TypeError(`credentialId ${a.credentialId} is not one of this request's candidates for ${a.queryId}`);
      if (a.queryId === authorityQueryId && !forPerson!.authorityIds.has(a.credentialId)) throw new TypeError(`credentialId ${a.credentialId} is not an authority to act for ${personId}`);
      return { match, claims: withoutUnaskedPortrait(a.claims, match) };
    });
    return { answers: checked, personId };
  }

  private async present(credentialId: string, claims: ClaimPath[], audience: string, nonce: string, handover?: PresentationHandover): Promise<{ presentation: string; held: HeldCredential }> {
    await this.unlocked();
    const { held, raw } = await this.heldOne(credentialId);
    const holderKey = await this.options.vault.deviceSigningKey(credentialId);
    // An mdoc's device signature also covers the handover (ISO/IEC 18013-5 §9.1.5.1); a KB-JWT ignores it.
    const presentation = await createPresentation(raw, { disclose: claims, audience, nonce, holderKey, now: new Date(this.now()), ...(handover ? { handover } : {}) });
    return { presentation, held };
  }

  /**
   * §8.1: one vp_token keyed by credential query id, one presentation each; every KB-JWT bound to
   * the same nonce and audience (the client_id, B.3.6), and every mdoc's DeviceAuth to the same
   * SessionTranscript (B.2.6.1). All are made before anything is sent.
   */
  private async presentAll(request: ValidatedRequest, { answers }: CheckedAnswers, handover: PresentationHandover): Promise<{ vpToken: Record<string, string[]>; shared: { held: HeldCredential; claims: ClaimPath[] }[] }> {
    const vpToken: Record<string, string[]> = {};
    const shared: { held: HeldCredential; claims: ClaimPath[] }[] = [];
    for (const { match, claims } of answers) {
      const { presentation, held } = await this.present(match.credentialId, claims, request.clientId, request.nonce, handover);
      vpToken[match.queryId] = [presentation];
      shared.push({ held, claims });
    }
    return { vpToken, shared };
  }

  /** Logs a share with the verifier's registered name, else its own name, or, for a quick show (no verifier named), how it was shared. */
  /** `personId`: whose answer it was (on someone's behalf, the authority shared is logged under the person too: it was used for them). */
  private async log(held: HeldCredential, to: { counterparty: string; counterpartyName?: Localised } | { via: ShareVia }, claims: ClaimPath[], personId: PersonId): Promise<void> {
    const { typeName, label } = await this.labelsOf(held);
    // A credential shared whole gave away every claim on it, whatever was asked.
    const given = sharedWhole(held) ? shareablePaths(held) : claims;
    await this.options.vault.recordActivity({ kind: 'shared', credentialId: held.id, credentialTypeName: typeName, ...to, claims: given.map(label), personId });
  }

  async respond(requestId: string, ...answer: ShareAnswerArgs): Promise<QrFrames> {
    const open = this.open(requestId, 'in-person');
    const { request } = open;
    const checked = this.checkAnswers(open, requestId, answer);
    const { vpToken, shared } = await this.presentAll(request, checked, satchelQrHandover(open.requestQr!));
    const jwe = await encryptResponse(request, answerParameters(request, vpToken));
    const frames = splitIntoFrames('response', jwe);
    this.requests.delete(requestId); // one response per request
    for (const s of shared) await this.log(s.held, counterpartyOf(open.identity, request.verifierName ?? request.clientId), s.claims, checked.personId);
    return { frames, frameMs: FRAME_MS };
  }

  async respondOnline(requestId: string, ...answer: ShareAnswerArgs): Promise<{ redirectUri?: string }> {
    const open = this.open(requestId, 'online');
    const { request } = open;
    const checked = this.checkAnswers(open, requestId, answer);
    const { vpToken, shared } = await this.presentAll(request, checked, await openid4vpHandover(request));
    const result = await postResponse(request, answerParameters(request, vpToken), this.fetchFn);
    this.requests.delete(requestId);
    for (const s of shared) await this.log(s.held, counterpartyOf(open.identity, request.verifierName ?? new URL(request.responseUri!).host), s.claims, checked.personId);
    return result;
  }

  async decline(requestId: string): Promise<{ verifierTold: boolean; redirectUri?: string }> {
    const open = this.requests.get(requestId);
    this.requests.delete(requestId);
    if (!open || open.mode !== 'online' || Date.parse(open.request.expiresAt) < this.now()) return { verifierTold: false };
    return this.tellVerifierNo(open.request);
  }

  /** §8.5: access_denied to a waiting online verifier; verifierTold false when it could not be told (unreachable, refused). */
  private async tellVerifierNo(request: ValidatedRequest): Promise<{ verifierTold: boolean; redirectUri?: string }> {
    if (!request.responseUri) return { verifierTold: false };
    try {
      return { verifierTold: true, ...(await postErrorResponse(request, 'access_denied', this.fetchFn)) };
    } catch {
      return { verifierTold: false };
    }
  }

  async quickShow(credentialId: string, claims: ClaimPath[]): Promise<QrFrames> {
    await this.unlocked();
    const { held: chosen } = await this.heldOne(credentialId);
    const described = await this.labelsOf(chosen);
    // A holder proof that covers a request (an mdoc's SessionTranscript, ISO/IEC 18013-5 §9.1.5.1)
    // cannot be made for quick show, which has none (docs/sharing.md).
    if (requestOnly(chosen)) throw new ShareError('quick-show-unavailable', `A ${nameKey(described.typeName)} cannot be shown by quick show: scan the checker's code instead`, { typeName: described.typeName });
    if (described.unusable) throw this.unusableError([described]);
    const { presentation, held } = await this.present(credentialId, claims, QUICK_SHOW_AUDIENCE, quickShowNonce(new Date(this.now())));
    const frames = splitIntoFrames('quick-show', await packPresentation(presentation));
    // A person's credential shown by the holder is assisted use: logged under that person.
    await this.log(held, { via: 'quick-show' }, claims, this.ownerOf(held.id));
    return { frames, frameMs: FRAME_MS };
  }
}

/** identifyVerifier, its refusal naming the host the request claimed to be from. */
function identified(signer: ValidatedRequest['signer'], register: VerifierRegister | undefined, claimedHost: string | undefined): ReturnType<typeof identifyVerifier> {
  try {
    return identifyVerifier(signer, register);
  } catch (error) {
    if (error instanceof ShareError && claimedHost) throw new ShareError(error.code, error.message, { ...error.details, claimedHost });
    throw error;
  }
}

/** Who the activity log says a share went to: a registered verifier by its registered name (in each language), else the name it gave. */
function counterpartyOf(identity: VerifierIdentity, stated: string): { counterparty: string; counterpartyName?: Localised } {
  return identity.kind === 'registered' ? { counterparty: identity.name.en, counterpartyName: { ...identity.name } } : { counterparty: stated };
}

/**
 * A candidate for the consent screen: which credential (type, issuer, expiry, status) and what it
 * shares; with a registered verifier's entry, each claim its registration does not cover is marked.
 */
function candidateOf(queryId: string, held: HeldCredential, match: CredentialMatch, d: Described, registered?: RegisteredVerifier): ShareCandidate {
  const whole = sharedWhole(held);
  // Shared whole: every claim on it goes, whatever was asked, and the consent lists them all.
  // B.2.4: the claims the verifier says it will keep are marked, for the consent screen to say so.
  const kept = (path: ClaimPath) => match.retained?.some((r) => samePath(r, path)) === true;
  const types = [held.type, ...(held.types ?? [])];
  const beyond = (path: ClaimPath) => registered !== undefined && beyondRegistration(registered, types, path);
  const requested: ShareCandidate['requested'] = (whole ? shareablePaths(held) : match.claims).map((path) => ({
    path: [...path],
    label: d.label(path),
    ...(kept(path) ? { retained: true as const } : {}),
    ...(beyond(path) ? { beyondRegistration: true as const } : {}),
  }));
  const notShared = whole
    ? []
    : shareablePaths(held)
      .filter((path) => !match.claims.some((p) => claimName(p) === claimName(path)))
      .map((path) => ({ path, label: d.label(path) }));
  const candidate: ShareCandidate = { queryId, credentialId: held.id, personId: d.personId, typeName: d.typeName, requested, notShared };
  if (whole) candidate.whole = true;
  if (d.issuerName) candidate.issuerName = d.issuerName;
  if (d.validUntil) candidate.validUntil = d.validUntil;
  if (d.status) candidate.status = d.status;
  return candidate;
}

export function createSharer(options: SharerOptions): Sharer {
  return new SharerImpl(options);
}
