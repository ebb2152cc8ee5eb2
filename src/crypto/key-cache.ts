/**
 * Which public keys deserve a precomputed table in the core: a key used `afterUses` times
 * (across calls, or counted ahead within one batch) gets one; at most `capacity` stay, least
 * recently used evicted (its slot released back to the core).
 */
export interface KeySlots {
  /** Builds a table for the key; returns its slot (≥ 0) or a negative code. */
  prepare(key: Uint8Array): number;
  release(slot: number): void;
}

export class KeyCache {
  private readonly slots = new Map<string, number>(); // insertion order = LRU order
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly core: KeySlots,
    private readonly capacity: number,
    private readonly afterUses: number,
    private readonly seenLimit = 1024,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  /** Times this key has been counted so far without a table. */
  uses(id: string): number {
    return this.seen.get(id) ?? 0;
  }

  /**
   * The key's slot, or −1 (no table yet / none possible). `extraUses` counts uses about to
   * happen (the rest of a batch); `force` builds a table now. Slots in `pinned` (those handed
   * out earlier in the same batch) are never evicted; if every slot is pinned, −1.
   */
  slotFor(key: Uint8Array, id: string, extraUses = 0, force = false, pinned?: Set<number>): number {
    const cached = this.slots.get(id);
    if (cached !== undefined) {
      this.slots.delete(id);
      this.slots.set(id, cached);
      return cached;
    }
    const uses = (this.seen.get(id) ?? 0) + 1;
    if (!force && uses + extraUses < this.afterUses) {
      if (this.seen.size >= this.seenLimit) this.seen.clear();
      this.seen.set(id, uses);
      return -1;
    }
    if (this.slots.size >= this.capacity) {
      let victim: [string, number] | undefined;
      for (const entry of this.slots) {
        if (!pinned?.has(entry[1])) { victim = entry; break; }
      }
      if (!victim) return -1;
      this.slots.delete(victim[0]);
      this.core.release(victim[1]);
    }
    this.seen.delete(id);
    const slot = this.core.prepare(key);
    if (slot >= 0) this.slots.set(id, slot);
    return slot >= 0 ? slot : -1;
  }
}
