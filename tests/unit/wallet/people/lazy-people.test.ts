/**
 * The app's People as the UI gets it (lazyAppPeople, wallet/app): nothing is loaded until the
 * first call, then app-people.ts once, for this vault and receiver, with every argument forwarded.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SatchelVault } from '../../../../src/wallet/vault';
import { lazyAppPeople } from '../../../../src/wallet/app/lazy-people';

const loaded = vi.hoisted(() => {
  const people = {
    list: vi.fn(async () => [{ id: 'self', name: '', marker: 'blue' }]),
    add: vi.fn(async (name: string) => ({ id: 'p-1', name, marker: 'green' })),
    rename: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
    authoritiesFor: vi.fn(async () => []),
  };
  return { people, create: vi.fn(() => people) };
});
vi.mock('../../../../src/wallet/app/app-people', () => ({ createAppPeople: loaded.create }));

const vault = {} as SatchelVault;
const receiver = { listCredentials: vi.fn(async () => []) };

beforeEach(() => vi.clearAllMocks());

describe('lazyAppPeople', () => {
  it('loads People once, on first use, and forwards every argument and result', async () => {
    const people = lazyAppPeople(vault, receiver);
    expect(loaded.create).not.toHaveBeenCalled();
    expect(await people.list({ includeRemoved: true })).toEqual([{ id: 'self', name: '', marker: 'blue' }]);
    expect(await people.add('Mum')).toEqual({ id: 'p-1', name: 'Mum', marker: 'green' });
    await people.rename('p-1', 'Mam');
    await people.authoritiesFor('p-1');
    await people.remove('p-1');
    expect(loaded.create).toHaveBeenCalledTimes(1);
    expect(loaded.create).toHaveBeenCalledWith(vault, receiver);
    expect(loaded.people.list).toHaveBeenCalledWith({ includeRemoved: true });
    expect(loaded.people.rename).toHaveBeenCalledWith('p-1', 'Mam');
    expect(loaded.people.authoritiesFor).toHaveBeenCalledWith('p-1');
    expect(loaded.people.remove).toHaveBeenCalledWith('p-1');
  });
});
