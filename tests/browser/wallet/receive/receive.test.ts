/**
 * The app's Receiver (createAppReceiver: signatures in the crypto worker) with the real vault in
 * IndexedDB, against an in-browser issuer: a credential is received, verified and stored with a
 * device key made in the vault; the offer, code and token queued offline are encrypted at rest;
 * offline checks use the cached trust and status lists; revocation shows after a refresh.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { words } from '../../../shared/words';
import { createAppReceiver } from '../../../../src/wallet/app/app-receiver';
import type { SatchelReceiver } from '../../../../src/wallet/receive/receive';
import type { SatchelVault } from '../../../../src/wallet/vault/vault';
import { cleanUpVaults, dumpDatabase, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';
import { msoMdocFormat } from '../../../../src/credentials/index';
import { inBrowserIssuer, MDL_DOCTYPE, MDL_NAMESPACE, TX_CODE, type InBrowserIssuer } from './in-browser-issuer';

describe('Receiver in the browser (real vault, crypto worker)', () => {
  let dbName: string;
  let vault: SatchelVault;
  let issuer: InBrowserIssuer;
  let receiver: SatchelReceiver;
  let online: boolean;

  beforeEach(async () => {
    dbName = uniqueDbName('receive');
    vault = testVault(dbName);
    await vault.setUp(PIN);
    issuer = await inBrowserIssuer();
    online = true;
    receiver = createAppReceiver(vault, {
      config: issuer.config,
      fetch: async (url, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        return issuer.fetch(url, init);
      },
      online: () => online,
      now: () => issuer.now,
      autoResume: false,
    });
  });

  afterEach(async () => {
    receiver.close();
    await cleanUpVaults();
  });

  it('receives, verifies in the worker and stores the credential with its own device key', async () => {
    const summary = await receiver.readOffer(issuer.offer());
    expect(summary.issuer.name.cy).toBe('Asiantaeth Trwyddedu Gyrwyr a Cherbydau');
    const result = await receiver.accept(summary.offerId, TX_CODE);
    expect(result.status).toBe('stored');
    const ids = result.status === 'stored' ? result.credentialIds : [];
    const stored = await vault.listCredentials();
    expect(stored.map((c) => c.id)).toEqual(ids);
    expect(stored[0]).toMatchObject({ format: 'dc+sd-jwt', issuerName: 'Driver and Vehicle Licensing Agency' });
    const deviceKey = await vault.deviceKeyPublicJwk(ids[0]!);
    expect(stored[0]!.raw).toContain('~');
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ verified: true, holderName: 'Ada Jones', status: { state: 'valid' } });
    // Names as the screens word them (src/ui/i18n/names.ts).
    expect(words(view!.typeName)).toMatchObject({ en: 'Driving licence', cy: 'Trwydded yrru' });
    expect({ ...view!.claims[0], label: words(view!.claims[0]!.label) }).toEqual({ path: ['given_name'], label: { en: 'Given name', cy: 'Enw cyntaf' }, value: 'Ada' });
    // Bound to the key the vault made for this credential.
    const payload = JSON.parse(atob(stored[0]!.raw.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { cnf: { jwk: JsonWebKey } };
    expect(payload.cnf.jwk).toMatchObject({ x: deviceKey!.x, y: deviceKey!.y });
  });

  it('receives the licence as an ISO mdoc: verified in the worker (IACA ES384, MSO ES256), stored as mso_mdoc bound to its own device key', async () => {
    const summary = await receiver.readOffer(issuer.offer('mobile_driving_licence'));
    expect(summary.credentials[0]!.name).toEqual({ en: 'Mobile driving licence', cy: 'Trwydded yrru symudol' });
    const result = await receiver.accept(summary.offerId, TX_CODE);
    expect(result.status).toBe('stored');
    const [stored] = await vault.listCredentials();
    expect(stored).toMatchObject({ format: 'mso_mdoc', type: MDL_DOCTYPE, issuerName: 'Driver and Vehicle Licensing Agency' });
    const deviceKey = await vault.deviceKeyPublicJwk(stored!.id);
    expect(msoMdocFormat.holderJwk(stored!.raw)).toMatchObject({ x: deviceKey!.x, y: deviceKey!.y });
    expect((msoMdocFormat.read(stored!.raw).claims[MDL_NAMESPACE] as Record<string, unknown>).given_name).toBe('Ada');
    const [view] = await receiver.listCredentials();
    expect(view).toMatchObject({ format: 'mso_mdoc', verified: true, status: { state: 'valid' } });
    // Its status list entry is the MSO's: a revocation reaches it like the SD-JWT licence's.
    issuer.setStatus(0, 1);
    issuer.now += 61_000;
    await receiver.refreshStatus();
    expect((await receiver.listCredentials())[0]).toMatchObject({ status: { state: 'revoked' } });
  });

  it('an offer accepted offline is queued encrypted, survives a lock, and completes online', async () => {
    await receiver.refreshStatus(); // the phone has seen the trust list before
    await receiver.readOffer(issuer.offer()); // and the issuer's metadata
    online = false;
    const offerText = issuer.offer();
    const summary = await receiver.readOffer(offerText);
    expect(await receiver.accept(summary.offerId, TX_CODE)).toEqual({ status: 'queued' });
    // At rest nothing of the offer is readable: not the pre-authorised code, not the transaction code.
    const dump = JSON.stringify(await dumpDatabase(dbName));
    const code = decodeURIComponent(offerText).match(/"pre-authorized_code":"([^"]+)"/)![1]!;
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(TX_CODE);
    expect(dump).not.toContain('Driver and Vehicle');
    vault.lock();
    await vault.unlockWithPin(PIN);
    expect(await receiver.pendingOffers()).toEqual([expect.objectContaining({ offerId: summary.offerId, state: 'waiting-for-connection' })]);
    online = true;
    await receiver.resumePending();
    expect(await receiver.pendingOffers()).toEqual([]);
    expect(await vault.listCredentials()).toHaveLength(1);
  });

  it('offline the stored credential still verifies from the cached lists; revocation shows after a refresh past the ttl', async () => {
    const summary = await receiver.readOffer(issuer.offer());
    await receiver.accept(summary.offerId, TX_CODE);
    online = false;
    expect((await receiver.listCredentials())[0]).toMatchObject({ verified: true, status: { state: 'valid' } });
    online = true;
    issuer.setStatus(0, 1);
    issuer.now += 61_000;
    await receiver.refreshStatus();
    expect((await receiver.listCredentials())[0]).toMatchObject({ verified: true, status: { state: 'revoked' } });
    const freshness = await receiver.statusFreshness();
    expect(Date.parse(freshness.oldestStatusCheckAt!)).toBe(issuer.now);
  });
});
