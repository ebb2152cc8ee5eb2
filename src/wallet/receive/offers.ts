/**
 * Reading an offer (OpenID4VCI 1.0 §4.1): parse what was scanned, opened or pasted → fetch it by
 * reference → who is issuing (the trust list) → what, with which claims (issuer metadata, §12.2)
 * → the summary the person reviews, kept encrypted with the offer while they decide. With no
 * connection before Satchel can say who is offering what, the offer is kept as read and resolved
 * when the connection returns (resolveQueued).
 */
import type { TrustList, TrustedIssuer } from '../../credentials/index';
import { base64urlEncode } from '../../lib/base64url';
import type { RemoteUrlPolicy } from '../../lib/remote-url';
import { fetchIssuerMetadata, fetchOffer, parseOfferInput, type CredentialOffer, type HttpOptions, type IssuerMetadata, type OfferInput } from '../../protocols/openid4vci/index';
import type { TrustCache } from '../trust';
import { offerSummary } from './offer-summary';
import { ReceiveError, type OfferSummary } from './receive-api';
import { offerFetchError, toReceiveError } from './receive-errors';
import type { ReceiveStore } from './receive-store';
import type { PendingOffers } from './pending-offers';

const ID_BYTES = 16;

/** A random local handle (for offers, and for credentials as they are requested). */
export const randomId = (): string => base64urlEncode(crypto.getRandomValues(new Uint8Array(ID_BYTES)));

/** `id` on the trust list, or 'untrusted-issuer'. */
export function trustedIssuer(trustList: TrustList, id: string): TrustedIssuer {
  const issuer = trustList.issuers.find((i) => i.id === id);
  if (!issuer) throw new ReceiveError('untrusted-issuer', `${id} is not a recognised issuer, so Satchel will not take credentials from it.`);
  return issuer;
}

export interface OfferReaderOptions {
  store: ReceiveStore;
  pending: PendingOffers;
  trust: TrustCache;
  http: HttpOptions & { remoteUrls: RemoteUrlPolicy };
  online: () => boolean;
}

export class OfferReader {
  constructor(private readonly options: OfferReaderOptions) {}

  async read(input: string): Promise<OfferSummary> {
    if (typeof input !== 'string') throw new TypeError('input must be a string');
    const { pending, http, online } = this.options;
    let parsed: OfferInput;
    try {
      parsed = parseOfferInput(input, http.remoteUrls);
    } catch (e) {
      throw toReceiveError(e);
    }
    const offerId = randomId();
    // No connection before Satchel can say who is offering what: keep the offer as read, resolve it later.
    const queueUnresolved = async () => {
      const host = new URL(parsed.kind === 'reference' ? parsed.uri : parsed.offer.credentialIssuer).host;
      await pending.put({ offerId, input, issuerName: { en: host }, accepted: false, state: 'waiting-for-connection', remaining: [], storedIds: [], updatedAt: '' });
      return new ReceiveError('offline', 'There is no connection. Satchel kept this offer and will show it to you when you are back online.');
    };
    let offer: CredentialOffer;
    if (parsed.kind === 'value') offer = parsed.offer;
    else {
      if (!online()) throw await queueUnresolved();
      try {
        offer = await this.fetchByReference(parsed.uri);
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
    await pending.prune();
    await pending.put({ offerId, offer, summary, issuerName: summary.issuer.name, accepted: false, state: 'waiting-for-connection', remaining: [...offer.configurationIds], storedIds: [], updatedAt: '' });
    return summary;
  }

  /**
   * Wallet-initiated issuance: an offer the wallet makes itself for one credential of a trusted
   * issuer (no grant: the person signs in, OpenID4VCI 1.0 §3.4), kept for review like a read offer.
   */
  async forIssuer(issuerId: string, configurationId: string): Promise<OfferSummary> {
    if (typeof issuerId !== 'string' || typeof configurationId !== 'string') throw new TypeError('issuerId and configurationId must be strings');
    const { pending } = this.options;
    const offerId = randomId();
    const offer: CredentialOffer = { credentialIssuer: issuerId, configurationIds: [configurationId], authorizationCode: {} };
    const summary = await this.summarise(offerId, offer);
    await pending.prune();
    await pending.put({ offerId, offer, summary, issuerName: summary.issuer.name, accepted: false, state: 'waiting-for-connection', remaining: [configurationId], storedIds: [], updatedAt: '' });
    return summary;
  }

  /** An offer by reference kept offline: fetch it now and keep it for the person to review. */
  async resolveQueued(offerId: string): Promise<void> {
    const { pending, http } = this.options;
    const record = await pending.get(offerId);
    if (!record?.input) return;
    try {
      const parsed = parseOfferInput(record.input, http.remoteUrls);
      const offer = parsed.kind === 'value' ? parsed.offer : await this.fetchByReference(parsed.uri);
      const summary = await this.summarise(offerId, offer);
      await pending.put({ ...record, offer, summary, issuerName: summary.issuer.name, remaining: [...offer.configurationIds], state: 'waiting-for-connection' });
    } catch (e) {
      const error = toReceiveError(e);
      if (error.code === 'offline') return;
      await pending.put({ ...record, state: 'failed', error: error.code });
    }
  }

  /** The issuer's metadata, fetched now (§12.2.2) and cached for reading offers offline. */
  async metadata(issuerId: string): Promise<IssuerMetadata> {
    const metadata = await fetchIssuerMetadata(issuerId, this.options.http);
    await this.options.store.update((s) => void (s.issuers[issuerId] = metadata));
    return metadata;
  }

  /** §4.1.3: the offer behind a `credential_offer_uri`; one the issuer says is gone is 'expired-offer'. */
  private async fetchByReference(uri: string): Promise<CredentialOffer> {
    try {
      return await fetchOffer(uri, this.options.http);
    } catch (e) {
      throw offerFetchError(e);
    }
  }

  /** Who is issuing (trust list), what and with which claims (issuer metadata, or its cached copy offline). */
  private async summarise(offerId: string, offer: CredentialOffer): Promise<OfferSummary> {
    const issuer = trustedIssuer(await this.trustListForOffer(), offer.credentialIssuer);
    // Offline, the cached metadata (or none: then configuration ids stand in for names) will do.
    let metadata: IssuerMetadata | undefined = (await this.options.store.read()).issuers[offer.credentialIssuer];
    if (this.options.online()) {
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
    if (!this.options.online()) {
      const cached = await this.options.trust.cachedTrustList();
      if (!cached) throw new ReceiveError('offline', 'There is no connection, and Satchel has not yet downloaded the list of recognised issuers. Try again when you are online.');
      return cached;
    }
    return this.options.trust.trustList();
  }
}
