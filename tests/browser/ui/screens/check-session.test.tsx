/**
 * What the checker holds between scans: a stray frame of another answer does not wedge a
 * check, the check screen has a "Start again", and checked people's data (claims, portraits) is
 * forgotten when the vault locks and when the check screen is left.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { I18nProvider } from '../../../../src/ui/i18n/context';
import { cy, en } from '../../../shared/catalogues';
import { CheckScreen } from '../../../../src/ui/screens/CheckScreen';
import { ShareProvider } from '../../../../src/ui/share/ShareContext';
import { createAppShareServices } from '../../../../src/wallet/app/app-share';
import { createChecker, QUICK_SHOW_REQUEST_ID } from '../../../../src/wallet/check';
import { staticTrust } from '../../../../src/wallet/trust/check-trust';
import { createSharer } from '../../../../src/wallet/share/share';
import type { Sharer } from '../../../../src/wallet/share/share-api';
import type { Checker } from '../../../../src/wallet/check';
import { cleanUpVaults } from '../../support/vault-helpers';
import { vaultWithTrustList } from '../../support/trusted-vault';
import { makeWorld, NOW, type World } from '../../support/share-fixtures';

const now = () => NOW.getTime();
let world: World;
let sharer: Sharer;

beforeEach(async () => {
  world = await makeWorld();
  sharer = createSharer({ vault: world.vault, now });
});
afterEach(async () => {
  await cleanUpVaults();
  stopCryptoWorker();
});

const newChecker = (): Checker => createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(world.trustList, world.statusLists), vault: world.vault, now });

async function answer(checker: Checker, purpose: 'over-18' | 'identity' = 'over-18') {
  const request = await checker.createRequest({ purpose, verifierName: 'The Red Lion' });
  const read = await sharer.readRequest(request.qr.frames[0]!);
  const claims = await sharer.claimsForPurpose('licence', purpose);
  return { request, frames: (await sharer.respond(read.requestId, 'licence', claims)).frames };
}

describe('a stray frame', () => {
  it('the previous person\'s looping code scanned first does not wedge the next check', async () => {
    const checker = newChecker();
    const previous = await answer(checker);
    for (const f of previous.frames) await checker.addFrame(previous.request.requestId, f);
    expect((await checker.verify(previous.request.requestId)).ok).toBe(true);

    const next = await answer(checker);
    // One frame of the previous answer, still looping on the last person's phone, is read first…
    await checker.addFrame(next.request.requestId, previous.frames[1]!);
    // …then a quick-show code held up by mistake (refused without losing anything)…
    const quick = await sharer.quickShow('licence', [['age_over_18']]);
    await expect(checker.addFrame(next.request.requestId, quick.frames[0]!)).rejects.toMatchObject({ code: 'not-a-response' });
    // …then the genuine answer, interleaved with more stray frames: it completes and checks out.
    let progress;
    for (const [i, f] of next.frames.entries()) {
      progress = await checker.addFrame(next.request.requestId, f);
      if (i < next.frames.length - 1) await checker.addFrame(next.request.requestId, previous.frames[(i + 2) % previous.frames.length]!);
    }
    expect(progress).toEqual({ received: next.frames.length, total: next.frames.length, complete: true });
    const result = await checker.verify(next.request.requestId);
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

const host = document.body.appendChild(document.createElement('div'));

function button(text: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
}

async function shows(text: string): Promise<void> {
  await expect.poll(() => host.textContent ?? '', { timeout: 60_000 }).toContain(text);
}

describe('the check screen', () => {
  afterEach(() => render(null, host));

  const screen = (checker: Checker, language: 'en' | 'cy' = 'en') =>
    act(() => render(<I18nProvider initial={language}><ShareProvider services={{ sharer, checker, activity: { list: async () => [], remove: async () => {}, export: async () => new Blob() } }}><CheckScreen /></ShareProvider></I18nProvider>, host));

  it('"Start again" (English and Welsh) forgets the frames read so far', async () => {
    const checker = newChecker();
    await screen(checker, 'cy');
    await act(() => button(cy['check.quickShow'])!.click());
    await shows(cy['check.quickTitle']);
    expect(button(cy['check.startAgain'])).toBeDefined();
    render(null, host);

    await screen(checker);
    await act(() => button(en['check.quickShow'])!.click());
    await shows(en['check.quickTitle']);
    const quick = await sharer.quickShow('licence', [['age_over_18']]);
    const [first, ...rest] = quick.frames;
    expect(rest.length).toBeGreaterThan(0);
    await checker.addFrame(QUICK_SHOW_REQUEST_ID, first!);
    await act(() => button(en['check.startAgain'])!.click());
    for (const f of rest) await checker.addFrame(QUICK_SHOW_REQUEST_ID, f);
    await expect(checker.verify(QUICK_SHOW_REQUEST_ID)).rejects.toMatchObject({ code: 'frame-missing', details: { missing: [1] } });
  });

  it('leaving the screen forgets every check: completed (claims, portrait) and partial', async () => {
    const checker = newChecker();
    await screen(checker);
    const done = await answer(checker, 'identity');
    for (const f of done.frames) await checker.addFrame(done.request.requestId, f);
    const result = await checker.verify(done.request.requestId);
    expect(result.claims.find((c) => c.path[0] === 'portrait')?.value).toMatch(/^data:image\/jpeg/);
    const partial = await answer(checker);
    await checker.addFrame(partial.request.requestId, partial.frames[0]!);
    const during = await answer(checker);
    for (const f of during.frames) await checker.addFrame(during.request.requestId, f);
    const verifying = checker.verify(during.request.requestId);

    await act(() => render(null, host)); // the person leaves the check screen

    // The check being verified as the screen goes does not hand its result out afterwards.
    await expect(verifying).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.verify(done.request.requestId)).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.keepRecord(done.request.requestId)).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.addFrame(partial.request.requestId, partial.frames[1]!)).rejects.toMatchObject({ code: 'request-expired' });
    expect(world.vault.records.size).toBe(0);
  });
});

describe('the app\'s checker when the vault locks', () => {
  it('forgets every completed and partial check: the result can no longer be read or kept', async () => {
    const { vault, operatorJwk } = await vaultWithTrustList(world, 'check-lock');
    const statusFetch: typeof fetch = async (input) => new Response(world.statusLists[String(input)] ?? '', { status: world.statusLists[String(input)] ? 200 : 404 });
    const { checker } = createAppShareServices(vault, undefined, { config: { trustListUrl: 'https://trust.example.gov.uk/list', trustListKeys: [operatorJwk] }, fetch: statusFetch, now });

    const kept = await answer(checker, 'identity');
    for (const f of kept.frames) await checker.addFrame(kept.request.requestId, f);
    expect((await checker.verify(kept.request.requestId)).ok).toBe(true);
    await checker.keepRecord(kept.request.requestId); // while unlocked, keeping a record works

    const done = await answer(checker, 'identity');
    for (const f of done.frames) await checker.addFrame(done.request.requestId, f);
    const result = await checker.verify(done.request.requestId);
    expect(result.ok).toBe(true);
    expect(result.claims.map((c) => c.path[0])).toContain('portrait');
    const partial = await answer(checker);
    await checker.addFrame(partial.request.requestId, partial.frames[0]!);
    const during = await answer(checker);
    for (const f of during.frames) await checker.addFrame(during.request.requestId, f);
    const verifying = checker.verify(during.request.requestId);

    vault.lock();

    // A check being verified as the vault locks hands no result out (the locked vault, or the closed check, stops it).
    await expect(verifying).rejects.toThrow();
    await expect(checker.verify(done.request.requestId)).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.keepRecord(done.request.requestId)).rejects.toMatchObject({ code: 'request-expired' });
    await expect(checker.addFrame(partial.request.requestId, partial.frames[1]!)).rejects.toMatchObject({ code: 'request-expired' });
  });
});
