/**
 * Wallet-initiated issuance (OpenID4VCI 1.0 §3.4, no offer): which of the trust list's issuers the
 * person can sign in to and ask for a credential. An issuer qualifies when its metadata (§12.2)
 * names an authorisation server that offers the authorization_code grant with an
 * authorization_endpoint (RFC 8414); its credentials are the configurations the trust list lets it
 * issue. The answer is cached in the receive document for offline; an issuer that cannot be reached
 * now keeps its cached entry.
 */
import type { TrustedIssuer } from '../../credentials/index';
import { AUTHORIZATION_CODE_GRANT, fetchAuthorizationServerMetadata, pickAuthorizationServer, type HttpOptions } from '../../protocols/openid4vci/index';
import { labelFromName, localise } from '../shared';
import type { TrustCache } from '../trust';
import { offeredTypes } from './offer-summary';
import type { OfferReader } from './offers';
import { ReceiveError, type KnownIssuer } from './receive-api';
import { toReceiveError } from './receive-errors';
import type { ReceiveStore } from './receive-store';

export interface KnownIssuersOptions {
  store: ReceiveStore;
  trust: TrustCache;
  offers: OfferReader;
  http: HttpOptions;
  online: () => boolean;
}

export class KnownIssuers {
  constructor(private readonly options: KnownIssuersOptions) {}

  async list(): Promise<KnownIssuer[]> {
    const { store, trust, online } = this.options;
    const cached = (await store.read()).knownIssuers;
    const offline = () => {
      if (cached) return cached;
      throw new ReceiveError('offline', 'There is no connection, and Satchel has not yet found out which issuers you can sign in to. Try again when you are online.');
    };
    if (!online()) return offline();
    let issuers: readonly TrustedIssuer[];
    try {
      issuers = (await trust.trustList()).issuers;
    } catch (e) {
      const error = toReceiveError(e);
      if (error.code === 'offline') return offline();
      throw error;
    }
    const found = await Promise.all(
      issuers.map(async (issuer) => {
        try {
          return await this.describe(issuer);
        } catch (e) {
          // Unreachable now: what was known before still holds; anything else means it does not qualify.
          return toReceiveError(e).code === 'offline' ? cached?.find((k) => k.issuerId === issuer.id) : undefined;
        }
      }),
    );
    const list = found.filter((k): k is KnownIssuer => k !== undefined);
    await store.update((s) => void (s.knownIssuers = list));
    return list;
  }

  private async describe(issuer: TrustedIssuer): Promise<KnownIssuer | undefined> {
    const { offers, http } = this.options;
    const metadata = await offers.metadata(issuer.id);
    // Throws (bad-response) for an AS without the authorization_code grant or an authorization_endpoint.
    await fetchAuthorizationServerMetadata(pickAuthorizationServer(metadata), http, AUTHORIZATION_CODE_GRANT);
    const credentials = Object.values(metadata.configurations)
      .filter((config) => {
        // A paper card (satchel_card_of) comes with its credential, asked for with the same token, never on its own.
        if (config.cardOf !== undefined) return false;
        const types = offeredTypes(config);
        return types.length > 0 && (!issuer.types || types.every((t) => issuer.types!.includes(t)));
      })
      .map((config) => ({ configurationId: config.id, name: localise(config.display, labelFromName(config.id).en) }));
    return credentials.length > 0 ? { issuerId: issuer.id, name: { ...issuer.name }, credentials } : undefined;
  }
}
