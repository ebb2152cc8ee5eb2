/**
 * Issue 11, item 1: a phone that has checked before keeps every trusted issuer's status lists
 * fresh whenever it is unlocked and online — on unlock, when the connection comes back, and on a
 * timer — without the check screen being open, so it is ready when the signal goes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keepCheckerReady } from '../../../../src/wallet/check/checker-background';
import { CHECK_STATUS_KIND } from '../../../../src/wallet/trust/trust-records';
import type { VaultState } from '../../../../src/wallet/vault/vault-api';

type Listener = (state: VaultState) => void;

function fakeVault(records: number) {
  const listeners = new Set<Listener>();
  const vault = {
    current: 'locked' as VaultState,
    kinds: [] as string[],
    state: async () => vault.current,
    onStateChange: (l: Listener) => (listeners.add(l), () => void listeners.delete(l)),
    listRecords: async <T,>(kind: string) => (vault.kinds.push(kind), Array.from({ length: records }, (_, i) => ({ id: String(i), value: {} as T }))),
    set(state: VaultState) {
      vault.current = state;
      for (const l of listeners) l(state);
    },
  };
  return vault;
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('keepCheckerReady (failed before the fix: no background refresh)', () => {
  it('a phone that has checked before fetches its lists on unlock and when back online, never while locked or offline', async () => {
    const vault = fakeVault(1);
    let online = true;
    let prepared = 0;
    stop = keepCheckerReady(vault, async () => void prepared++, { online: () => online });
    vault.set('unlocked');
    await expect.poll(() => prepared, { timeout: 60_000 }).toBe(1);
    expect(vault.kinds).toContain(CHECK_STATUS_KIND);

    online = false;
    vault.set('locked');
    vault.set('unlocked');
    dispatchEvent(new Event('online')); // a stray event while navigator says offline: nothing
    online = true;
    vault.set('locked');
    dispatchEvent(new Event('online')); // locked: nothing
    vault.current = 'unlocked';
    dispatchEvent(new Event('online'));
    await expect.poll(() => prepared, { timeout: 60_000 }).toBe(2);
  });

  it('a phone that has never checked fetches nothing', async () => {
    const vault = fakeVault(0);
    let prepared = 0;
    stop = keepCheckerReady(vault, async () => void prepared++, { online: () => true });
    vault.set('unlocked');
    await expect.poll(() => vault.kinds.length, { timeout: 60_000 }).toBe(1);
    expect(prepared).toBe(0);
  });
});
