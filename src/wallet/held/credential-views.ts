/**
 * Stored credentials as the UI shows them (CredentialView, receive-api.ts): re-verified on every
 * read against the cached trust list and status lists (offline: the freshest copies the phone has
 * seen), each claim with its label (claim-rows.ts), and when the status was last checked. Also
 * deleting (with the OpenID4VCI §11 `credential_deleted` notification, best effort) and the
 * background refresh of the trust list and status lists honouring their ttl.
 */
import { formatNamed, trustListFromIssuers, verifyCredentials, type CredentialFormatModule, type ParsedCredential, type SignatureVerifier, type TrustList, type VerificationReport } from '../../credentials/index';
import { sendNotification, type HttpOptions } from '../../protocols/openid4vci/index';
import { claimRows } from './claim-rows';
import { nameOfType, SELF_PERSON } from '../shared';
import type { CredentialView, PaperCardView } from './held-api';
import { encodeCardCode } from '../../protocols/paper/card-code';
import { base64urlDecode } from '../../lib/base64url';
import type { Localised, StatusState } from '../shared';
import type { TrustCache } from '../trust';
import type { CredentialDisplay, SatchelVault, StoredCredential } from '../vault';

/** What the held credentials' views need from the vault. */
export type HeldVault = Pick<SatchelVault, 'listCredentials' | 'getCredential' | 'deleteCredential'>;

/** The format id of a paper card (src/credentials/formats/paper-card). */
const PAPER_CARD_FORMAT = 'paper-card';

const EMPTY_TRUST_LIST: TrustList = trustListFromIssuers([]);

function isoSeconds(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;
}

export class CredentialViews {
  constructor(
    private readonly vault: HeldVault,
    private readonly trust: TrustCache,
    private readonly verifier: SignatureVerifier,
    private readonly now: () => number,
    private readonly online: () => boolean,
    private readonly http: HttpOptions,
  ) {}

  private stored(): Promise<StoredCredential[]> {
    return this.vault.listCredentials();
  }

  private async views(stored: StoredCredential[]): Promise<CredentialView[]> {
    if (stored.length === 0) return [];
    const trustList = (await this.trust.cachedTrustList()) ?? EMPTY_TRUST_LIST;
    const reports = await verifyCredentials(
      stored.map((c) => c.raw),
      { trustList, verifier: this.verifier, now: new Date(this.now()), fetchStatusList: (uri) => this.trust.statusList(uri, false) },
    );
    return stored.map((c, i) => view(c, reports[i]!, trustList));
  }

  list(): Promise<CredentialView[]> {
    return this.stored().then((s) => this.views(s));
  }

  async get(id: string): Promise<CredentialView | undefined> {
    const one = await this.vault.getCredential(id);
    return one ? (await this.views([one]))[0] : undefined;
  }

  /** Its paper card to print, read from the vault only (works offline), or why there is none. */
  async paperCard(id: string): Promise<PaperCardView | undefined> {
    const one = await this.vault.getCredential(id);
    if (!one) return undefined;
    const kept = one.paperCard;
    if (!kept || !('raw' in kept)) {
      const [credential] = await this.views([one]);
      return { kind: 'missing', credential: credential!, why: kept?.missing ?? 'unknown' };
    }
    // The card is a credential of its own (format paper-card) with the credential's display data (its labels).
    const [credential, card] = await this.views([one, { ...one, raw: kept.raw, format: PAPER_CARD_FORMAT, receivedAt: kept.receivedAt }]);
    const bytes = base64urlDecode(kept.raw);
    // Verified when it came; a record whose card is no longer base64url says so rather than printing something else.
    if (!bytes) return { kind: 'missing', credential: credential!, why: 'failed' };
    return { kind: 'card', credential: credential!, card: card!, code: await encodeCardCode(bytes) };
  }

  async delete(id: string): Promise<void> {
    const notification = (await this.vault.getCredential(id))?.notification;
    await this.vault.deleteCredential(id);
    if (notification && this.online()) {
      // §11.1 credential_deleted; the access token may have expired by now, so failures are ignored.
      void sendNotification(notification.endpoint, notification.accessToken, notification.notificationId, 'credential_deleted', this.http).catch(() => undefined);
    }
    await this.trust.dropStatusLists(await this.usedStatusLists());
  }

  private async usedStatusLists(): Promise<Set<string>> {
    return new Set((await this.stored()).flatMap((c) => (c.statusUri ? [c.statusUri] : [])));
  }

  /**
   * Online only: the trust list and every status list in use, each when its ttl has run out (or
   * now, when forced). True when a fresh copy of any was kept, so what the screens show may change.
   */
  async refresh(force = false): Promise<boolean> {
    if (!this.online()) return false;
    const before = await this.fetchTimes();
    await this.trust.trustList({ force }).catch(() => undefined);
    for (const uri of await this.usedStatusLists()) {
      await (force ? this.trust.fetchStatusList(uri) : this.trust.statusList(uri, true)).catch(() => undefined);
    }
    return (await this.fetchTimes()) !== before;
  }

  private async fetchTimes(): Promise<string> {
    const fetched = await this.trust.fetchedAt();
    return JSON.stringify([fetched.trustList, Object.entries(fetched.statusLists)]);
  }

  async freshness(): Promise<{ trustListFetchedAt?: string; oldestStatusCheckAt?: string }> {
    const fetched = await this.trust.fetchedAt();
    const out: { trustListFetchedAt?: string; oldestStatusCheckAt?: string } = {};
    if (fetched.trustList !== undefined) out.trustListFetchedAt = new Date(fetched.trustList).toISOString();
    const times = [...(await this.usedStatusLists())].flatMap((uri) => (fetched.statusLists[uri] !== undefined ? [fetched.statusLists[uri]!] : []));
    if (times.length > 0) out.oldestStatusCheckAt = new Date(Math.min(...times)).toISOString();
    return out;
  }
}

/** The validity window the credential's format reads (it parsed when verified just now; undefined if it no longer does). */
function windowOf(format: CredentialFormatModule, raw: string): ParsedCredential['window'] | undefined {
  try {
    return format.parse(raw).window;
  } catch {
    return undefined;
  }
}

function view(c: StoredCredential, report: VerificationReport, trustList: TrustList): CredentialView {
  const meta: CredentialDisplay | undefined = c.display;
  const all = report.claims;
  // What it says about the person, without the claims about the credential itself: the format knows which (src/credentials/formats/).
  const format = formatNamed(c.format);
  const subject = format ? format.subjectClaims(all) : all;
  // The issuer's labels are by its claim paths (OpenID4VCI 1.0 Appendix C; an mdoc's [namespace, element], A.2.2);
  // the rows are by subject claim, so each path is read the way the format labels it.
  const described = (meta?.claims ?? []).map((c) => ({ path: format ? format.labelPath(c.path) : [...c.path], label: c.label }));
  const claims = claimRows(subject, described, (name) => format?.technicalClaims.has(name) ?? name === 'id');
  // Verified: everything but the status, which is shown separately with its age.
  const verified = report.checks.length > 0 && report.checks.every((check) => check.ok || check.name === 'status') && report.checks.some((check) => check.name === 'signature' && check.ok);
  const issuer = trustList.issuers.find((i) => i.id === (meta?.issuerId ?? report.issuer.id));
  const issuerName: Localised = issuer ? { ...issuer.name } : { en: c.issuerName };
  const state: StatusState = report.status?.state ?? 'unknown';
  const out: CredentialView = {
    id: c.id,
    personId: c.personId ?? SELF_PERSON,
    format: c.format,
    selective: format?.selective ?? true,
    requestOnly: format?.requestOnly ?? false,
    issuerName,
    typeName: nameOfType(c.type, meta?.typeName),
    verified,
    status: report.status?.checkedAt ? { state, checkedAt: report.status.checkedAt } : { state },
    claims,
    paperCard: c.paperCard !== undefined && 'raw' in c.paperCard,
  };
  const given = subject?.given_name;
  const family = subject?.family_name;
  if (typeof given === 'string' || typeof family === 'string') out.holderName = [given, family].filter((p) => typeof p === 'string').join(' ');
  else if (typeof subject?.name === 'string') out.holderName = subject.name;
  let from = typeof all.validFrom === 'string' ? all.validFrom : isoSeconds(all.nbf) ?? isoSeconds(all.iat);
  let until = typeof all.validUntil === 'string' ? all.validUntil : isoSeconds(all.exp);
  if (!from && !until && format && Object.keys(all).length > 0) {
    // A format whose window is not among its claims (an mdoc's MSO validityInfo, ISO/IEC 18013-5 §9.1.2.4) gives it
    // from parse(); only for claims that checked out, as with the claims' own dates (report.claims is empty otherwise).
    const window = windowOf(format, c.raw);
    from = isoSeconds(window?.notBefore) ?? isoSeconds(window?.issuedAt);
    until = isoSeconds(window?.expires);
    if (from || until) out.copyValidity = true;
  }
  if (from) out.validFrom = from;
  if (until) out.validUntil = until;
  return out;
}
