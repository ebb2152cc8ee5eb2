/**
 * Receiving credentials: the Receiver of receive-api.ts on top of the OpenID4VCI client
 * (src/protocols/openid4vci), the credential library and the vault. This file puts the parts
 * together and runs them in the background; each part is a file with one job:
 *
 *   offers.ts            readOffer: parse → fetch by reference → who is issuing (trust list) →
 *                        what, with which claims (issuer metadata) → kept encrypted while the person decides
 *   pending-offers.ts    the offers kept (undecided, queued, deferred, failed) in the receive document
 *   issuance.ts          accept: token (tx_code) → per credential: device key → key proof →
 *                        credential (or deferred) → store-credential.ts
 *   sign-in.ts           an offer without a pre-authorised code: accept starts the sign-in (PKCE, PAR) and
 *                        answers the URL; completeSignIn reads the redirect and issuance.ts exchanges the
 *                        code (DPoP-bound token) — docs/issuers.md "Signing in to an issuer"
 *   known-issuers.ts     wallet-initiated issuance: which trusted issuers the person can sign in to
 *   store-credential.ts  verify fully, check it is the one offered, store one vault record, log it
 *   offline              no connection (before or mid-way): the offer, the code and any access token
 *                        are kept encrypted and the flow resumes when the connection returns (resumePending)
 *
 * Credential views (list, detail, delete, status refresh) are the held use case's
 * (held/credential-views.ts); the app creates its Receiver with createAppReceiver (app-receiver.ts).
 */
import type { SignatureVerifier } from '../../credentials/index';
import { PRODUCTION_POLICY, type RemoteUrlPolicy } from '../../lib/remote-url';
import type { Fetch, HttpOptions } from '../../protocols/openid4vci/index';
import { SELF_PERSON, walletConfig, type WalletConfig } from '../shared';
import { everyoneNamed } from '../people';
import { CredentialViews, type CredentialView, type PaperCardView } from '../held';
import { TrustCache } from '../trust';
import { Issuance } from './issuance';
import { OfferReader } from './offers';
import { PendingOffers } from './pending-offers';
import { KnownIssuers } from './known-issuers';
import { ReceiveError, type AcceptOptions, type AcceptResult, type KnownIssuer, type OfferSummary, type PendingOffer, type Receiver } from './receive-api';
import { needsSignIn, SignIns } from './sign-in';
import { toReceiveError } from './receive-errors';
import { ReceiveStore, type ReceiveVault } from './receive-store';
import { CredentialIntake } from './store-credential';

export { UNDECIDED_OFFER_MAX_AGE_MS } from './pending-offers';

/** How often the app looks whether the trust list or a status list is due (each honours its own ttl). */
export const STATUS_REFRESH_CHECK_MS = 60_000;

export interface ReceiverOptions {
  vault: ReceiveVault;
  config?: WalletConfig;
  /** The app passes the crypto worker's (app-receiver.ts: WASM core, noble fallback); tests pass noble. */
  verifier: SignatureVerifier;
  fetch?: Fetch;
  now?: () => number;
  /** Default: navigator.onLine. */
  online?: () => boolean;
  /** Resume queued offers and refresh status when the connection returns or the vault unlocks. Default: in a browser window. */
  autoResume?: boolean;
  timeoutMs?: number;
  /**
   * The wallet's origin: client_id, and redirect_uri `<origin>/authorised`, when signing in to an
   * issuer. Default: location.origin in a browser.
   */
  walletOrigin?: string;
  /** The language the person uses Satchel in (asked of the issuer's sign-in page). Default: the page's lang. */
  language?: () => string | undefined;
}

/** The Receiver plus what the app shell needs. */
export interface SatchelReceiver extends Receiver {
  /** Stops listening for connection and lock changes. */
  close(): void;
}

class ReceiverImpl implements SatchelReceiver {
  private readonly pending: PendingOffers;
  private readonly offers: OfferReader;
  private readonly issuance: Issuance;
  private readonly views: CredentialViews;
  private readonly signIns: SignIns;
  private readonly known: KnownIssuers;
  /** completeSignIn calls running, by redirect URL: a second call for the same redirect joins the first. */
  private readonly completing = new Map<string, Promise<AcceptResult>>();
  private readonly now: () => number;
  private readonly online: () => boolean;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private resuming: Promise<void> | undefined;
  private deferredTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ReceiverOptions) {
    const { vault, verifier } = options;
    const config = options.config ?? walletConfig();
    const now = (this.now = options.now ?? (() => Date.now()));
    const online = (this.online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false));
    const fetchFn: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
    // Issuer URLs must pass the build's remote-URL policy (config.ts: loopback only in demo and test builds).
    const http: HttpOptions & { now: () => number; remoteUrls: RemoteUrlPolicy } = { fetch: fetchFn, timeoutMs: options.timeoutMs, now, remoteUrls: config.remoteUrls ?? PRODUCTION_POLICY };
    const store = new ReceiveStore(vault);
    // Only the keys of issuers whose held credentials use a status list may sign it.
    const issuersOf = async (uri: string) => {
      const ids = [...new Set((await vault.listCredentials()).flatMap((c) => (c.statusUri === uri && c.display ? [c.display.issuerId] : [])))];
      return ids.length > 0 ? ids : undefined;
    };
    const trust = new TrustCache({ vault, config, verifier, fetch: fetchFn, now, issuersOf });
    this.pending = new PendingOffers(store, now, () => this.emit());
    this.offers = new OfferReader({ store, pending: this.pending, trust, http, online });
    const intake = new CredentialIntake({ vault, trust, verifier, now, http, online });
    this.issuance = new Issuance({ vault, pending: this.pending, offers: this.offers, trust, intake, http, now, advanced: () => this.scheduleDeferred() });
    this.views = new CredentialViews(vault, trust, verifier, now, online, http);
    const walletOrigin = () => options.walletOrigin ?? (typeof location !== 'undefined' ? location.origin : undefined);
    const language = options.language ?? (() => (typeof document !== 'undefined' ? document.documentElement.lang || undefined : undefined));
    this.signIns = new SignIns({ pending: this.pending, offers: this.offers, trust, http, online, walletOrigin, language });
    this.known = new KnownIssuers({ store, trust, offers: this.offers, http, online });
    const auto = options.autoResume ?? typeof window !== 'undefined';
    if (auto) this.startBackground();
  }

  private startBackground(): void {
    const wake = () => {
      void this.resumePending().catch(() => undefined);
      void this.refreshStatus().catch(() => undefined);
    };
    // The receiver may be created (lazily) after the vault unlocked: catch up once now.
    void Promise.resolve().then(wake);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', wake);
      this.cleanups.push(() => window.removeEventListener('online', wake));
      // Only what is due is fetched (refreshStatus honours each list's ttl).
      const timer = setInterval(() => void this.refreshStatus().catch(() => undefined), STATUS_REFRESH_CHECK_MS);
      this.cleanups.push(() => clearInterval(timer));
    }
    this.cleanups.push(
      this.options.vault.onStateChange((state) => {
        if (state === 'unlocked') wake();
        else if (this.deferredTimer !== undefined) clearTimeout(this.deferredTimer);
      }),
    );
  }

  close(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.deferredTimer !== undefined) clearTimeout(this.deferredTimer);
  }

  private emit(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (e) {
        console.error('Pending offer listener failed', e);
      }
    }
  }

  onPendingChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toReceiveError(e);
    }
  }

  // ── offers ──────────────────────────────────────────────────────────────────────────────────

  readOffer(input: string): Promise<OfferSummary> {
    return this.guard(() => this.offers.read(input));
  }

  accept(offerId: string, txCodeOrOptions?: string | AcceptOptions): Promise<AcceptResult> {
    const options: AcceptOptions = typeof txCodeOrOptions === 'object' && txCodeOrOptions !== null ? txCodeOrOptions : { txCode: txCodeOrOptions };
    const { txCode, personId } = options;
    const checked = this.checkPerson(personId).catch((e: unknown) => {
      throw e instanceof TypeError ? e : toReceiveError(e);
    });
    return checked.then(() => this.guard(async () => {
      if (this.issuance.isRunning(offerId)) return this.issuance.run(offerId, true);
      const record = await this.pending.get(offerId);
      if (!record) throw new ReceiveError('expired-offer', 'Satchel no longer has this offer. Ask the issuer for a new one.');
      if (!record.offer) throw new ReceiveError('offline', 'Satchel has not been able to read this offer yet; it will when you are back online.');
      // Whose it is, chosen on the consent screen: kept on the offer, so a sign-in, a queue or a deferral keeps it too.
      if (personId !== undefined) record.personId = personId;
      // A sign-in offer starts (or starts again) the sign-in, unless a code or a token is already in hand.
      if (needsSignIn(record) && !record.signIn?.code && !this.issuance.hasSignedInToken(offerId)) {
        if (personId !== undefined) await this.pending.put(record);
        return this.signIns.start(record);
      }
      const code = typeof txCode === 'string' ? txCode.trim() : undefined;
      if (record.offer.txCode && !record.accessToken && !code) throw new ReceiveError('wrong-tx-code', 'Enter the code sent to you with the offer.');
      record.accepted = true;
      if (code) record.txCode = code;
      delete record.error;
      record.state = 'waiting-for-connection';
      if (record.remaining.length === 0 && !record.deferred?.length) record.remaining = [...record.offer.configurationIds];
      await this.pending.put(record);
      if (!this.online()) return { status: 'queued' };
      return this.issuance.run(offerId, true);
    }));
  }

  /** A person to receive for must be the holder or someone in the people document now (TypeError: the caller's mistake). */
  private async checkPerson(personId: string | undefined): Promise<void> {
    if (personId === undefined || personId === SELF_PERSON) return;
    if (typeof personId !== 'string' || personId === '') throw new TypeError('personId must be a non-empty string');
    if (!(await everyoneNamed(this.options.vault)).some((p) => p.id === personId && p.removedAt === undefined)) throw new TypeError(`There is no person ${personId} to receive it for`);
  }

  completeSignIn(redirectUrl: string): Promise<AcceptResult> {
    if (typeof redirectUrl !== 'string') return Promise.reject(new TypeError('redirectUrl must be a string'));
    let flow = this.completing.get(redirectUrl);
    if (!flow) {
      flow = this.guard(async () => {
        const offerId = await this.signIns.complete(redirectUrl);
        if (!this.online()) return { status: 'queued' } as const;
        return this.issuance.run(offerId, true);
      }).finally(() => this.completing.delete(redirectUrl));
      this.completing.set(redirectUrl, flow);
    }
    return flow;
  }

  knownIssuers(): Promise<KnownIssuer[]> {
    return this.guard(() => this.known.list());
  }

  requestCredential(issuerId: string, configurationId: string): Promise<OfferSummary> {
    return this.guard(() => this.offers.forIssuer(issuerId, configurationId));
  }

  async decline(offerId: string): Promise<void> {
    await this.guard(() => this.pending.remove(offerId));
  }

  pendingOffers(): Promise<PendingOffer[]> {
    return this.guard(() => this.pending.list());
  }

  resumePending(): Promise<void> {
    if (!this.resuming) {
      this.resuming = this.resumeAll().finally(() => {
        this.resuming = undefined;
      });
    }
    return this.resuming;
  }

  private async resumeAll(): Promise<void> {
    if (!this.online()) return;
    const records = await this.guard(() => this.pending.all());
    for (const record of records) {
      if (record.input !== undefined && !record.offer) {
        await this.offers.resolveQueued(record.offerId).catch(() => undefined);
        continue;
      }
      // 'in-progress' with no flow running here was interrupted (the vault locked, the app closed): continue it.
      const interrupted = record.state === 'in-progress' && !this.issuance.isRunning(record.offerId);
      const deferredDue = record.state === 'deferred' && (record.deferred ?? []).some((d) => d.notBefore <= this.now());
      const due = record.accepted && (record.state === 'waiting-for-connection' || interrupted || deferredDue);
      if (due) await this.issuance.run(record.offerId, false).catch(() => undefined);
    }
    this.scheduleDeferred();
  }

  private scheduleDeferred(): void {
    if (this.options.autoResume === false || (this.options.autoResume === undefined && typeof window === 'undefined')) return;
    void this.pending.nextDeferredAt().then((at) => {
      if (at === undefined) return;
      if (this.deferredTimer !== undefined) clearTimeout(this.deferredTimer);
      this.deferredTimer = setTimeout(() => void this.resumePending().catch(() => undefined), Math.max(0, at - this.now()));
    }, () => undefined);
  }

  // ── views (held/credential-views.ts) ────────────────────────────────────────────────────────

  listCredentials(): Promise<CredentialView[]> {
    return this.guard(() => this.views.list());
  }

  credential(id: string): Promise<CredentialView | undefined> {
    return this.guard(() => this.views.get(id));
  }

  paperCard(id: string): Promise<PaperCardView | undefined> {
    return this.guard(() => this.views.paperCard(id));
  }

  deleteCredential(id: string): Promise<void> {
    return this.guard(() => this.views.delete(id));
  }

  refreshStatus(options: { force?: boolean } = {}): Promise<void> {
    // Listeners (the home screen) re-read the credentials when new lists came: a revocation found
    // by the background refresh shows at once, not only after the person navigates away and back.
    return this.guard(() => this.views.refresh(options.force === true)).then((changed) => void (changed && this.emit()));
  }

  statusFreshness(): Promise<{ trustListFetchedAt?: string; oldestStatusCheckAt?: string }> {
    return this.guard(() => this.views.freshness());
  }
}

export function createReceiver(options: ReceiverOptions): SatchelReceiver {
  return new ReceiverImpl(options);
}
