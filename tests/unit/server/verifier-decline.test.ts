/**
 * The reference verifier (src/server/verifier) when the person says no: the wallet's §8.5 error
 * response (error=access_denied with the request's state, OpenID4VP 1.0) ends the wait — the
 * transaction page shows that the person did not share instead of refreshing until it expires.
 * In-process: the verifier's Hono app is the wallet's fetch (tests/shared/in-process-verifier.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { verifierApp } from '../../../src/server/verifier/verifier-app';
import { createSharer } from '../../../src/wallet/share/share';
import type { Sharer } from '../../../src/wallet/share/share-api';
import { makeWorld, NOW, type World } from '../../browser/support/share-fixtures';
import { inProcessVerifier, verifierOver, VERIFIER_URL } from '../../shared/in-process-verifier';

let world: World;
let verifier: ReturnType<typeof verifierApp>;
let sharer: Sharer;
const inProcess = inProcessVerifier(() => verifier);
const fetchApp = inProcess.fetch;
const start = () => inProcess.start('right-to-work');

beforeEach(async () => {
  world = await makeWorld();
  verifier = verifierOver(world, {
    now: () => NOW.getTime(),
  });
  sharer = createSharer({ vault: world.vault, fetch: fetchApp, now: () => NOW.getTime(), remoteUrls: { allowLoopback: true } });
});

describe('the reference verifier hears "no"', () => {
  it('a decline: the page stops waiting and says the person did not share', async () => {
    const { link, txUrl } = await start();
    const request = await sharer.readRequest(link);
    // §8.2: the verifier answers with where the person continues; the wallet follows it.
    expect(await sharer.decline(request.requestId)).toEqual({ verifierTold: true, redirectUri: txUrl });
    const page = await (await fetchApp(txUrl)).text();
    expect(page).toContain('You chose not to share');
    expect(page).not.toContain('http-equiv="refresh"');
  });

  it('nothing held that matches: the wallet tells the verifier, whose page says so', async () => {
    world.vault.credentials.splice(world.vault.credentials.findIndex((c) => c.id === 'rtw'), 1);
    const { link, txUrl } = await start();
    await expect(sharer.readRequest(link)).rejects.toMatchObject({ code: 'nothing-matches', details: { verifierTold: true } });
    expect(await (await fetchApp(txUrl)).text()).toContain('You chose not to share');
  });

  it('an error with an unknown state, or after an answer, changes nothing', async () => {
    const { link, txUrl } = await start();
    const post = (body: string) => fetchApp(`${VERIFIER_URL}/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect((await post('error=access_denied&state=not-a-transaction')).status).toBe(400);
    const request = await sharer.readRequest(link);
    await sharer.respondOnline(request.requestId, 'rtw', request.candidates[0]!.requested.map((r) => r.path));
    const tx = verifier.transactions.get(new URL(txUrl).pathname.split('/').pop()!)!;
    expect(tx.outcome?.ok).toBe(true);
    expect((await post(`error=access_denied&state=${encodeURIComponent(tx.state)}`)).status).toBe(400);
    expect(tx.outcome?.ok).toBe(true);
  });
});
