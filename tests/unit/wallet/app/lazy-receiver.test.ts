/**
 * The app's lazily loaded Receiver hands every call, with every argument, to the receiver it loads
 * (a stand-in here, so the test sees exactly what arrives), and loads it once, on first use.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Receiver } from '../../../../src/wallet/receive';
import type { SatchelVault } from '../../../../src/wallet/vault';
import { lazyAppReceiver } from '../../../../src/wallet/app/lazy-receiver';

const loaded = vi.hoisted(() => {
  const listeners = new Set<() => void>();
  const receiver = {
    readOffer: vi.fn(async (input: string) => ({ offerId: `offer for ${input}` })),
    accept: vi.fn(async () => ({ status: 'queued' })),
    decline: vi.fn(async () => undefined),
    pendingOffers: vi.fn(async () => []),
    resumePending: vi.fn(async () => undefined),
    listCredentials: vi.fn(async () => []),
    credential: vi.fn(async () => undefined),
    deleteCredential: vi.fn(async () => undefined),
    refreshStatus: vi.fn(async () => undefined),
    statusFreshness: vi.fn(async () => ({ trustListFetchedAt: '2026-11-30T00:00:00Z' })),
    onPendingChange: vi.fn((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  return { receiver, listeners, create: vi.fn(() => receiver) };
});
vi.mock('../../../../src/wallet/app/app-receiver', () => ({ createAppReceiver: loaded.create }));

const vault = {} as SatchelVault;

beforeEach(() => {
  vi.clearAllMocks();
  loaded.listeners.clear();
});

describe('lazyAppReceiver', () => {
  it('passes refreshStatus its { force } option (the hand-written copy dropped it)', async () => {
    await lazyAppReceiver(vault).refreshStatus({ force: true });
    expect(loaded.receiver.refreshStatus).toHaveBeenCalledWith({ force: true });
  });

  it('loads the receiver once, on the first call, for this vault, and forwards every argument and result', async () => {
    const receiver: Receiver = lazyAppReceiver(vault);
    expect(loaded.create).not.toHaveBeenCalled();
    expect(await receiver.readOffer('openid-credential-offer://x')).toEqual({ offerId: 'offer for openid-credential-offer://x' });
    await receiver.accept('o1', '493536');
    await receiver.decline('o2');
    await receiver.pendingOffers();
    await receiver.resumePending();
    await receiver.listCredentials();
    await receiver.credential('c1');
    await receiver.deleteCredential('c2');
    await receiver.refreshStatus();
    expect(await receiver.statusFreshness()).toEqual({ trustListFetchedAt: '2026-11-30T00:00:00Z' });
    expect(loaded.create).toHaveBeenCalledTimes(1);
    expect(loaded.create).toHaveBeenCalledWith(vault);
    expect(loaded.receiver.accept).toHaveBeenCalledWith('o1', '493536');
    expect(loaded.receiver.decline).toHaveBeenCalledWith('o2');
    expect(loaded.receiver.credential).toHaveBeenCalledWith('c1');
    expect(loaded.receiver.deleteCredential).toHaveBeenCalledWith('c2');
    expect(loaded.receiver.refreshStatus).toHaveBeenCalledWith();
    for (const name of ['pendingOffers', 'resumePending', 'listCredentials', 'statusFreshness'] as const) {
      expect(loaded.receiver[name]).toHaveBeenCalledTimes(1);
    }
  });

  it('subscribes a pending-offer listener once the receiver is loaded, and not if it was removed first', async () => {
    const receiver = lazyAppReceiver(vault);
    const kept = vi.fn();
    const removed = vi.fn();
    receiver.onPendingChange(kept);
    receiver.onPendingChange(removed)();
    await vi.waitFor(() => expect(loaded.listeners.has(kept)).toBe(true));
    expect(loaded.listeners.has(removed)).toBe(false);
    expect(loaded.receiver.onPendingChange).toHaveBeenCalledTimes(1);
  });

  it('removes a listener from the loaded receiver', async () => {
    const receiver = lazyAppReceiver(vault);
    await receiver.pendingOffers();
    const listener = vi.fn();
    const stop = receiver.onPendingChange(listener);
    await vi.waitFor(() => expect(loaded.listeners.has(listener)).toBe(true));
    stop();
    expect(loaded.listeners.has(listener)).toBe(false);
  });
});
