/**
 * OpenID4VP 1.0 online, same code as the app: the wallet's Sharer reads a request link
 * (request_uri, §5.10), answers by direct_post.jwt (§8.3), and the reference verifier
 * (src/server/verifier) decrypts, verifies and shows the result. In-process: the verifier's
 * Hono app is the wallet's fetch (tests/shared/in-process-verifier.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { verifierApp } from '../../../../src/server/verifier/verifier-app';
import { createSharer } from '../../../../src/wallet/share/share';
import { ShareError, type Sharer } from '../../../../src/wallet/share/share-api';
import { makeWorld, NOW, type World } from '../../../browser/support/share-fixtures';
import { inProcessVerifier, verifierOver, VERIFIER_URL } from '../../../shared/in-process-verifier';

let world: World;
let clock: number;
let verifier: ReturnType<typeof verifierApp>;
let sharer: Sharer;
const inProcess = inProcessVerifier(() => verifier);
const fetchApp = inProcess.fetch;

async function start(purpose: 'right-to-work' | 'over-18'): Promise<{ link: string; txUrl: string }> {
  const { link, txUrl, status, page } = await inProcess.start(purpose);
  expect(status).toBe(303);
  expect(page).toContain('openid4vp://?client_id=');
  return { link, txUrl };
}

beforeEach(async () => {
  world = await makeWorld();
  clock = NOW.getTime();
  verifier = verifierOver(world, {
    now: () => clock,
  });
  sharer = createSharer({ vault: world.vault, fetch: fetchApp, now: () => clock, remoteUrls: { allowLoopback: true } });
});

describe('OpenID4VP same-device / cross-device', () => {
  it('right to work: request_uri → consent → direct_post.jwt → the verifier shows what it received, verified', async () => {
    const { link, txUrl } = await start('right-to-work');
    const request = await sharer.readRequest(link);
    expect(request).toMatchObject({ mode: 'online', verifierName: 'Acme Café jobs' });
    expect(request.candidates.map((c) => c.credentialId)).toEqual(['rtw']);
    const claims = request.candidates[0]!.requested.map((r) => r.path);
    const { redirectUri } = await sharer.respondOnline(request.requestId, 'rtw', claims);
    expect(redirectUri).toBe(txUrl);
    const page = await (await fetchApp(txUrl)).text();
    expect(page).toContain('The credential verified.');
    expect(page).toContain('Unlimited');
    expect(page).not.toContain('W7X-2KQ-9PL'); // the share code was not asked for, so not sent
    const tx = [...new URL(txUrl).pathname.split('/')].pop()!;
    expect(verifier.transactions.get(tx)!.outcome!.ok).toBe(true);
    expect(world.vault.activity[0]).toMatchObject({ kind: 'shared', counterparty: 'Acme Café jobs' });
  });

  it('the verifier fails an answer that leaves out a claim it asked for', async () => {
    const { link, txUrl } = await start('right-to-work');
    const request = await sharer.readRequest(link);
    await sharer.respondOnline(request.requestId, 'rtw', [['given_name'], ['family_name'], ['right_to_work']]);
    const page = await (await fetchApp(txUrl)).text();
    expect(page).toContain('The credential did not verify');
    expect(page).toContain('not shared, though asked for: work_restrictions');
  });

  it('the cross-device QR text reads the same request', async () => {
    const { txUrl } = await start('over-18');
    const page = await (await fetchApp(txUrl)).text();
    const qrText = /<code>(openid4vp:[^<]+)<\/code>/.exec(page)![1]!.replace(/&amp;/g, '&');
    const request = await sharer.readRequest(qrText);
    expect(request.candidates[0]!.requested.map((r) => r.path)).toEqual([['age_over_18']]);
  });

  it('a replayed response is refused by the verifier; claim values are escaped on its page', async () => {
    const { link, txUrl } = await start('right-to-work');
    const request = await sharer.readRequest(link);
    await sharer.respondOnline(request.requestId, 'rtw', [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']]);
    // The same encrypted response posted again (a replay): refused, the first outcome stands.
    const replay = await fetchApp(`${VERIFIER_URL}/response`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: inProcess.lastResponseBody! });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error_description: string }).error_description).toMatch(/already answered/);
    // The wallet forgets an answered request: it cannot be answered twice from the same read…
    await expect(sharer.respondOnline(request.requestId, 'rtw', [['given_name']])).rejects.toMatchObject({ code: 'request-expired' });
    // …and the verifier has closed the request object.
    await expect(sharer.readRequest(link)).rejects.toMatchObject({ code: 'request-expired' });
    expect(await (await fetchApp(txUrl)).text()).not.toMatch(/<script/i);
  });

  it('an expired request, a request for nothing held, and a malformed request each get a clear ShareError', async () => {
    const { link } = await start('right-to-work');
    clock += 11 * 60_000;
    await expect(sharer.readRequest(link)).rejects.toMatchObject({ code: 'request-expired' });
    clock = NOW.getTime();
    world.vault.credentials.splice(1, 1);
    const again = await start('right-to-work');
    await expect(sharer.readRequest(again.link)).rejects.toMatchObject({ code: 'nothing-matches' });
    // The verifier was told access_denied (§8.5), which closed that transaction: tamper with a fresh one.
    const third = await start('right-to-work');
    const bad = third.link.replace(/client_id=[^&]+/, 'client_id=redirect_uri%3Ahttps%3A%2F%2Fevil.example%2Fresponse');
    const e = await sharer.readRequest(bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ShareError);
    expect((e as ShareError).code).toBe('request-malformed');
  });
});
