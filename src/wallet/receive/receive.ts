/**
 * Receiving credentials (issue 6): the Receiver of receive-api.ts on top of the OpenID4VCI client
 * (src/protocols/openid4vci), the credential library and the vault.
 *
 *   readOffer  parse (scan / link / paste) → fetch by reference → trust list: who is issuing →
 *              issuer metadata: what, with which claims → kept encrypted while the person decides
 *   accept     token (tx_code) → per credential: new device key → nonce → key proof →
 *              credential (or deferred) → verify fully (signature in the crypto worker, trust
 *              list, type allowed, validity, status) → store; only a passing credential is stored
 *   offline    no connection (before or mid-way): the offer, the code and any access token are kept
 *              encrypted and the flow resumes when the connection returns (resumePending)
 *
 * Credential views (list, detail, delete, status refresh) are in credential-views.ts; the app
 * creates its Receiver with createAppReceiver (app-receiver.ts).
 */
import { verifyCredential, type SignatureVerifier, type TrustList, type TrustedIssuer } from '../../credentials/index';
import { base64urlEncode } from '../../lib/base64url';
import { PRODUCTION_POLICY, type RemoteUrlPolicy } from '../../lib/remote-url';
import {
  fetchIssuerMetadata,
  fetchOffer,
  obtainCredential,
  parseOfferInput,
  pollDeferred,
  redeemOffer,
  sendNotification,
  type CredentialOffer,
  type OfferInput,
  type CredentialResponse,
  type Fetch,
  type HttpOptions,
  type IssuerMetadata,
} from '../../protocols/openid4vci/index';
import { walletConfig, type WalletConfig } from '../shared';
import { CredentialViews } from '../held';
import { localise } from '../shared';
import { claimLabel, offerSummary, offeredTypes } from './offer-summary';
import { offeredMismatches, statusUriOf } from './receive-checks';
import { ReceiveError, type AcceptResult, type ReceiveErrorCode, type OfferSummary, type PendingOffer, type Receiver } from './receive-api';
import type { CredentialView } from '../held';
import type { Localised } from '../shared';
import { offerFetchError, reportError, toReceiveError } from './receive-errors';
import { ReceiveStore, type CredentialMeta, type PendingRecord, type ReceiveVault } from './receive-store';
import { TrustCache, TrustUnavailableError } from '../trust';

/** How often the app looks whether the trust list or a status list is due (each honours its own ttl). */
export const STATUS_REFRESH_CHECK_MS = 60_000;
/** Undecided offers (read but neither accepted nor declined) are forgotten after this long. */
export const UNDECIDED_OFFER_MAX_AGE_MS = 24 * 3600 * 1000;
const ID_BYTES = 16;

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
}

/** The Receiver plus what the app shell needs. */
export interface SatchelReceiver extends Receiver {
  /** Stops listening for connection and lock changes. */
  close(): void;
}

/** Errors after which the person may enter the transaction code again. */
const asksForCodeAgain = (code: ReceiveErrorCode): boolean => code === 'wrong-tx-code' || code === 'tx-code-refused';

const randomId = (): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(ID_BYTES)));

class ReceiverImpl implements SatchelReceiver {
  private readonly store: ReceiveStore;
  private readonly trust: TrustCache;
  private readonly views: CredentialViews;
  private readonly verifier: SignatureVerifier;
  private readonly http: HttpOptions & { now: () => number; remoteUrls: RemoteUrlPolicy };
  private readonly now: () => number;
  private readonly online: () => boolean;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private resuming: Promise<void> | undefined;
  /** Flows in progress by offer: a second accept or a background resume joins the running one. */
  private readonly running = new Map<string, Promise<AcceptResult>>();
  private deferredTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ReceiverOptions) {
    const config = options.config ?? walletConfig();
    this.verifier = options.verifier;
    this.now = options.now ?? (() => Date.now());
    this.online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
    const fetchFn: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
    // Issuer URLs must pass the build's remote-URL policy (config.ts: loopback only in demo and test builds).
    this.http = { fetch: fetchFn, timeoutMs: options.timeoutMs, now: this.now, remoteUrls: config.remoteUrls ?? PRODUCTION_POLICY };
    this.store = new ReceiveStore(options.vault);
    // Only the keys of issuers whose held credentials use a status list may sign it.
    const issuersOf = async (uri: string) => {
      const ids = [...new Set(Object.values((await this.store.read()).credentials).flatMap((m) => (m.statusUri === uri ? [m.issuerId] : [])))];
      return ids.length > 0 ? ids : undefined;
    };
    this.trust = new TrustCache({ vault: options.vault, config, verifier: this.verifier, fetch: fetchFn, now: this.now, issuersOf });
    this.views = new CredentialViews(options.vault, this.store, this.trust, this.verifier, this.now, this.online, this.http);
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

  private async putPending(record: PendingRecord): Promise<void> {
    record.updatedAt = new Date(this.now()).toISOString();
    await this.store.update((s) => {
      s.pending = s.pending.filter((p) => p.offerId !== record.offerId);
      s.pending.push(record);
    });
    this.emit();
  }

  private async removePending(offerId: string): Promise<void> {
    await this.store.update((s) => void (s.pending = s.pending.filter((p) => p.offerId !== offerId)));
    this.emit();
  }

  private async pending(offerId: string): Promise<PendingRecord | undefined> {
    const record = (await this.store.read()).pending.find((p) => p.offerId === offerId);
    return record && (JSON.parse(JSON.stringify(record)) as PendingRecord);
  }

  // ── reading an offer ────────────────────────────────────────────────────────────────────────

  readOffer(input: string): Promise<OfferSummary> {
    return this.guard(async () => {
      if (typeof input !== 'string') throw new TypeError('input must be a string');
      let parsed: OfferInput;
      try {
        parsed = parseOfferInput(input, this.http.remoteUrls);
      } catch (e) {
        throw toReceiveError(e);
      }
      const offerId = randomId();
      // No connection before Satchel can say who is offering what: keep the offer as read, resolve it later.
      const queueUnresolved = async () => {
        const host = new URL(parsed.kind === 'reference' ? parsed.uri : parsed.offer.credentialIssuer).host;
        await this.putPending({ offerId, input, issuerName: { en: host }, accepted: false, state: 'waiting-for-connection', remaining: [], storedIds: [], updatedAt: '' });
        return new ReceiveError('offline', 'There is no connection. Satchel kept this offer and will show it to you when you are back online.');
      };
      let offer: CredentialOffer;
      if (parsed.kind === 'value') offer = parsed.offer;
      else {
        if (!this.online()) throw await queueUnresolved();
        try {
          offer = await this.fetchOfferByReference(parsed.uri);
        } catch (e) {
          const error = toReceiveError(e);
          if (error.code === 'offline') throw await queueUnresolved();
          throw error;
        }
      }
      let summary: OfferSummary;
      try {
        summary = await this.summarise(offerId, offer);
      } catch (e) {
        const error = toReceiveError(e);
        if (error.code === 'offline') throw await queueUnresolved();
        throw error;
      }
      // By reference, the issuer has just answered for the offer; by value it is first checked when redeemed (docs/issuers.md).
      if (parsed.kind === 'reference') summary.issuerConfirmedOffer = true;
      await this.prune();
      await this.putPending({ offerId, offer, summary, issuerName: summary.issuer.name, accepted: false, state: 'waiting-for-connection', remaining: [...offer.configurationIds], storedIds: [], updatedAt: '' });
      return summary;
    });
  }

  /** §4.1.3: the offer behind a `credential_offer_uri`; one the issuer says is gone is 'expired-offer'. */
  private async fetchOfferByReference(uri: string): Promise<CredentialOffer> {
    try {
      return await fetchOffer(uri, this.http);
    } catch (e) {
      throw offerFetchError(e);
    }
  }

  /** Who is issuing (trust list), what and with which claims (issuer metadata, or its cached copy offline). */
  private async summarise(offerId: string, offer: CredentialOffer): Promise<OfferSummary> {
    const trustList = await this.trustListForOffer();
    const issuer = this.trustedIssuer(trustList, offer.credentialIssuer);
    // Offline, the cached metadata (or none: then configuration ids stand in for names) will do.
    let metadata: IssuerMetadata | undefined = (await this.store.read()).issuers[offer.credentialIssuer];
    if (this.online()) {
      try {
        metadata = await this.metadata(offer.credentialIssuer);
      } catch (e) {
        const error = toReceiveError(e);
        if (error.code !== 'offline') throw error;
      }
    }
    return offerSummary(offerId, offer, issuer, metadata);
  }

  private async trustListForOffer(): Promise<TrustList> {
    if (!this.online()) {
      const cached = await this.trust.cachedTrustList();
      if (!cached) throw new ReceiveError('offline', 'There is no connection, and Satchel has not yet downloaded the list of recognised issuers. Try again when you are online.');
      return cached;
    }
    return this.trust.trustList();
  }

  private trustedIssuer(trustList: TrustList, id: string): TrustedIssuer {
    const issuer = trustList.issuers.find((i) => i.id === id);
    if (!issuer) throw new ReceiveError('untrusted-issuer', `${id} is not a recognised issuer, so Satchel will not take credentials from it.`);
    return issuer;
  }

  private async metadata(issuerId: string): Promise<IssuerMetadata> {
    const metadata = await fetchIssuerMetadata(issuerId, this.http);
    await this.store.update((s) => void (s.issuers[issuerId] = metadata));
    return metadata;
  }

  private async prune(): Promise<void> {
    const cutoff = this.now() - UNDECIDED_OFFER_MAX_AGE_MS;
    await this.store.update((s) => void (s.pending = s.pending.filter((p) => p.accepted || p.input !== undefined || p.state === 'failed' || Date.parse(p.updatedAt) >= cutoff)));
  }

  // ── accepting and completing ────────────────────────────────────────────────────────────────

  accept(offerId: string, txCode?: string): Promise<AcceptResult> {
    return this.guard(async () => {
      const inFlight = this.running.get(offerId);
      if (inFlight) return inFlight;
      const record = await this.pending(offerId);
      if (!record) throw new ReceiveError('expired-offer', 'Satchel no longer has this offer. Ask the issuer for a new one.');
      if (!record.offer) throw new ReceiveError('offline', 'Satchel has not been able to read this offer yet; it will when you are back online.');
      const code = typeof txCode === 'string' ? txCode.trim() : undefined;
      if (record.offer.txCode && !record.accessToken && !code) throw new ReceiveError('wrong-tx-code', 'Enter the code sent to you with the offer.');
      record.accepted = true;
      if (code) record.txCode = code;
      delete record.error;
      record.state = 'waiting-for-connection';
      if (record.remaining.length === 0 && !record.deferred?.length) record.remaining = [...record.offer.configurationIds];
      await this.putPending(record);
      if (!this.online()) return { status: 'queued' };
      return this.run(offerId, true);
    });
  }

  async decline(offerId: string): Promise<void> {
    await this.guard(() => this.removePending(offerId));
  }

  pendingOffers(): Promise<PendingOffer[]> {
    return this.guard(async () => {
      const state = await this.store.read();
      return state.pending
        // Not the offers the person is still looking at (readOffer's), but everything queued, kept or failed.
        .filter((p) => p.accepted || p.input !== undefined || p.state === 'failed')
        .map((p) => {
          const out: PendingOffer = { offerId: p.offerId, issuerName: p.issuerName, state: p.state, updatedAt: p.updatedAt };
          if (p.error) out.error = p.error;
          if (p.summary && !p.accepted) out.summary = p.summary;
          if (p.offer?.txCode && !p.accessToken && !p.txCode && (p.error === undefined || asksForCodeAgain(p.error))) out.needsTxCode = true;
          return out;
        });
    });
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
    const state = await this.guard(() => this.store.read());
    for (const record of state.pending) {
      if (record.input !== undefined && !record.offer) {
        await this.resolveQueued(record.offerId).catch(() => undefined);
        continue;
      }
      // 'in-progress' with no flow running here was interrupted (the vault locked, the app closed): continue it.
      const interrupted = record.state === 'in-progress' && !this.running.has(record.offerId);
      const deferredDue = record.state === 'deferred' && (record.deferred ?? []).some((d) => d.notBefore <= this.now());
      const due = record.accepted && (record.state === 'waiting-for-connection' || interrupted || deferredDue);
      if (due) await this.run(record.offerId, false).catch(() => undefined);
    }
    this.scheduleDeferred();
  }

  /** An offer by reference kept offline: fetch it now and keep it for the person to review. */
  private async resolveQueued(offerId: string): Promise<void> {
    const record = await this.pending(offerId);
    if (!record?.input) return;
    try {
      const parsed = parseOfferInput(record.input, this.http.remoteUrls);
      const offer = parsed.kind === 'value' ? parsed.offer : await this.fetchOfferByReference(parsed.uri);
      const summary = await this.summarise(offerId, offer);
      await this.putPending({ ...record, offer, summary, issuerName: summary.issuer.name, remaining: [...offer.configurationIds], state: 'waiting-for-connection' });
    } catch (e) {
      const error = toReceiveError(e);
      if (error.code === 'offline') return;
      await this.putPending({ ...record, state: 'failed', error: error.code });
    }
  }

  private scheduleDeferred(): void {
    if (this.options.autoResume === false || (this.options.autoResume === undefined && typeof window === 'undefined')) return;
    void this.store.read().then((s) => {
      const times = s.pending.flatMap((p) => (p.state === 'deferred' ? (p.deferred ?? []).map((d) => d.notBefore) : []));
      if (times.length === 0) return;
      if (this.deferredTimer !== undefined) clearTimeout(this.deferredTimer);
      this.deferredTimer = setTimeout(() => void this.resumePending().catch(() => undefined), Math.max(0, Math.min(...times) - this.now()));
    }, () => undefined);
  }

  /**
   * Runs (or continues) the flow for an accepted offer. `foreground`: the person is waiting, so
   * errors are thrown (and the offer dropped unless it can be retried); in the background they
   * are recorded on the pending offer for the UI to show.
   */
  private run(offerId: string, foreground: boolean): Promise<AcceptResult> {
    let flow = this.running.get(offerId);
    if (!flow) {
      flow = this.runOnce(offerId, foreground).finally(() => this.running.delete(offerId));
      this.running.set(offerId, flow);
    }
    return flow;
  }

  private async runOnce(offerId: string, foreground: boolean): Promise<AcceptResult> {
    const record = await this.pending(offerId);
    if (!record) throw new ReceiveError('expired-offer', 'Satchel no longer has this offer. Ask the issuer for a new one.');
    record.state = 'in-progress';
    await this.putPending(record);
    try {
      const result = await this.advance(record);
      this.scheduleDeferred();
      return result;
    } catch (e) {
      const error = toReceiveError(e);
      if (error.code === 'offline') {
        await this.putPending({ ...record, state: 'waiting-for-connection' });
        return { status: 'queued' };
      }
      if (error.code === 'locked') {
        await this.putPending({ ...record, state: 'waiting-for-connection' }).catch(() => undefined);
        throw error;
      }
      // A refused code keeps the offer for another try (§6.3 cannot tell a wrong code from an expired
      // offer); only the issuer (tx_code_tries_left: 0, another error) or the person (decline) ends it.
      const retryable = asksForCodeAgain(error.code) || error.code === 'server-error';
      if (asksForCodeAgain(error.code)) {
        record.accepted = false;
        delete record.txCode;
      }
      if (foreground && !retryable && record.storedIds.length === 0 && !record.deferred?.length) await this.removePending(offerId);
      else await this.putPending({ ...record, state: 'failed', error: error.code });
      throw error;
    }
  }

  private async advance(record: PendingRecord): Promise<AcceptResult> {
    const offer = record.offer!;
    const trustList = await this.trust.trustList();
    const issuer = this.trustedIssuer(trustList, offer.credentialIssuer);
    const metadata = await this.metadata(offer.credentialIssuer);
    if (!record.accessToken || (record.accessTokenExpiresAt !== undefined && record.accessTokenExpiresAt <= this.now())) {
      if (record.accessToken) throw new ReceiveError('expired-offer', 'This offer timed out before it could be completed. Ask the issuer for a new one.');
      // §6: the pre-authorised code can be redeemed once; keep the token so a dropped connection can resume.
      const token = await redeemOffer({ offer, metadata }, record.txCode, this.http);
      record.accessToken = token.accessToken;
      if (token.expiresAt !== undefined) record.accessTokenExpiresAt = token.expiresAt;
      delete record.txCode;
      await this.putPending(record);
    }
    const accessToken = record.accessToken;
    await this.settleInterrupted(record);
    while (record.remaining.length > 0) {
      const configurationId = record.remaining[0]!;
      const credentialId = randomId();
      record.keyInProgress = { credentialId, configurationId };
      await this.putPending(record);
      const publicJwk = await this.options.vault.createDeviceKey(credentialId);
      let response: CredentialResponse;
      try {
        response = await obtainCredential(metadata, accessToken, configurationId, { publicJwk, sign: (data) => this.options.vault.signWithDeviceKey(credentialId, data) }, this.http);
        if (response.kind === 'issued') await this.verifyAndStore(response.credentials[0]!, credentialId, publicJwk, configurationId, metadata, issuer, response.notificationId, accessToken);
      } catch (e) {
        await this.options.vault.deleteCredential(credentialId).catch(() => undefined);
        throw e;
      }
      record.remaining.shift();
      delete record.keyInProgress;
      if (response.kind === 'deferred') {
        record.deferred = [...(record.deferred ?? []), { configurationId, credentialId, transactionId: response.transactionId, notBefore: this.now() + response.intervalS * 1000 }];
      } else record.storedIds.push(credentialId);
      await this.putPending(record);
    }
    for (const d of [...(record.deferred ?? [])]) {
      if (d.notBefore > this.now()) continue;
      const response = await pollDeferred(metadata, accessToken, d.transactionId, this.http);
      if (response.kind === 'deferred') {
        d.notBefore = this.now() + response.intervalS * 1000;
      } else {
        const publicJwk = await this.deviceKeyOf(d.credentialId);
        try {
          await this.verifyAndStore(response.credentials[0]!, d.credentialId, publicJwk, d.configurationId, metadata, issuer, response.notificationId, accessToken);
        } catch (e) {
          if (!(toReceiveError(e).code === 'offline')) {
            await this.options.vault.deleteCredential(d.credentialId).catch(() => undefined);
            record.deferred = record.deferred!.filter((x) => x !== d);
          }
          throw e;
        }
        record.deferred = record.deferred!.filter((x) => x !== d);
        record.storedIds.push(d.credentialId);
      }
      await this.putPending(record);
    }
    if (record.deferred?.length) {
      await this.putPending({ ...record, state: 'deferred' });
      return { status: 'deferred' };
    }
    await this.removePending(record.offerId);
    return { status: 'stored', credentialIds: record.storedIds };
  }

  /**
   * A flow cut off (vault locked, app closed) between making a device key and recording the
   * outcome: if the credential was stored, count it; otherwise drop the orphaned key.
   */
  private async settleInterrupted(record: PendingRecord): Promise<void> {
    const pending = record.keyInProgress;
    if (!pending) return;
    const stored = (await this.options.vault.listCredentials()).some((c) => c.id === pending.credentialId);
    if (stored) {
      record.storedIds.push(pending.credentialId);
      const i = record.remaining.indexOf(pending.configurationId);
      if (i >= 0) record.remaining.splice(i, 1);
    } else {
      await this.options.vault.deleteCredential(pending.credentialId);
    }
    delete record.keyInProgress;
    await this.putPending(record);
  }

  private async deviceKeyOf(credentialId: string): Promise<JsonWebKey> {
    const jwk = await this.options.vault.deviceKeyPublicJwk(credentialId);
    if (!jwk) throw new ReceiveError('verification-failed', 'The key this credential was requested for is missing.');
    return jwk;
  }

  /** Verifies fully, then stores the credential, what to show about it, and its status list. */
  private async verifyAndStore(raw: string, credentialId: string, publicJwk: JsonWebKey, configurationId: string, metadata: IssuerMetadata, issuer: TrustedIssuer, notificationId: string | undefined, accessToken: string): Promise<void> {
    const config = metadata.configurations[configurationId];
    const notify = (event: 'credential_accepted' | 'credential_failure') => {
      if (metadata.notificationEndpoint && notificationId) void sendNotification(metadata.notificationEndpoint, accessToken, notificationId, event, this.http).catch(() => undefined);
    };
    // The status list is fetched first: a dropped connection here queues the offer instead of failing the credential.
    const statusUri = statusUriOf(raw);
    if (statusUri) {
      try {
        await this.trust.fetchStatusList(statusUri);
      } catch (e) {
        if (e instanceof TrustUnavailableError && e.offline) throw e;
      }
    }
    const trustList = await this.trust.trustList();
    const report = await verifyCredential(raw, { trustList, verifier: this.verifier, now: new Date(this.now()), fetchStatusList: (uri) => this.trust.statusList(uri, false) });
    if (!report.valid) {
      notify('credential_failure');
      throw reportError(report);
    }
    const problems = offeredMismatches(report, { issuerId: issuer.id, types: offeredTypes(config), holderJwk: publicJwk });
    if (problems.length > 0) {
      notify('credential_failure');
      throw new ReceiveError('verification-failed', 'The credential is not the one that was offered, so Satchel did not keep it.', { reasons: problems });
    }
    const typeName: Localised = localise(config?.display, report.type);
    const meta: CredentialMeta = { issuerId: issuer.id, configurationId, typeName, claims: (config?.claims ?? []).map((c) => ({ path: c.path, label: claimLabel(c) })) };
    if (metadata.notificationEndpoint) meta.notificationEndpoint = metadata.notificationEndpoint;
    if (notificationId) meta.notificationId = notificationId;
    meta.accessToken = accessToken;
    if (statusUri) meta.statusUri = statusUri;
    await this.options.vault.putCredential({ id: credentialId, raw, format: report.format, issuerName: issuer.name.en, type: report.type, receivedAt: new Date(this.now()).toISOString() });
    await this.store.update((s) => void (s.credentials[credentialId] = meta));
    // The activity log entry in share-api.ts's ActivityLogEntry shape.
    await this.options.vault.recordActivity({ kind: 'received', credentialTypeName: typeName, counterparty: issuer.name.en, counterpartyName: { ...issuer.name }, claims: meta.claims.map((c) => c.label) }).catch(() => undefined);
    notify('credential_accepted');
  }

  // ── views (credential-views.ts) ─────────────────────────────────────────────────────────────

  listCredentials(): Promise<CredentialView[]> {
    return this.guard(() => this.views.list());
  }

  credential(id: string): Promise<CredentialView | undefined> {
    return this.guard(() => this.views.get(id));
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

