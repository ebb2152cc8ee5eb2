/**
 * The wallet's trust-list cache (src/wallet/trust/trust-cache.ts) with lists signed by the reference
 * operator: refreshed after the publisher's max-age (not before), capped by the list's exp; a list
 * that does not verify with the pinned key never replaces the last good one; offline the cached
 * list is used, also after its exp; without any list, a clear error.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_STATUS_LIST_TOKEN_CHARS, MAX_TRUST_LIST_CHARS, prepareTrustList, verifyCredential } from '../../../../src/credentials/index';
import { loadOrCreateKeys, type KeyPair } from '../../../../src/server/reference/keys';
import { signTrustList, TRUST_LIST_LIFETIME_S } from '../../../../src/server/reference/trust-operator';
import { TrustCache, TrustUnavailableError } from '../../../../src/wallet/trust/trust-cache';
import { es256Key, ISSUER_ID, issueSdJwtVc, LICENCE_VCT, nobleVerifier, STATUS_URI, statusListToken } from '../../../shared/credentials/helpers';
import { MemoryVault } from '../memory-vault';
import { redirectingFetch } from '../../../shared/redirecting-fetch';

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

  /** The operator's trust list naming DVLA with `issuerKey`, issued an hour ago, not yet signed. */
  const dvlaTrustList = (issuerKey: ReturnType<typeof es256Key>) => prepareTrustList({
    alg: 'ES256',
    kid: operator.kid,
    operator: 'https://trust.example.gov.uk/first',
    issuedAt: new Date(clock - 3600_000),
    expiresAt: new Date(clock + 30 * 86400_000),
    issuers: [{ id: ISSUER_ID, name: { en: 'DVLA', cy: 'DVLA' }, keys: [issuerKey.jwk], types: [LICENCE_VCT] }],
  });

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 1);
    fetches = 0;
    answer = () => list(operator, 'https://trust.example.gov.uk/first');
    cache = new TrustCache({ vault: new MemoryVault(), config: { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, now: () => clock, fetch: async (url) => {
      expect(url).toBe(URL_);
      fetches++;
      return answer();
    } });
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

  it('an older, still valid trust list served after a newer one is not taken: a removed issuer stays removed (failed before the fix)', async () => {
    const removed = es256Key('removed-1');
    const signed = async (issuedAt: number, withIssuer: boolean) => {
      const unsigned = prepareTrustList({
        alg: 'ES256',
        kid: operator.kid,
        operator: 'https://trust.example.gov.uk/first',
        issuedAt: new Date(issuedAt),
        expiresAt: new Date(issuedAt + 30 * 86400_000),
        issuers: withIssuer ? [{ id: ISSUER_ID, name: { en: 'DVLA', cy: 'DVLA' }, keys: [removed.jwk], types: [LICENCE_VCT] }] : [],
      });
      return unsigned.finish(Buffer.from(await operator.sign(unsigned.signingInput), 'base64url'));
    };
    const older = await signed(clock - 86400_000, true);
    const newer = await signed(clock, false);
    answer = async () => new Response(newer);
    expect((await cache.trustList()).issuers).toEqual([]);
    answer = async () => new Response(older);
    clock += 60_000;
    expect((await cache.trustList({ force: true })).issuers).toEqual([]);
    expect((await cache.cachedTrustList())?.issuers).toEqual([]);
  });

  describe('status lists', () => {
    const issuerKey = es256Key('dvla-1');
    const iat = () => Math.floor(clock / 1000);
    const credential = issueSdJwtVc({ key: issuerKey, sd: { given_name: 'Ada' }, status: { idx: 1, uri: STATUS_URI } }).raw;
    let statusAnswer: () => Response;

    beforeEach(() => {
      const unsigned = dvlaTrustList(issuerKey);
      cache = new TrustCache({ vault: new MemoryVault(), config: { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, now: () => clock, fetch: async (url) => {
        if (url === URL_) return new Response(unsigned.finish(Buffer.from(await operator.sign(unsigned.signingInput), 'base64url')));
        expect(url).toBe(STATUS_URI);
        return statusAnswer();
      } });
    });

    const statusNow = async () => {
      const report = await verifyCredential(credential, { trustList: await cache.trustList(), verifier: nobleVerifier, now: new Date(clock), fetchStatusList: (uri) => cache.statusList(uri, false) });
      return report.status?.state;
    };

    it('an older list served after a revocation does not bring the credential back (failed before the fix)', async () => {
      const valid = statusListToken({ key: issuerKey, statuses: [0, 0, 0, 0], iat: iat() - 3600 });
      const revoked = statusListToken({ key: issuerKey, statuses: [0, 1, 0, 0], iat: iat() });
      statusAnswer = () => new Response(revoked);
      await cache.fetchStatusList(STATUS_URI);
      expect(await statusNow()).toBe('revoked');
      statusAnswer = () => new Response(valid);
      clock += 3600_000;
      await cache.fetchStatusList(STATUS_URI).catch(() => undefined);
      expect(await cache.statusList(STATUS_URI, true)).toBe(revoked);
      expect(await statusNow()).toBe('revoked');
    });

    it('an HTTP 200 carrying garbage never replaces the good cached list, which stays in use (failed before the fix)', async () => {
      const good = statusListToken({ key: issuerKey, statuses: [0, 1, 0, 0], iat: iat() });
      statusAnswer = () => new Response(good);
      await cache.fetchStatusList(STATUS_URI);
      clock += 3600_000;
      for (const garbage of ['<html>Service unavailable</html>', statusListToken({ key: es256Key('dvla-1'), statuses: [0, 0, 0, 0], iat: iat() })]) {
        statusAnswer = () => new Response(garbage);
        await expect(cache.fetchStatusList(STATUS_URI)).rejects.toThrow(/revocation list/);
        expect(await cache.statusList(STATUS_URI, true)).toBe(good);
        expect(await cache.statusList(STATUS_URI, false)).toBe(good);
        expect(await statusNow()).toBe('revoked');
      }
    });

    it('with nothing cached, a list that does not verify is not kept', async () => {
      statusAnswer = () => new Response('not a status list');
      await expect(cache.fetchStatusList(STATUS_URI)).rejects.toThrow(TrustUnavailableError);
      await expect(cache.statusList(STATUS_URI, false)).rejects.toThrow(TrustUnavailableError);
    });
  });

  describe('fetching (failed before the fix)', () => {
    const vault = () => new MemoryVault();

    it('only from addresses the remote-URL policy allows: https, and loopback only when the build allows it', async () => {
      const tried: string[] = [];
      const fetchFn = async (url: string) => (tried.push(url), list(operator, 'https://trust.example.gov.uk/first'));
      for (const url of ['http://trust.example.gov.uk/list', 'http://localhost:5178/trust-list.jwt', 'file:///etc/passwd']) {
        const refused = new TrustCache({ vault: vault(), config: { trustListUrl: url, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, fetch: fetchFn, now: () => clock });
        await expect(refused.trustList()).rejects.toThrow(/will not fetch/);
        await expect(refused.fetchStatusList(url)).rejects.toThrow(/will not fetch/);
      }
      expect(tried).toEqual([]);
      const demo = new TrustCache({ vault: vault(), config: { trustListUrl: 'http://localhost:5178/trust-list.jwt', trustListKeys: [operator.publicJwk], remoteUrls: { allowLoopback: true } }, verifier: nobleVerifier, fetch: fetchFn, now: () => clock });
      expect((await demo.trustList()).operator).toBe('https://trust.example.gov.uk/first');
      expect(tried).toEqual(['http://localhost:5178/trust-list.jwt']);
    });

    it('stops reading a trust list or status list body as soon as it passes the cap', async () => {
      const CHUNK = 64 * 1024;
      let pulled = 0;
      const endless = () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled += CHUNK;
              if (pulled > 8 * 1024 * 1024) controller.close();
              else controller.enqueue(new Uint8Array(CHUNK).fill(0x41));
            },
          }),
        );
      const big = new TrustCache({ vault: vault(), config: { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, fetch: async () => endless(), now: () => clock });
      const error = await big.trustList().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrustUnavailableError);
      expect((error as TrustUnavailableError).offline).toBe(false);
      expect(pulled).toBeLessThanOrEqual(MAX_TRUST_LIST_CHARS + 2 * CHUNK);
      pulled = 0;
      await expect(big.fetchStatusList(STATUS_URI)).rejects.toBeInstanceOf(TrustUnavailableError);
      expect(pulled).toBeLessThanOrEqual(MAX_STATUS_LIST_TOKEN_CHARS + 2 * CHUNK);
    });

    it('a trust list or status list address that redirects elsewhere is not followed: nothing is kept, with no cookies sent', async () => {
      const r = redirectingFetch('https://evil.example/list', () => list(impostor, 'https://evil.example'));
      const redirected = new TrustCache({ vault: vault(), config: { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, fetch: r.fetch, now: () => clock });
      const error = await redirected.trustList().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrustUnavailableError);
      expect((error as TrustUnavailableError).offline).toBe(true);
      await expect(redirected.fetchStatusList(STATUS_URI)).rejects.toBeInstanceOf(TrustUnavailableError);
      expect(await redirected.cachedTrustList()).toBeUndefined();
      expect(r.followed).toEqual([]);
      expect(r.seen).toMatchObject([{ redirect: 'error', credentials: 'omit' }, { redirect: 'error', credentials: 'omit' }]);
    });
  });

  describe('a vault written before the trust cache had its own record (the copies sat in the receive document)', () => {
    const issuerKey = es256Key('dvla-1');
    const credential = issueSdJwtVc({ key: issuerKey, sd: { given_name: 'Ada' }, status: { idx: 1, uri: STATUS_URI } }).raw;
    const offline = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

    /** A vault as the version before wrote it: the trust list and a status list inside ('receive', 'state'). */
    async function upgradedVault() {
      const unsigned = dvlaTrustList(issuerKey);
      const trustList = unsigned.finish(Buffer.from(await operator.sign(unsigned.signingInput), 'base64url'));
      const revoked = statusListToken({ key: issuerKey, statuses: [0, 1, 0, 0], iat: Math.floor(clock / 1000) - 60 });
      const vault = new MemoryVault();
      await vault.putRecord('receive', 'state', {
        v: 1,
        pending: [],
        credentials: {},
        issuers: {},
        trustList: { jwt: trustList, fetchedAt: clock - 60_000, refreshAfter: clock + 3600_000 },
        statusLists: { [STATUS_URI]: { jwt: revoked, fetchedAt: clock - 60_000, refreshAfter: clock + 240_000 }, 'https://damaged.example/status': { jwt: 42 } },
      });
      return { vault, trustList, revoked };
    }

    it('offline after the upgrade, the person keeps the cached trust list and status lists (failed before the fix: none were adopted)', async () => {
      const { vault, revoked } = await upgradedVault();
      const upgraded = new TrustCache({ vault, config: { trustListUrl: URL_, trustListKeys: [operator.publicJwk] }, verifier: nobleVerifier, now: () => clock, fetch: offline });
      expect((await upgraded.cachedTrustList())?.issuers.map((i) => i.id)).toEqual([ISSUER_ID]);
      clock += 7200_000; // both due: offline, the adopted copies are used
      expect((await upgraded.trustList()).operator).toBe('https://trust.example.gov.uk/first');
      expect(await upgraded.statusList(STATUS_URI, true)).toBe(revoked);
      const report = await verifyCredential(credential, { trustList: await upgraded.trustList(), verifier: nobleVerifier, now: new Date(clock), fetchStatusList: (uri) => upgraded.statusList(uri, false) });
      expect(report.status?.state).toBe('revoked');
      // A damaged entry is skipped, not trusted.
      await expect(upgraded.statusList('https://damaged.example/status', false)).rejects.toBeInstanceOf(TrustUnavailableError);
      expect(Object.keys((await upgraded.fetchedAt()).statusLists)).toEqual([STATUS_URI]);
    });

    it('adopts once: a fresher list kept afterwards is what the phone reads after it is reopened, never the old copy again', async () => {
      const { vault, trustList } = await upgradedVault();
      const config = { trustListUrl: URL_, trustListKeys: [operator.publicJwk] };
      const first = new TrustCache({ vault, config, verifier: nobleVerifier, now: () => clock, fetch: async () => list(operator, 'https://trust.example.gov.uk/second') });
      clock += 60_000;
      expect((await first.trustList({ force: true })).operator).toBe('https://trust.example.gov.uk/second');
      await first.dropStatusLists(new Set());
      // The receive document still holds the old copies; the phone is reopened (a new vault object over the same data).
      expect(await vault.getRecord<{ trustList: { jwt: string } }>('receive', 'state')).toMatchObject({ trustList: { jwt: trustList } });
      const reopened = new MemoryVault();
      for (const [key, value] of vault.records) reopened.records.set(key, value);
      const later = new TrustCache({ vault: reopened, config, verifier: nobleVerifier, now: () => clock, fetch: offline });
      expect((await later.cachedTrustList())?.operator).toBe('https://trust.example.gov.uk/second');
      expect((await later.fetchedAt()).statusLists).toEqual({});
    });
  });
});
