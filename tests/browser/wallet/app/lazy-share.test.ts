/** The app's lazily loaded share services reach the real implementations (and their errors). */
import { afterEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker } from '../../../../src/crypto/client';
import { lazyAppShareServices } from '../../../../src/wallet/app/lazy-share';
import { ShareError } from '../../../../src/wallet/share/share-api';
import { QUICK_SHOW_REQUEST_ID } from '../../../../src/wallet/check';
import { cleanUpVaults, PIN, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(async () => {
  await cleanUpVaults();
  stopCryptoWorker();
});

describe('lazyAppShareServices', () => {
  it('reads, checks and logs through the loaded module', async () => {
    const vault = testVault(uniqueDbName('lazy-share'));
    await vault.setUp(PIN);
    const { sharer, checker, activity } = lazyAppShareServices(vault);
    const e = await sharer.readRequest('not a request').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ShareError);
    const request = await checker.createRequest({ purpose: 'right-to-work', verifierName: 'Acme' });
    expect(request.qr.frames[0]).toMatch(/^SVQ1\./);
    await expect(sharer.readRequest(request.qr.frames[0]!)).rejects.toMatchObject({ code: 'nothing-matches' });
    await checker.acceptQuickShow();
    await expect(checker.addFrame(QUICK_SHOW_REQUEST_ID, 'garbage')).rejects.toMatchObject({ code: 'not-a-response' });
    checker.discard(QUICK_SHOW_REQUEST_ID);
    await expect(checker.addFrame(QUICK_SHOW_REQUEST_ID, 'garbage')).rejects.toMatchObject({ code: 'request-expired' });
    // discardAll reaches the loaded checker: every open check is gone.
    await checker.acceptQuickShow();
    checker.discardAll();
    await expect(checker.addFrame(request.requestId, 'garbage')).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.addFrame(QUICK_SHOW_REQUEST_ID, 'garbage')).rejects.toMatchObject({ code: 'request-expired' });
    expect(await activity.list()).toEqual([]);
  });
});
