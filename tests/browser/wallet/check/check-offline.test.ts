/**
 * Issue 11, item 1: a checker set up online, then taken offline, must not turn away a genuine
 * person because it never fetched that department's status list. While online the checker fetches
 * every status list the trust list names (its `status_lists`) before any check needs them, and
 * says which issuers it is ready to check offline; when the cancellation state truly cannot be
 * known the verdict is 'status-unknown' (every other check passed), never the same as revoked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../../../src/ui/i18n/reasons';
import { translator } from '../../../../src/ui/i18n/translate';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createChecker } from '../../../../src/wallet/check/check';
import { cachedTrust } from '../../../../src/wallet/trust/check-trust';
import { CHECK_STATUS_KIND } from '../../../../src/wallet/trust/trust-records';
import { createSharer } from '../../../../src/wallet/share/share';
import { statusListToken } from '../../../shared/credentials/helpers';
import { cleanUpVaults } from '../../support/vault-helpers';
import { checkOverEighteen, DVLA, DVLA_STATUS, HOME_OFFICE, makeWorld, NOW, type World } from '../../support/share-fixtures';
import { vaultWithTrustList } from '../../support/trusted-vault';

afterEach(async () => {
  await cleanUpVaults();
  stopCryptoWorker();
});

const nowS = Math.floor(NOW.getTime() / 1000);

/** A checker phone whose trust list names the DVLA's status list; `answer` is what the DVLA's server says. */
async function checkerPhone(world: World, name: string) {
  const { vault, operatorJwk } = await vaultWithTrustList(world, name, 'dvla+home-office', { [DVLA]: [DVLA_STATUS] });
  const phone = { online: true, fetched: [] as string[], answer: (uri: string) => new Response(world.statusLists[uri] ?? '', { status: world.statusLists[uri] ? 200 : 404 }) };
  const now = () => NOW.getTime();
  const verifier = workerSignatureVerifier();
  const fetchFn: typeof fetch = async (input) => {
    if (!phone.online) throw new TypeError('Failed to fetch');
    phone.fetched.push(String(input));
    return phone.answer(String(input));
  };
  const trust = cachedTrust({ vault, config: { trustListUrl: 'https://trust.example.gov.uk/list', trustListKeys: [operatorJwk] }, verifier, fetch: fetchFn, online: () => phone.online, now });
  const checker = createChecker({ verifier, trust, vault, now });
  const sharer = createSharer({ vault: world.vault, now });
  const check = () => checkOverEighteen(checker, sharer);
  return { phone, vault, checker, check };
}

describe('a checker that works offline (failed before the fix)', () => {
  it('online, it fetches the status lists the trust list names before any check, says it is ready, and offline a first check of that department passes', async () => {
    const world = await makeWorld();
    const { phone, vault, checker, check } = await checkerPhone(world, 'check-offline-ready');

    phone.online = false;
    const before = await checker.offlineReadiness({ refresh: true });
    expect(before.trustList).toBe(true);
    expect(before.issuers.map((i) => [i.id, i.ready])).toEqual([[DVLA, false], [HOME_OFFICE, false]]);

    phone.online = true;
    const ready = await checker.offlineReadiness({ refresh: true });
    expect(phone.fetched).toEqual([DVLA_STATUS]);
    expect(ready.issuers.find((i) => i.id === DVLA)).toMatchObject({ ready: true, name: { en: 'DVLA' }, listsFetchedAt: NOW.toISOString() });
    // The Home Office names no status list and none was met: not known to be ready.
    expect(ready.issuers.find((i) => i.id === HOME_OFFICE)?.ready).toBe(false);
    expect(await vault.getRecord(CHECK_STATUS_KIND, DVLA_STATUS)).toMatchObject({ jwt: world.statusLists[DVLA_STATUS], uri: DVLA_STATUS });

    phone.online = false;
    const result = await check();
    expect(result.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, verdict: 'pass', status: { state: 'valid' } });
    expect(phone.fetched).toEqual([DVLA_STATUS]);
  });

  it('a list that could not be had (its server failing while online) gives the distinct "cancellation not checked" verdict, not a fail; a revoked licence still fails', async () => {
    const world = await makeWorld();
    const { phone, checker, check } = await checkerPhone(world, 'check-offline-unknown');
    phone.answer = () => new Response('Service unavailable', { status: 503 });
    const readiness = await checker.offlineReadiness({ refresh: true });
    expect(readiness.issuers.find((i) => i.id === DVLA)?.ready).toBe(false);

    phone.online = false;
    const unknown = await check();
    expect(unknown.ok).toBe(false);
    expect(unknown.verdict).toBe('status-unknown');
    expect(unknown.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual(['status:unknown']);
    const unknownReason = unknown.reasons.find((r) => r.code === 'status:unknown');
    // The wallet gives the code; the UI catalogue words it (src/ui/i18n/reasons.ts).
    expect(unknownReason && reasonText(unknownReason, translator('en'), 'en')).toMatch(/could not check whether it has been cancelled/i);
    expect(unknown.credentials?.[0]?.verdict).toBe('status-unknown');

    // The DVLA's list says revoked (index 1): a fail, whatever else passed.
    phone.online = true;
    phone.answer = () => new Response(statusListToken({ key: world.dvla, uri: DVLA_STATUS, statuses: [0, 1, 0, 0], iat: nowS - 60 }));
    await checker.offlineReadiness({ refresh: true });
    phone.online = false;
    const revoked = await check();
    expect(revoked).toMatchObject({ ok: false, verdict: 'fail', status: { state: 'revoked' } });
  });
});
