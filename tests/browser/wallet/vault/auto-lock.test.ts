import { afterEach, describe, expect, it } from 'vitest';
import { startAutoLock, type AutoLockEnvironment } from '../../../../src/wallet/vault/auto-lock';
import { cleanUpVaults, expectVaultError, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

/** A controllable clock, timers and page: time moves only when the test says so. */
function fakeEnvironment() {
  let now = 0;
  let hidden = false;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const target = new EventTarget();
  const env: AutoLockEnvironment = {
    target,
    isHidden: () => hidden,
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (h) => timers.delete(h as number),
  };
  return {
    env,
    /** Advances the clock, running due timers (unless the page is frozen). */
    advance(ms: number, { frozen = false } = {}) {
      now += ms;
      if (frozen) return;
      for (const [h, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(h)) {
          timers.delete(h);
          t.fn();
        }
      }
    },
    tap: () => target.dispatchEvent(new Event('pointerdown')),
    setHidden(value: boolean) {
      hidden = value;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

const MINUTE = 60_000;

describe('auto-lock', () => {
  it('locks after the configured idle time; activity postpones it', async () => {
    const vault = testVault(uniqueDbName('autolock-idle'));
    const page = fakeEnvironment();
    const auto = startAutoLock(vault, page.env);
    await vault.setUp(PIN);
    await vault.updateSettings({ autoLockMinutes: 2 });
    await auto.refresh();
    await vault.putCredential(sampleCredential('c1'));

    page.advance(1.5 * MINUTE);
    page.tap(); // activity at 1.5 min: the deadline moves to 3.5 min
    page.advance(1.5 * MINUTE);
    expect(await vault.state()).toBe('unlocked');
    page.advance(0.6 * MINUTE);
    expect(await vault.state()).toBe('locked');
    await expectVaultError(vault.listCredentials(), 'locked');
    auto.stop();
  });

  it('locks on return when the page was hidden longer than the idle time, even if timers were frozen', async () => {
    const vault = testVault(uniqueDbName('autolock-hidden'));
    const page = fakeEnvironment();
    const auto = startAutoLock(vault, page.env);
    await vault.setUp(PIN); // default 5 minutes
    await auto.refresh();
    page.setHidden(true);
    page.advance(6 * MINUTE, { frozen: true });
    expect(await vault.state()).toBe('unlocked'); // no timer ran while frozen
    page.setHidden(false);
    expect(await vault.state()).toBe('locked');
    auto.stop();
  });

  it('a short absence does not lock, and a tap after the deadline locks rather than extending', async () => {
    const vault = testVault(uniqueDbName('autolock-short'));
    const page = fakeEnvironment();
    const auto = startAutoLock(vault, page.env);
    await vault.setUp(PIN);
    await auto.refresh();
    page.setHidden(true);
    page.advance(1 * MINUTE, { frozen: true });
    page.setHidden(false);
    expect(await vault.state()).toBe('unlocked');
    page.advance(10 * MINUTE, { frozen: true });
    page.tap();
    expect(await vault.state()).toBe('locked');
    auto.stop();
  });

  it('re-arms after the next unlock and stops cleanly', async () => {
    const vault = testVault(uniqueDbName('autolock-rearm'));
    const page = fakeEnvironment();
    const auto = startAutoLock(vault, page.env);
    await vault.setUp(PIN);
    await auto.refresh();
    page.advance(5 * MINUTE);
    expect(await vault.state()).toBe('locked');
    await vault.unlockWithPin(PIN);
    await auto.refresh();
    page.advance(4 * MINUTE);
    expect(await vault.state()).toBe('unlocked');
    page.advance(1 * MINUTE);
    expect(await vault.state()).toBe('locked');
    await vault.unlockWithPin(PIN);
    await auto.refresh();
    auto.stop();
    page.advance(60 * MINUTE);
    expect(await vault.state()).toBe('unlocked');
  });
});
