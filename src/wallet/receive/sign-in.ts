/**
 * Signing in to an issuer (OpenID4VCI 1.0 Authorization Code flow, HAIP 1.0; docs/issuers.md):
 *
 *   start     accept(offerId) of an offer without a pre-authorised code: PKCE + state + PAR
 *             (protocols/openid4vci/authorize.ts) → the pending offer keeps the verifier, state and
 *             redirect_uri encrypted, state 'awaiting-sign-in' → the UI sends the browser to the URL.
 *   complete  the app opens at /authorised?code&state: the offer is found by state, the redirect is
 *             checked (state, iss, error), the code is kept encrypted and the state forgotten (a
 *             second use is refused), then issuance.ts exchanges it — now, or when the connection
 *             returns.
 *
 * Satchel is a public client: client_id is the wallet's origin, redirect_uri `<origin>/authorised`.
 */
import { redirectState, signInCode, startSignIn, type HttpOptions } from '../../protocols/openid4vci/index';
import type { TrustCache } from '../trust';
import { trustedIssuer, type OfferReader } from './offers';
import type { PendingOffers } from './pending-offers';
import { ReceiveError, type AcceptResult } from './receive-api';
import { toReceiveError } from './receive-errors';
import type { PendingRecord } from './receive-store';

/** The path of the wallet the authorisation server sends the person back to. */
export const SIGN_IN_RETURN_PATH = '/authorised';

export interface SignInOptions {
  pending: PendingOffers;
  offers: OfferReader;
  trust: TrustCache;
  http: HttpOptions;
  online: () => boolean;
  /** The wallet's origin (https://…), client_id and base of redirect_uri; absent outside a browser unless given. */
  walletOrigin: () => string | undefined;
  /** The language Satchel is shown in, for the sign-in page (ui_locales). */
  language: () => string | undefined;
}

/** True when an offer is redeemed by signing in (no pre-authorised code). */
export const needsSignIn = (record: PendingRecord): boolean => record.offer !== undefined && record.offer.preAuthorizedCode === undefined;

export class SignIns {
  constructor(private readonly options: SignInOptions) {}

  /** Starts (or starts again) the sign-in for an accepted offer: the URL to send the browser to. */
  async start(record: PendingRecord): Promise<AcceptResult> {
    const { pending, offers, trust, http, online } = this.options;
    const offer = record.offer!;
    if (!online()) throw new ReceiveError('offline', 'There is no connection, so you cannot sign in to the issuer now. Satchel kept this offer: try again when you are back online.');
    const origin = this.options.walletOrigin();
    if (!origin) throw new ReceiveError('server-error', 'Satchel does not know its own address, so the issuer could not send you back.');
    const language = this.options.language();
    const client = { clientId: origin, redirectUri: `${origin}${SIGN_IN_RETURN_PATH}`, ...(language ? { uiLocales: language } : {}) };
    trustedIssuer(await trust.trustList(), offer.credentialIssuer);
    const metadata = await offers.metadata(offer.credentialIssuer);
    const configurationIds = record.remaining.length > 0 ? record.remaining : offer.configurationIds;
    const started = await startSignIn(metadata, configurationIds, offer.authorizationCode, client, http);
    record.signIn = { state: started.state, codeVerifier: started.codeVerifier, clientId: client.clientId, redirectUri: client.redirectUri, authorizationServer: started.authorizationServer };
    if (started.issParameterSupported) record.signIn.issParameterSupported = true;
    record.accepted = true;
    record.state = 'awaiting-sign-in';
    if (record.remaining.length === 0) record.remaining = [...offer.configurationIds];
    delete record.error;
    await pending.put(record);
    return { status: 'sign-in', url: started.url };
  }

  /**
   * Reads the redirect back: the offer it is for, with the code kept to exchange. A redirect for
   * no offer (unknown, or already used) is 'sign-in-expired'; an error answer is recorded on the
   * offer ('sign-in-refused' when the person cancelled) so that accept(offerId) can sign in again.
   */
  async complete(redirectUrl: string): Promise<string> {
    const { pending } = this.options;
    let state: string | undefined;
    try {
      state = redirectState(redirectUrl);
    } catch {
      state = undefined;
    }
    const found = state === undefined ? undefined : (await pending.all()).find((p) => p.signIn?.state === state);
    if (!found) throw new ReceiveError('sign-in-expired', 'This sign-in is not one Satchel is waiting for, or it was already used. Start again from the offer.');
    const record = (await pending.get(found.offerId))!;
    const signIn = record.signIn!;
    let code: string;
    try {
      code = signInCode(redirectUrl, { state: signIn.state!, authorizationServer: signIn.authorizationServer, issParameterSupported: signIn.issParameterSupported });
    } catch (e) {
      const error = toReceiveError(e);
      delete record.signIn;
      await pending.put({ ...record, state: 'failed', error: error.code });
      throw error;
    }
    // RFC 6749 §10.12 / §4.1.2: the state is used once; the code is kept (encrypted) until exchanged.
    delete signIn.state;
    signIn.code = code;
    record.state = 'waiting-for-connection';
    await pending.put(record);
    return record.offerId;
  }
}
