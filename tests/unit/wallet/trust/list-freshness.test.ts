/** The one rule for replacing a cached signed list (src/wallet/trust/list-freshness.ts). */
import { describe, expect, it } from 'vitest';
import { chooseCopy, type Verified } from '../../../../src/wallet/trust/list-freshness';

const good = (issuedAt: number, value = `list of ${issuedAt}`): Verified<string> => ({ ok: true, value, issuedAt });
const bad: Verified<string> = { ok: false, problem: 'The signature does not check out' };
const held = (copy: Verified<string> | undefined) => async () => copy;

describe('chooseCopy', () => {
  it('keeps a verified fetched copy that is newer than, or as new as, the cached one', async () => {
    expect(await chooseCopy(good(200), held(good(100)))).toEqual({ keep: 'fetched', value: 'list of 200' });
    expect(await chooseCopy(good(100, 'again'), held(good(100)))).toEqual({ keep: 'fetched', value: 'again' });
    expect(await chooseCopy(good(100), held(undefined))).toEqual({ keep: 'fetched', value: 'list of 100' });
  });

  it('an older fetched copy leaves the cached one, and says why', async () => {
    expect(await chooseCopy(good(100), held(good(200)))).toEqual({ keep: 'cached', value: 'list of 200', problem: expect.stringMatching(/older/) });
  });

  it('a fetched copy that did not verify is never kept', async () => {
    expect(await chooseCopy(bad, held(good(200)))).toEqual({ keep: 'cached', value: 'list of 200', problem: bad.problem });
    expect(await chooseCopy(bad, held(undefined))).toEqual({ keep: 'none', problem: bad.problem });
    expect(await chooseCopy(bad, held(bad))).toEqual({ keep: 'none', problem: bad.problem });
  });

  it('a cached copy that no longer verifies (say, cached unchecked by an older version) does not block a good one', async () => {
    expect(await chooseCopy(good(100), held({ ok: false, problem: 'garbage' }))).toEqual({ keep: 'fetched', value: 'list of 100' });
  });
});
