/**
 * The checker's trust sources in the app: the receive use case's cached, signed trust list (read
 * only), and status lists fetched once online then kept encrypted for offline checks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stopCryptoWorker, workerSignatureVerifier } from '../../../../src/crypto/client';
import { createChecker } from '../../../../src/wallet/check/check';
import { cachedTrust } from '../../../../src/wallet/trust/check-trust';
import { CHECK_STATUS_KIND } from '../../../../src/wallet/trust/trust-records';
import { createSharer } from '../../../../src/wallet/share/share';
import { es256Key, statusListToken } from '../../../shared/credentials/helpers';
import { cleanUpVaults } from '../../support/vault-helpers';
import { checkOverEighteen, DVLA_STATUS, makeWorld, NOW, type World } from '../../support/share-fixtures';
import { vaultWithTrustList } from '../../support/trusted-vault';

afterEach(async () => {
  await cleanUpVaults();
  stopCryptoWorker();
});

describe('cachedTrust', () => {
  it('uses the cached signed trust list; fetches a missing status list online, then checks offline from the kept copy', async () => {
    const world = await makeWorld();
    const { vault, operatorJwk } = await vaultWithTrustList(world, 'check-trust');
    let isOnline = true;
    const fetched: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      fetched.push(String(input));
      return new Response(world.statusLists[String(input)] ?? '', { status: world.statusLists[String(input)] ? 200 : 404 });
    };
    const now = () => NOW.getTime();
    const verifier = workerSignatureVerifier();
    const trust = cachedTrust({ vault, config: { trustListUrl: 'https://trust.example.gov.uk/list', trustListKeys: [operatorJwk] }, verifier, fetch: fakeFetch, online: () => isOnline, now });
    const checker = createChecker({ verifier, trust, now });
    const sharer = createSharer({ vault: world.vault, now });

    const check = () => checkOverEighteen(checker, sharer);

    const first = await check();
    expect(first.reasons.filter((r) => !r.ok)).toEqual([]);
    expect(first.issuerName?.en).toBe('DVLA');
    expect(fetched).toEqual([DVLA_STATUS]);
    expect(await vault.getRecord(CHECK_STATUS_KIND, DVLA_STATUS)).toMatchObject({ jwt: world.statusLists[DVLA_STATUS] });

    isOnline = false;
    const second = await check();
    expect(second.ok).toBe(true);
    expect(second.status?.state).toBe('valid');
    expect(fetched).toHaveLength(1);

    // Another phone that never saw this list, offline: status unknown, the check fails and says why.
    await vault.deleteRecord(CHECK_STATUS_KIND, DVLA_STATUS);
    const third = await check();
    expect(third.ok).toBe(false);
    expect(third.reasons.filter((r) => !r.ok).map((r) => r.code)).toEqual(['status:unknown']);

    // A trust list signed by a key that is not pinned is not used at all.
    const stranger = cachedTrust({ vault, config: { trustListUrl: 'x', trustListKeys: [es256Key('other').jwk] }, verifier });
    expect(await stranger.trustList()).toBeUndefined();
  });
});

/** A checker phone whose receive cache holds a signed trust list but no status lists; the issuer answers `answer()`. */
async function checkerPhone(world: World) {
  const { vault, operatorJwk } = await vaultWithTrustList(world, 'check-trust-fresh', 'dvla');
  const phone = { clock: NOW.getTime(), answer: () => new Response('', { status: 404 }), vault };
  const now = () => phone.clock;
  const verifier = workerSignatureVerifier();
  const trust = cachedTrust({ vault, config: { trustListUrl: 'https://trust.example.gov.uk/list', trustListKeys: [operatorJwk] }, verifier, fetch: async () => phone.answer(), online: () => true, now });
  const checker = createChecker({ verifier, trust, now });
  const sharer = createSharer({ vault: world.vault, now });
  const status = async () => (await checkOverEighteen(checker, sharer)).status?.state;
  return { phone, status };
}

describe('the checker\'s own status lists (failed before the fix)', () => {
  const nowS = Math.floor(NOW.getTime() / 1000);

  it('an older list served after a revocation does not bring the credential back', async () => {
    const world = await makeWorld();
    const { phone, status } = await checkerPhone(world);
    const revoked = statusListToken({ key: world.dvla, uri: DVLA_STATUS, statuses: [0, 1, 0, 0], iat: nowS - 60 });
    phone.answer = () => new Response(revoked);
    expect(await status()).toBe('revoked');
    phone.answer = () => new Response(statusListToken({ key: world.dvla, uri: DVLA_STATUS, statuses: [0, 0, 0, 0], iat: nowS - 3600 }));
    phone.clock += 600_000; // past CHECK_STATUS_REFRESH_S: the phone asks again
    expect(await status()).toBe('revoked');
    expect(await phone.vault.getRecord(CHECK_STATUS_KIND, DVLA_STATUS)).toMatchObject({ jwt: revoked });
  });

  it('an HTTP 200 carrying garbage, or a list signed by a key not on the trust list, never replaces the good copy, which stays in use', async () => {
    const world = await makeWorld();
    const { phone, status } = await checkerPhone(world);
    const good = statusListToken({ key: world.dvla, uri: DVLA_STATUS, statuses: [0, 1, 0, 0], iat: nowS - 60 });
    phone.answer = () => new Response(good);
    expect(await status()).toBe('revoked');
    const bad = ['<html>Service unavailable</html>', statusListToken({ key: es256Key('dvla-1'), uri: DVLA_STATUS, statuses: [0, 0, 0, 0], iat: nowS })];
    for (const body of bad) {
      phone.answer = () => new Response(body);
      phone.clock += 600_000;
      expect(await status()).toBe('revoked');
      expect(await phone.vault.getRecord(CHECK_STATUS_KIND, DVLA_STATUS)).toMatchObject({ jwt: good });
    }
  });
});

