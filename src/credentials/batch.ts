/**
 * Sends signature items to a SignatureVerifier as one batch and checks its answer. A verifier
 * that throws, rejects, or answers with the wrong shape yields `false` for every item, so a
 * broken verifier can never make something look valid.
 */
import type { SignatureVerifier, VerifyItem } from '../lib/signature-verifier';

export async function runBatch(verifier: SignatureVerifier, items: readonly VerifyItem[]): Promise<boolean[]> {
  if (items.length === 0) return [];
  try {
    const results = await verifier.verifyBatch(items);
    if (!Array.isArray(results) || results.length !== items.length) return items.map(() => false);
    return results.map((r) => r === true);
  } catch {
    return items.map(() => false);
  }
}

/** Collects items for one batch; identical keyed items (a shared status list token) are sent once. */
export class BatchCollector {
  readonly items: VerifyItem[] = [];
  private readonly byKey = new Map<string, number>();

  add(item: VerifyItem, key?: string): number {
    if (key !== undefined) {
      const existing = this.byKey.get(key);
      if (existing !== undefined) return existing;
      this.byKey.set(key, this.items.length);
    }
    this.items.push(item);
    return this.items.length - 1;
  }
}
