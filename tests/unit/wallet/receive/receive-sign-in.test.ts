/**
 * The receive use case signing in to an issuer (OpenID4VCI 1.0 Authorization Code flow, HAIP 1.0;
 * src/wallet/receive/sign-in.ts), against an issuer + authorisation server Satchel did not write:
 * oid4vc-ts 0.4.6 (tests/shared/owf-issuer.ts: PAR, PKCE S256, DPoP with nonces). The browser's part
 * — following the URL accept gives and coming back to /authorised — is the harness's signIn(url).
 *
 * Offer with the authorization_code grant → sign-in URL → completeSignIn stores the credential;
 * the app closed while the person signs in (a new Receiver on the same vault) still completes;
 * offline at the return → queued, then completed; wrong or used state; access_denied; an expired
 * code; closed between token and credential; wallet-initiated issuance (knownIssuers,
 * requestCredential).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReceiver, type SatchelReceiver } from '../../../../src/wallet/receive/receive';
import { ReceiveError, type ReceiveErrorCode } from '../../../../src/wallet/receive/receive-api';
import { RECEIVE_KIND, RECEIVE_STATE_ID, type ReceiveState } from '../../../../src/wallet/receive/receive-store';
import { nobleVerifier } from '../../../shared/credentials/helpers';
import { createOwfIssuer, OWF_AS, OWF_CONFIGURATION_ID, OWF_ISSUER, OWF_ISSUER_NAME, type OwfIssuer } from '../../../shared/owf-issuer';
import { MemoryVault } from '../memory-vault';

const WALLET_ORIGIN = 'https://wallet.example';

describe('Receiver signing in to an issuer (authorization code flow)', () => {
  let owf: OwfIssuer;
  let vault: MemoryVault;
  let online: boolean;
  /** Answers instead of the issuer for matching requests (e.g. a dropped connection). */
  let intercept: ((url: string) => Response | 'drop' | undefined) | undefined;
  const receivers: SatchelReceiver[] = [];

  /** A Receiver as the app makes one (a new one = the app was closed and opened again). */
  function receiver(): SatchelReceiver {
    const r = createReceiver({
      vault,
      verifier: nobleVerifier,
      config: owf.config,
      autoResume: false,
      walletOrigin: WALLET_ORIGIN,
      now: () => owf.now,
      online: () => online,
      fetch: async (url, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        const answer = intercept?.(url);
        if (answer === 'drop') throw new TypeError('Failed to fetch');
        return answer ?? owf.fetch(url, init);
      },
    });
    receivers.push(r);
    return r;
  }

  beforeEach(async () => {
    owf = await createOwfIssuer();
    vault = new MemoryVault();
    online = true;
    intercept = undefined;
  });

  afterEach(() => {
    for (const r of receivers.splice(0)) r.close();
  });

  async function rejection(promise: Promise<unknown>, code: ReceiveErrorCode): Promise<ReceiveError> {
    const e = await promise.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ReceiveError);
    expect((e as ReceiveError).code, (e as Error).message).toBe(code);
    return e as ReceiveError;
  }

  /** Reads a fresh offer and accepts it: the URL the browser is sent to. */
  async function acceptOffer(r: SatchelReceiver): Promise<{ offerId: string; url: string }> {
    const { text } = await owf.createOffer();
    const summary = await r.readOffer(text);
    const result = await r.accept(summary.offerId);
    if (result.status !== 'sign-in') throw new Error(`expected sign-in, got ${result.status}`);
    return { offerId: summary.offerId, url: result.url };
  }

  it('reads an offer that needs a sign-in, sends the person to sign in, and stores the credential when they come back', async () => {
    const r = receiver();
    const { text } = await owf.createOffer();
    const summary = await r.readOffer(text);
    expect(summary).toMatchObject({ signIn: true, issuer: { id: OWF_ISSUER, name: OWF_ISSUER_NAME }, credentials: [{ configurationId: OWF_CONFIGURATION_ID }] });
    expect(summary.txCode).toBeUndefined();

    const result = await r.accept(summary.offerId);
    expect(result.status).toBe('sign-in');
    const url = new URL((result as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${OWF_AS}/authorize`);
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(url.searchParams.get('client_id')).toBe(WALLET_ORIGIN);
    expect(owf.pushed.at(-1)).toMatchObject({ clientId: WALLET_ORIGIN, redirectUri: `${WALLET_ORIGIN}/authorised` });
    expect(await r.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, state: 'awaiting-sign-in' })]);
    expect(vault.userCredentials()).toEqual([]);

    const back = await owf.signIn(url.toString());
    expect(back.startsWith(`${WALLET_ORIGIN}/authorised?`)).toBe(true);
    const done = await r.completeSignIn(back);
    expect(done).toEqual({ status: 'stored', credentialIds: [expect.any(String)] });
    expect(vault.userCredentials()).toHaveLength(1);
    expect(vault.userCredentials()[0]).toMatchObject({ format: 'dc+sd-jwt', display: { issuerId: OWF_ISSUER, configurationId: OWF_CONFIGURATION_ID } });
    const [view] = await r.listCredentials();
    expect(view).toMatchObject({ verified: true, holderName: 'Ada Jones' });
    expect(await r.pendingOffers()).toEqual([]);
    // The state is used once: the same redirect again finds nothing.
    await rejection(r.completeSignIn(back), 'sign-in-expired');
    expect(vault.userCredentials()).toHaveLength(1);
  });

  it('keeps the PKCE verifier and state only in the encrypted receive document, never the DPoP key or token', async () => {
    const r = receiver();
    const { offerId } = await acceptOffer(r);
    const state = await vault.getRecord<ReceiveState>(RECEIVE_KIND, RECEIVE_STATE_ID);
    const record = state!.pending.find((p) => p.offerId === offerId)!;
    expect(record.signIn).toMatchObject({ state: expect.any(String), codeVerifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), redirectUri: `${WALLET_ORIGIN}/authorised`, clientId: WALLET_ORIGIN, authorizationServer: OWF_AS });
    expect(record.accessToken).toBeUndefined();
  });

  it('finishes when Satchel was closed while the person signed in (a new Receiver over the same vault)', async () => {
    const { url } = await acceptOffer(receiver());
    const back = await owf.signIn(url);
    const reopened = receiver();
    expect(await reopened.completeSignIn(back)).toMatchObject({ status: 'stored' });
    expect(vault.userCredentials()).toHaveLength(1);
  });

  it('queues the sign-in when the connection is gone at the return, and completes it when it is back', async () => {
    const r = receiver();
    const { offerId, url } = await acceptOffer(r);
    const back = await owf.signIn(url);
    online = false;
    expect(await r.completeSignIn(back)).toEqual({ status: 'queued' });
    expect(await r.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'waiting-for-connection' })]);
    online = true;
    await r.resumePending();
    expect(vault.userCredentials()).toHaveLength(1);
    expect(await r.pendingOffers()).toEqual([]);
  });

  it('refuses a redirect with a state it does not know, and leaves the waiting offer as it was', async () => {
    const r = receiver();
    const { offerId, url } = await acceptOffer(r);
    const back = new URL(await owf.signIn(url));
    back.searchParams.set('state', 'not-the-state');
    await rejection(r.completeSignIn(back.toString()), 'sign-in-expired');
    await rejection(r.completeSignIn(`${WALLET_ORIGIN}/authorised`), 'sign-in-expired');
    expect(await r.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'awaiting-sign-in' })]);
    expect(vault.userCredentials()).toEqual([]);
  });

  it('reports a cancelled sign-in (access_denied) as sign-in-refused, keeps the offer, and signs in again on accept', async () => {
    const r = receiver();
    const { offerId, url } = await acceptOffer(r);
    const back = await owf.signIn(url, { deny: true });
    await rejection(r.completeSignIn(back), 'sign-in-refused');
    expect(await r.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'sign-in-refused' })]);
    const again = await r.accept(offerId);
    expect(again.status).toBe('sign-in');
    expect(await r.completeSignIn(await owf.signIn((again as { url: string }).url))).toMatchObject({ status: 'stored' });
  });

  it('fails with sign-in-expired when the code expired before the connection came back; accept signs in again', async () => {
    const r = receiver();
    const { offerId, url } = await acceptOffer(r);
    const back = await owf.signIn(url);
    online = false;
    expect(await r.completeSignIn(back)).toEqual({ status: 'queued' });
    owf.now += 10 * 60_000;
    online = true;
    await r.resumePending();
    expect(await r.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'sign-in-expired' })]);
    expect(vault.userCredentials()).toEqual([]);
    expect(vault.keys.size).toBe(0);
    const again = await r.accept(offerId);
    expect(again.status).toBe('sign-in');
  });

  it('says sign-in-expired when Satchel was closed between the token and the credential (the DPoP key is gone)', async () => {
    const r = receiver();
    const { offerId, url } = await acceptOffer(r);
    const back = await owf.signIn(url);
    intercept = (u) => (u.startsWith(`${OWF_ISSUER}/credential`) ? 'drop' : undefined);
    expect(await r.completeSignIn(back)).toEqual({ status: 'queued' });
    intercept = undefined;
    const reopened = receiver();
    await reopened.resumePending();
    expect(await reopened.pendingOffers()).toEqual([expect.objectContaining({ offerId, state: 'failed', error: 'sign-in-expired' })]);
    expect(vault.userCredentials()).toEqual([]);
  });

  it('cannot start a sign-in offline: the offer is kept', async () => {
    const r = receiver();
    const { text } = await owf.createOffer();
    const summary = await r.readOffer(text);
    online = false;
    await rejection(r.accept(summary.offerId), 'offline');
    online = true;
    expect((await r.accept(summary.offerId)).status).toBe('sign-in');
  });

  it('lists the issuers one can sign in to, asks one for a credential without an offer, and keeps the list for offline', async () => {
    const r = receiver();
    const known = await r.knownIssuers();
    expect(known).toEqual([{ issuerId: OWF_ISSUER, name: OWF_ISSUER_NAME, credentials: [{ configurationId: OWF_CONFIGURATION_ID, name: { en: 'Basic disclosure', cy: 'Datgeliad sylfaenol' } }] }]);
    const summary = await r.requestCredential(OWF_ISSUER, OWF_CONFIGURATION_ID);
    expect(summary).toMatchObject({ signIn: true, issuer: { id: OWF_ISSUER }, credentials: [{ configurationId: OWF_CONFIGURATION_ID }] });
    const started = await r.accept(summary.offerId);
    expect(started.status).toBe('sign-in');
    // Wallet-initiated: no issuer_state (§5.1.3 is only for offers).
    expect(owf.pushed.at(-1)!.issuerState).toBeUndefined();
    expect(await r.completeSignIn(await owf.signIn((started as { url: string }).url))).toMatchObject({ status: 'stored' });

    online = false;
    expect(await receiver().knownIssuers()).toEqual(known);
    await rejection(r.requestCredential('https://unknown.example', 'x'), 'untrusted-issuer');
  });

  it('says offline when nothing is known yet and there is no connection', async () => {
    online = false;
    await rejection(receiver().knownIssuers(), 'offline');
  });
});
