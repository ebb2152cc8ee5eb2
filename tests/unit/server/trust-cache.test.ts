/**
 * The wallet's trust-list cache (src/wallet/trust-cache.ts) with lists signed by the reference
 * operator: refreshed after the publisher's max-age (not before), capped by the list's exp; a list
 * that does not verify with the pinned key never replaces the last good one; offline the cached
 * list is used, also after its exp; without any list, a clear error.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeys, type KeyPair } from '../../../src/server/reference/keys';
import { signTrustList, TRUST_LIST_LIFETIME_S } from '../../../src/server/reference/trust-operator';
import { ReceiveStore } from '../../../src/wallet/receive-store';
import { TrustCache, TrustUnavailableError } from '../../../src/wallet/trust-cache';
import { nobleVerifier } from '../../shared/credentials/helpers';
import { MemoryVault } from './memory-vault';

const URL_ = 'https://trust.example.gov.uk/trust-list.jwt';

describe('TrustCache', () => {
  let operator: KeyPair;
  let impostor: KeyPair;
  let clock: number;
  let answer: () => Promise<Response>;
  let fetches: number;
  let cache: TrustCache;

  beforeAll(async () => {
    const keys = await loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'satchel-trust-')), ['operator', 'impostor']);
    operator = keys.operator!;
    impostor = keys.impostor!;
  });

  const list = async (key: KeyPair, operatorName: string, maxAge = 3600) =>
    new Response(await signTrustList(key, operatorName, [], new Date(clock)), { headers: { 'Cache-Control': `max-age=${maxAge}` } });

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 1);
    fetches = 0;
    answer = () => list(operator, 'https://trust.example.gov.uk/first');
    const store = new ReceiveStore(new MemoryVault());
    cache = new TrustCache(store, { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, nobleVerifier, async (url) => {
      expect(url).toBe(URL_);
      fetches++;
      return answer();
    }, () => clock);
  });

  it('uses the cached list until max-age, then fetches again', async () => {
    expect((await cache.trustList()).operator).toBe('https://trust.example.gov.uk/first');
    answer = () => list(operator, 'https://trust.example.gov.uk/second');
    clock += 3599_000;
    expect((await cache.trustList()).operator).toBe('https://trust.example.gov.uk/first');
    expect(fetches).toBe(1);
    clock += 2_000;
    expect((await cache.trustList()).operator).toBe('https://trust.example.gov.uk/second');
    expect(fetches).toBe(2);
  });

  it('a list signed by another key never replaces the last good one', async () => {
    await cache.trustList();
    answer = () => list(impostor, 'https://evil.example');
    expect((await cache.trustList({ force: true })).operator).toBe('https://trust.example.gov.uk/first');
  });

  it('offline, the cached list is used, even after its exp', async () => {
    await cache.trustList();
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    clock += (TRUST_LIST_LIFETIME_S + 86400) * 1000;
    expect((await cache.trustList()).operator).toBe('https://trust.example.gov.uk/first');
    expect((await cache.cachedTrustList())?.operator).toBe('https://trust.example.gov.uk/first');
  });

  it('with no list at all: offline is TrustUnavailableError(offline), a bad list is not', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const offline = await cache.trustList().catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(TrustUnavailableError);
    expect((offline as TrustUnavailableError).offline).toBe(true);
    answer = () => list(impostor, 'https://evil.example');
    const bad = await cache.trustList().catch((e: unknown) => e);
    expect((bad as TrustUnavailableError).offline).toBe(false);
    expect((bad as Error).message).toContain('pinned operator key');
  });
});
