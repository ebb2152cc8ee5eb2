/**
 * Signing in to an issuer in Chromium (OpenID4VCI 1.0 Authorization Code flow, HAIP 1.0): the
 * app's Receiver (createAppReceiver: signatures in the crypto worker) with the real vault in
 * IndexedDB, against the in-browser issuer behind a small authorisation server
 * (in-browser-sign-in.ts: PAR, PKCE S256, DPoP with its nonces). The DPoP key is a WebCrypto key
 * Chromium will not export; the PKCE verifier and state kept while the person signs in are
 * encrypted at rest and survive a lock and a new Receiver; the token never reaches the database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { ReceiveState } from '../../../../src/wallet/receive/receive-store';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { cleanUpVaults, dumpDatabase, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { inBrowserIssuer, type InBrowserIssuer } from './in-browser-issuer';
import { AS, inBrowserSignIn, type InBrowserSignIn } from './in-browser-sign-in';

const WALLET_ORIGIN = 'https://wallet.example';

describe('Receiver signing in, in the browser (real vault, crypto worker)', () => {
  let dbName: string;
  let vault: SatchelVault;
  let issuer: InBrowserIssuer;
  let server: InBrowserSignIn;
  let online: boolean;
  const receivers: SatchelReceiver[] = [];

  /** The app's receiver; a second one is the app opened again. */
  function receiver(): SatchelReceiver {
    const r = createAppReceiver(vault, {
      config: issuer.config,
      fetch: async (url, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        return server.fetch(url, init);
      },
      online: () => online,
      now: () => issuer.now,
      autoResume: false,
      walletOrigin: WALLET_ORIGIN,
    });
    receivers.push(r);
    return r;
  }

  beforeEach(async () => {
    dbName = uniqueDbName('receive-sign-in');
    vault = testVault(dbName);
    await vault.setUp(PIN);
    issuer = await inBrowserIssuer();
    server = inBrowserSignIn(issuer);
    online = true;
  });

  afterEach(async () => {
    for (const r of receivers.splice(0)) r.close();
    await cleanUpVaults();
  });

  it('signs in with PAR, PKCE and a DPoP key of its own, and stores the verified credential bound to its device key', async () => {
    const r = receiver();
    const summary = await r.readOffer(server.offer());
    expect(summary.signIn).toBe(true);
    const started = await r.accept(summary.offerId);
    if (started.status !== 'sign-in') throw new Error(started.status);
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${AS}/authorize`);
    expect(url.searchParams.get('client_id')).toBe(WALLET_ORIGIN);

    const done = await r.completeSignIn(await server.signIn(started.url));
    expect(done.status).toBe('stored');
    const [stored] = await vault.listCredentials();
    const deviceKey = await vault.deviceKeyPublicJwk(stored!.id);
    const payload = JSON.parse(atob(stored!.raw.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { cnf: { jwk: JsonWebKey } };
    expect(payload.cnf.jwk).toMatchObject({ x: deviceKey!.x, y: deviceKey!.y });
    // The DPoP key is another key, made for this issuance only.
    expect(server.dpopKeys).toHaveLength(1);
    expect(server.dpopKeys[0]!.x).not.toBe(deviceKey!.x);
    expect(Object.keys(server.dpopKeys[0]!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const [view] = await r.listCredentials();
    expect(view).toMatchObject({ verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
  });

  it('keeps the verifier and state encrypted while the person signs in, through a lock and a reopened app; never the token', async () => {
    const first = receiver();
    const summary = await first.readOffer(server.offer());
    const started = await first.accept(summary.offerId);
    if (started.status !== 'sign-in') throw new Error(started.status);
    const state = ((await vault.getRecord<ReceiveState>('receive', 'state'))!.pending[0]!.signIn)!;
    expect(state.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const atRest = JSON.stringify(await dumpDatabase(dbName));
    expect(atRest).not.toContain(state.codeVerifier);
    expect(atRest).not.toContain(state.state!);

    const back = await server.signIn(started.url);
    vault.lock();
    await vault.unlockWithPin(PIN);
    const reopened = receiver();
    online = false;
    expect(await reopened.completeSignIn(back)).toEqual({ status: 'queued' });
    const code = new URL(back).searchParams.get('code')!;
    expect(JSON.stringify(await dumpDatabase(dbName))).not.toContain(code);
    online = true;
    await reopened.resumePending();
    expect(await vault.listCredentials()).toHaveLength(1);
    expect(await reopened.pendingOffers()).toEqual([]);
    const record = await vault.getRecord<ReceiveState>('receive', 'state');
    expect(JSON.stringify(record)).not.toMatch(/accessToken|DPoP/);
  });

  it('reports a cancelled sign-in and signs in again on accept', async () => {
    const r = receiver();
    const summary = await r.readOffer(server.offer());
    const first = await r.accept(summary.offerId);
    if (first.status !== 'sign-in') throw new Error(first.status);
    await expect(r.completeSignIn(await server.signIn(first.url, { deny: true }))).rejects.toMatchObject({ code: 'sign-in-refused' });
    const again = await r.accept(summary.offerId);
    if (again.status !== 'sign-in') throw new Error(again.status);
    expect((await r.completeSignIn(await server.signIn(again.url))).status).toBe('stored');
  });
});
