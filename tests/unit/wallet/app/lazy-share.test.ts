/**
 * The app's lazily loaded Sharer, Checker and ActivityLog hand every call, with every argument, to
 * the services they load (stand-ins here), load them once, and keep the checker ready in the
 * background through the same lazy checker.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SatchelVault } from '../../../../src/wallet/vault';
import { lazyAppShareServices } from '../../../../src/wallet/app/lazy-share';

const loaded = vi.hoisted(() => {
  const services = {
    sharer: {
      readRequest: vi.fn(async () => ({ requestId: 'r1' })),
      claimsForPurpose: vi.fn(async () => []),
      shareableClaims: vi.fn(async () => []),
      respond: vi.fn(async () => ({ frames: ['SVR1.x'] })),
      respondOnline: vi.fn(async () => ({})),
      decline: vi.fn(async () => ({ verifierTold: true })),
      quickShow: vi.fn(async () => ({ frames: [] })),
    },
    checker: {
      createRequest: vi.fn(async () => ({ requestId: 'q1' })),
      acceptQuickShow: vi.fn(async () => undefined),
      addFrame: vi.fn(async () => ({ received: 1, total: 2 })),
      verify: vi.fn(async () => ({ verdict: 'valid' })),
      offlineReadiness: vi.fn(async () => ({ ready: true })),
      keepRecord: vi.fn(async () => undefined),
      discard: vi.fn(),
      discardAll: vi.fn(),
    },
    activity: {
      list: vi.fn(async () => []),
      remove: vi.fn(async () => undefined),
      export: vi.fn(async () => 'blob'),
    },
  };
  return { services, create: vi.fn(() => services), keepReady: vi.fn() };
});
vi.mock('../../../../src/wallet/app/app-share', () => ({ createAppShareServices: loaded.create }));
vi.mock('../../../../src/wallet/check', () => ({ keepCheckerReady: loaded.keepReady }));

const vault = {} as SatchelVault;
const receiver = { credential: vi.fn(async () => undefined) };

beforeEach(() => vi.clearAllMocks());

describe('lazyAppShareServices', () => {
  it('loads the services once, on first use, for this vault and receiver, and forwards every argument and result', async () => {
    const { sharer, checker, activity } = lazyAppShareServices(vault, receiver);
    expect(loaded.create).not.toHaveBeenCalled();
    expect(await sharer.readRequest('SVQ1.abc')).toEqual({ requestId: 'r1' });
    await sharer.claimsForPurpose('c1', 'right-to-work');
    await sharer.shareableClaims('c2');
    expect(await sharer.respond('r1', 'c1', [['given_name']])).toEqual({ frames: ['SVR1.x'] });
    await sharer.respondOnline('r2', { q1: { credentialId: 'c1', claims: [['age_over_18']] } } as never);
    await sharer.decline('r3');
    await sharer.quickShow('c3', [['family_name']]);
    await checker.createRequest({ purpose: 'right-to-work', verifierName: 'Acme' });
    await checker.acceptQuickShow();
    await checker.addFrame('q1', 'SVR1.frame');
    await checker.verify('q1');
    await checker.offlineReadiness({ refresh: true });
    await checker.keepRecord('q1');
    await activity.list({ kind: 'shared', text: 'Acme' });
    await activity.remove('a1');
    await activity.export();
    expect(loaded.create).toHaveBeenCalledTimes(1);
    expect(loaded.create).toHaveBeenCalledWith(vault, receiver);
    const { sharer: s, checker: c, activity: a } = loaded.services;
    expect(s.readRequest).toHaveBeenCalledWith('SVQ1.abc');
    expect(s.claimsForPurpose).toHaveBeenCalledWith('c1', 'right-to-work');
    expect(s.shareableClaims).toHaveBeenCalledWith('c2');
    expect(s.respond).toHaveBeenCalledWith('r1', 'c1', [['given_name']]);
    expect(s.respondOnline).toHaveBeenCalledWith('r2', { q1: { credentialId: 'c1', claims: [['age_over_18']] } });
    expect(s.decline).toHaveBeenCalledWith('r3');
    expect(s.quickShow).toHaveBeenCalledWith('c3', [['family_name']]);
    expect(c.createRequest).toHaveBeenCalledWith({ purpose: 'right-to-work', verifierName: 'Acme' });
    expect(c.acceptQuickShow).toHaveBeenCalledWith();
    expect(c.addFrame).toHaveBeenCalledWith('q1', 'SVR1.frame');
    expect(c.verify).toHaveBeenCalledWith('q1');
    expect(c.offlineReadiness).toHaveBeenCalledWith({ refresh: true });
    expect(c.keepRecord).toHaveBeenCalledWith('q1');
    expect(a.list).toHaveBeenCalledWith({ kind: 'shared', text: 'Acme' });
    expect(a.remove).toHaveBeenCalledWith('a1');
    expect(a.export).toHaveBeenCalledWith();
  });

  it('forgets checks synchronously once the checker is loaded, and loads nothing to forget before', async () => {
    const { checker } = lazyAppShareServices(vault, receiver);
    checker.discard('q0');
    checker.discardAll();
    expect(loaded.create).not.toHaveBeenCalled();
    await checker.acceptQuickShow();
    checker.discard('q1');
    checker.discardAll();
    expect(loaded.services.checker.discard).toHaveBeenCalledTimes(1);
    expect(loaded.services.checker.discard).toHaveBeenCalledWith('q1');
    expect(loaded.services.checker.discardAll).toHaveBeenCalledTimes(1);
  });

  it('keeps the checker ready in the background for this vault, refreshing through the lazy checker', async () => {
    lazyAppShareServices(vault, receiver);
    expect(loaded.keepReady).toHaveBeenCalledTimes(1);
    const [forVault, prepare] = loaded.keepReady.mock.calls[0] as [SatchelVault, () => Promise<unknown>];
    expect(forVault).toBe(vault);
    expect(await prepare()).toEqual({ ready: true });
    expect(loaded.services.checker.offlineReadiness).toHaveBeenCalledWith({ refresh: true });
  });
});
