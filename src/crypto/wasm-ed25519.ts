/**
 * Binds the Ed25519 part of the crypto core (wasm/assembly/ed25519/exports.ts, RFC 8032 §5.1.7;
 * policy in wasm/assembly/ed25519/verify.ts, identical to noble's zip215: false) to the WASM
 * verifier: single checks, known-key tables (KeyCache), and the randomised batch entry whose
 * 128-bit coefficients come fresh from crypto.getRandomValues for every call.
 * A core built without the Ed25519 exports falls back to @noble/curves, and `engine` says so.
 */
import type { VerifyItem } from '../lib/signature-verifier';
import { KeyCache } from './key-cache';
import { lengthsFit, toHex } from './input';

export interface Ed25519Core {
  readonly engine: 'wasm';
  /** Lengths already checked by the caller (32-byte key, 64-byte signature). */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  verifyBatch(items: readonly VerifyItem[]): boolean[];
}

interface Ed25519Exports {
  memory: WebAssembly.Memory;
  ed25519Verify(key: number, msg: number, msgLen: number, sig: number): number;
  ed25519PrecomputeKey(key: number): number;
  ed25519VerifyWithKey(handle: number, msg: number, msgLen: number, sig: number): number;
  ed25519ReleaseKey(handle: number): void;
  ed25519MaxKeys(): number;
  ed25519VerifyBatch(items: number, count: number, random: number, results: number): number;
}

type Write = (parts: readonly Uint8Array[]) => number[];

/** Ed25519 keys used this often get a table (≈ 1 ms to build, ≈ 115 µs saved per use). */
const ED25519_TABLE_AFTER_USES = 8;
const ED25519_KEY_CACHE_SIZE = 16;
/** Batch record: 5 × i32 (handle, keyPtr, msgPtr, msgLen, sigPtr). */
const ED25519_BATCH_ITEM_BYTES = 20;
/** Random coefficient bytes per batch item. */
const ED25519_BATCH_RANDOM_BYTES = 16;
/** Below this many items the randomised batch equation does not pay for itself. */
const ED25519_MIN_BATCH = 4;

const wellFormed = (it: { publicKey: Uint8Array; signature: Uint8Array }): boolean => lengthsFit('EdDSA', it.publicKey, it.signature);

export function bindEd25519(exports: Record<string, unknown>, write: Write): Ed25519Core {
  if (typeof exports.ed25519Verify !== 'function' || typeof exports.ed25519VerifyBatch !== 'function') {
    throw new Error('crypto core lacks the Ed25519 exports');
  }
  const raw = exports as unknown as Ed25519Exports;
  const cache = new KeyCache({
    prepare: (key) => {
      const [kp] = write([key]);
      return raw.ed25519PrecomputeKey(kp!);
    },
    release: (slot) => raw.ed25519ReleaseKey(slot),
  }, Math.min(ED25519_KEY_CACHE_SIZE, raw.ed25519MaxKeys()), ED25519_TABLE_AFTER_USES);

  function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    const slot = cache.slotFor(publicKey, toHex(publicKey));
    if (slot >= 0) {
      const [mp, sp] = write([message, signature]);
      return raw.ed25519VerifyWithKey(slot, mp!, message.length, sp!) === 1;
    }
    const [kp, mp, sp] = write([publicKey, message, signature]);
    return raw.ed25519Verify(kp!, mp!, message.length, sp!) === 1;
  }

  function verifyBatch(items: readonly VerifyItem[]): boolean[] {
    const out = new Array<boolean>(items.length).fill(false);
    const live = items.map((_, i) => i).filter((i) => wellFormed(items[i]!));
    if (live.length < ED25519_MIN_BATCH) {
      for (const i of live) out[i] = verify(items[i]!.publicKey, items[i]!.message, items[i]!.signature);
      return out;
    }
    const ids = live.map((i) => toHex(items[i]!.publicKey));
    const remaining = new Map<string, number>();
    for (const id of ids) remaining.set(id, (remaining.get(id) ?? 0) + 1);
    const pinned = new Set<number>(); // handles this batch uses: not to be released before the call
    const handles = live.map((i, k) => {
      const id = ids[k]!;
      const rest = remaining.get(id)! - 1;
      remaining.set(id, rest);
      const handle = cache.slotFor(items[i]!.publicKey, id, rest, false, pinned);
      if (handle >= 0) pinned.add(handle);
      return handle;
    });
    const n = live.length;
    const random = new Uint8Array(ED25519_BATCH_RANDOM_BYTES * n);
    for (let off = 0; off < random.length; off += 65536) crypto.getRandomValues(random.subarray(off, off + 65536));
    const parts: Uint8Array[] = [new Uint8Array(ED25519_BATCH_ITEM_BYTES * n), random, new Uint8Array(n)];
    for (const i of live) parts.push(items[i]!.publicKey, items[i]!.message, items[i]!.signature);
    const ptrs = write(parts);
    const rec = new DataView(raw.memory.buffer, ptrs[0]!, ED25519_BATCH_ITEM_BYTES * n);
    live.forEach((i, k) => {
      const o = k * ED25519_BATCH_ITEM_BYTES;
      rec.setInt32(o, handles[k]!, true);
      rec.setInt32(o + 4, ptrs[3 + 3 * k]!, true);
      rec.setInt32(o + 8, ptrs[4 + 3 * k]!, true);
      rec.setInt32(o + 12, items[i]!.message.length, true);
      rec.setInt32(o + 16, ptrs[5 + 3 * k]!, true);
    });
    raw.ed25519VerifyBatch(ptrs[0]!, n, ptrs[1]!, ptrs[2]!);
    const results = new Uint8Array(raw.memory.buffer, ptrs[2]!, n);
    live.forEach((i, k) => { out[i] = results[k] === 1; });
    return out;
  }

  return { engine: 'wasm', verify, verifyBatch };
}
