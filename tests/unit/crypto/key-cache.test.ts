import { describe, expect, it } from 'vitest';
import { KeyCache } from '../../../src/crypto/key-cache';

function fakeCore() {
  const live = new Set<number>();
  const log: string[] = [];
  let next = 0;
  return {
    live, log,
    core: {
      prepare: (key: Uint8Array) => { const s = next++; live.add(s); log.push(`prepare ${key[0]}→${s}`); return s; },
      release: (slot: number) => { live.delete(slot); log.push(`release ${slot}`); },
    },
  };
}

const key = (n: number) => Uint8Array.of(n);

describe('KeyCache', () => {
  it('builds a table on the second use, not the first', () => {
    const f = fakeCore();
    const c = new KeyCache(f.core, 4, 2);
    expect(c.slotFor(key(1), 'k1')).toBe(-1);
    expect(f.log).toEqual([]);
    expect(c.slotFor(key(1), 'k1')).toBe(0);
    expect(c.slotFor(key(1), 'k1')).toBe(0);
    expect(f.log).toEqual(['prepare 1→0']);
  });

  it('counts the rest of a batch as uses, and force builds at once', () => {
    const f = fakeCore();
    const c = new KeyCache(f.core, 4, 2);
    expect(c.slotFor(key(1), 'k1', 1)).toBe(0);
    expect(c.slotFor(key(2), 'k2', 0, true)).toBe(1);
  });

  it('evicts the least recently used key and releases its slot', () => {
    const f = fakeCore();
    const c = new KeyCache(f.core, 2, 1);
    c.slotFor(key(1), 'k1');
    c.slotFor(key(2), 'k2');
    c.slotFor(key(1), 'k1'); // k1 now most recent
    c.slotFor(key(3), 'k3'); // evicts k2
    expect(f.log).toEqual(['prepare 1→0', 'prepare 2→1', 'release 1', 'prepare 3→2']);
    expect(c.size).toBe(2);
    expect([...f.live].sort()).toEqual([0, 2]);
  });

  it('never evicts a slot pinned by the batch in progress', () => {
    const f = fakeCore();
    const c = new KeyCache(f.core, 2, 1);
    const pinned = new Set<number>();
    for (const n of [1, 2, 3]) {
      const s = c.slotFor(key(n), `k${n}`, 0, false, pinned);
      if (s >= 0) pinned.add(s);
    }
    expect([...pinned]).toEqual([0, 1]);
    expect(c.slotFor(key(3), 'k3', 0, false, pinned)).toBe(-1);
    expect(f.log).toEqual(['prepare 1→0', 'prepare 2→1']);
    expect(c.slotFor(key(3), 'k3')).toBe(2); // next call: k1 (least recent) goes
    expect(f.log.slice(2)).toEqual(['release 0', 'prepare 3→2']);
  });

  it('does not cache a key the core refuses', () => {
    const c = new KeyCache({ prepare: () => -1, release: () => { throw new Error('nothing to release'); } }, 2, 1);
    expect(c.slotFor(key(9), 'bad')).toBe(-1);
    expect(c.size).toBe(0);
  });
});
