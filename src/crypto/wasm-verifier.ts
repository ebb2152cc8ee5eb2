/**
 * The WebAssembly verifier: a typed, bounds-checked wrapper over the AssemblyScript core
 * (wasm/assembly). Runtime-agnostic — no DOM; runs in workers, pages and Node.
 *
 * - ES256: ECDSA P-256 + SHA-256 (SEC1 4.1.4), 64-byte r‖s or strict DER through verifyP256Der.
 * - EdDSA: Ed25519 (RFC 8032 §5.1.7) through the core's ed25519 exports.
 * - Known keys: a P-256 key used KEY_TABLE_AFTER_USES times gets a precomputed fixed-base table
 *   in the module (LRU of KEY_CACHE_SIZE), so its verifications need no doublings.
 * - verifyBatch shares one inversion of s across the ES256 items (core batch entry).
 * - ES384 items are false here: the core has no P-384; the crypto worker routes them to WebCrypto
 *   (es384-routing.ts, docs/crypto-core.md: ES384).
 */
import type { VerifyItem } from '../lib/signature-verifier';
import { checkedVerifier, type Verifier } from './checked-verifier';
import {
  assertBytes, lengthsFit, toHex, P256_PUBLIC_KEY_COMPRESSED_BYTES, P256_PUBLIC_KEY_UNCOMPRESSED_BYTES, SHA256_BYTES,
} from './input';
import { bindEd25519, type Ed25519Core } from './wasm-ed25519';
import { KeyCache } from './key-cache';

/** The ABI this wrapper was written for; must equal the module's CORE_ABI_VERSION export. */
export const EXPECTED_CORE_ABI_VERSION = 2;
/**
 * A P-256 key used this many times (across calls, counting a batch's uses ahead) gets a table.
 * A table costs ≈ 6 ms (plus G's, ≈ 8 ms, once) and saves ≈ 160 µs per verification, so it
 * pays for itself after about 40 uses: an issuer's key in a batch or a day's checks, not a
 * key seen twice (the self-test, a holder's key-binding key).
 */
export const KEY_TABLE_AFTER_USES = 32;
/** How many known-key tables stay cached (270 KiB each: 33 windows × 128 points × 64 bytes). */
export const KEY_CACHE_SIZE = 12;
/** Batch record: 8 × u32, see wasm/assembly/p256/batch.ts. */
const BATCH_RECORD_BYTES = 32;

export interface WasmVerifier extends Verifier {
  readonly engine: 'wasm';
  /** Ed25519 is checked by the core too (a core without it is refused). */
  readonly ed25519Engine: 'wasm';
  /** Builds (or reuses) a P-256 key's table now; false if the key is invalid. */
  prepareP256Key(publicKey: Uint8Array): boolean;
  /** Number of P-256 key tables currently cached. */
  readonly preparedKeyCount: number;
  /**
   * Builds the generator table now (~10 ms once). Until then single verifications use a
   * table-free path, so the first verification of a cold worker does not wait for it.
   */
  warmUp(): boolean;
}

interface CoreExports {
  memory: WebAssembly.Memory;
  abiVersion(): number;
  inputReserve(bytes: number): number;
  p256Init(): number;
  p256Verify(key: number, keyLen: number, msg: number, msgLen: number, sig: number): number;
  p256KeyPrepare(key: number, keyLen: number): number;
  p256KeyRelease(slot: number): void;
  p256VerifyPrepared(slot: number, msg: number, msgLen: number, sig: number): number;
  p256VerifyBatch(records: number, count: number): void;
  p256MaxKeySlots(): number;
  sha256(ptr: number, len: number, out: number): void;
}

export interface VerifierOptions {
  /** Build per-key tables for keys seen KEY_TABLE_AFTER_USES times (default true). */
  keyTables?: boolean;
}

export async function instantiateVerifier(wasm: BufferSource | WebAssembly.Module, options: VerifierOptions = {}): Promise<WasmVerifier> {
  const instance = wasm instanceof WebAssembly.Module
    ? await WebAssembly.instantiate(wasm, {})
    : (await WebAssembly.instantiate(wasm, {})).instance;
  return createWasmVerifier(instance.exports as unknown as CoreExports & Record<string, unknown>, options);
}

function createWasmVerifier(raw: CoreExports & Record<string, unknown>, options: VerifierOptions): WasmVerifier {
  const abi = raw.abiVersion();
  if (abi !== EXPECTED_CORE_ABI_VERSION) {
    throw new Error(`crypto core ABI ${abi} does not match the expected ${EXPECTED_CORE_ABI_VERSION}`);
  }

  /** Copies `parts` into the input area; returns their pointers (memory may have grown). */
  function write(parts: readonly Uint8Array[]): number[] {
    let total = 0;
    for (const p of parts) total += p.byteLength;
    const base = raw.inputReserve(Math.max(total, 1));
    if (base === 0) throw new RangeError('crypto core: out of memory');
    const heap = new Uint8Array(raw.memory.buffer);
    const ptrs: number[] = [];
    let at = base;
    for (const p of parts) {
      heap.set(p, at);
      ptrs.push(at);
      at += p.byteLength;
    }
    return ptrs;
  }

  // ---- known P-256 keys: LRU of table slots in the core ----
  const cache = new KeyCache({
    prepare: (key) => {
      const [kp] = write([key]);
      return raw.p256KeyPrepare(kp!, key.length);
    },
    release: (slot) => raw.p256KeyRelease(slot),
  }, Math.min(KEY_CACHE_SIZE, raw.p256MaxKeySlots()), options.keyTables === false ? Infinity : KEY_TABLE_AFTER_USES);

  function isP256KeyLength(key: Uint8Array): boolean {
    return key.length === P256_PUBLIC_KEY_UNCOMPRESSED_BYTES || key.length === P256_PUBLIC_KEY_COMPRESSED_BYTES;
  }

  /** Lengths already checked (checked-verifier.ts). */
  function verifyP256Raw(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    const slot = cache.slotFor(publicKey, toHex(publicKey));
    if (slot >= 0) {
      const [mp, sp] = write([message, signature]);
      return raw.p256VerifyPrepared(slot, mp!, message.length, sp!) === 1;
    }
    const [kp, mp, sp] = write([publicKey, message, signature]);
    return raw.p256Verify(kp!, publicKey.length, mp!, message.length, sp!) === 1;
  }

  const ed: Ed25519Core = bindEd25519(raw, write);

  function verifyEs256Batch(items: readonly VerifyItem[], idx: readonly number[], out: boolean[]): void {
    // count the batch's remaining uses of each key, so a key repeated in it gets a table first
    const ids = idx.map((i) => toHex(items[i]!.publicKey));
    const remaining = new Map<string, number>();
    for (const id of ids) remaining.set(id, (remaining.get(id) ?? 0) + 1);
    const pinned = new Set<number>(); // slots this batch uses: not to be evicted before the call
    const slotOf = idx.map((i, k) => {
      const item = items[i]!;
      if (!lengthsFit('ES256', item.publicKey, item.signature)) return -2;
      const id = ids[k]!;
      const rest = remaining.get(id)! - 1;
      remaining.set(id, rest);
      const slot = cache.slotFor(item.publicKey, id, rest, false, pinned);
      if (slot >= 0) pinned.add(slot);
      return slot;
    });
    const live = idx.filter((_, k) => slotOf[k] !== -2);
    idx.forEach((i, k) => { if (slotOf[k] === -2) out[i] = false; });
    if (live.length === 0) return;
    const parts: Uint8Array[] = [new Uint8Array(live.length * BATCH_RECORD_BYTES)];
    for (const i of live) parts.push(items[i]!.publicKey, items[i]!.message, items[i]!.signature);
    const ptrs = write(parts);
    const recPtr = ptrs[0]!;
    const rec = new DataView(raw.memory.buffer, recPtr, live.length * BATCH_RECORD_BYTES);
    const liveSlots = idx.map((_, k) => slotOf[k]!).filter((s) => s !== -2);
    live.forEach((i, k) => {
      const item = items[i]!;
      const o = k * BATCH_RECORD_BYTES;
      rec.setUint32(o, ptrs[1 + 3 * k]!, true);
      rec.setUint32(o + 4, item.publicKey.length, true);
      rec.setUint32(o + 8, ptrs[2 + 3 * k]!, true);
      rec.setUint32(o + 12, item.message.length, true);
      rec.setUint32(o + 16, ptrs[3 + 3 * k]!, true);
      rec.setInt32(o + 20, liveSlots[k]!, true);
      rec.setUint32(o + 24, 0, true);
    });
    raw.p256VerifyBatch(recPtr, live.length);
    const done = new DataView(raw.memory.buffer, recPtr, live.length * BATCH_RECORD_BYTES);
    live.forEach((i, k) => { out[i] = done.getUint32(k * BATCH_RECORD_BYTES + 24, true) === 1; });
  }

  return {
    engine: 'wasm',
    get ed25519Engine() { return ed.engine; },
    get preparedKeyCount() { return cache.size; },

    ...checkedVerifier({
      p256: verifyP256Raw,
      ed25519: (publicKey, message, signature) => ed.verify(publicKey, message, signature),
      batch(items) {
        const out: boolean[] = new Array<boolean>(items.length).fill(false);
        const es: number[] = [];
        const eddsa: number[] = [];
        items.forEach((item, i) => {
          if (item.alg === 'ES256') es.push(i);
          else if (item.alg === 'EdDSA') eddsa.push(i);
        });
        if (es.length > 0) verifyEs256Batch(items, es, out);
        if (eddsa.length > 0) {
          const res = ed.verifyBatch(eddsa.map((i) => items[i]!));
          eddsa.forEach((i, k) => { out[i] = res[k]!; });
        }
        return out;
      },
      sha256(data) {
        const [dp, op] = write([data, new Uint8Array(SHA256_BYTES)]);
        raw.sha256(dp!, data.length, op!);
        return new Uint8Array(raw.memory.buffer, op!, SHA256_BYTES).slice();
      },
    }),

    warmUp() {
      return raw.p256Init() === 1;
    },

    prepareP256Key(publicKey) {
      assertBytes(publicKey, 'publicKey', 'prepareP256Key');
      if (!isP256KeyLength(publicKey)) return false;
      return cache.slotFor(publicKey, toHex(publicKey), 0, true) >= 0;
    },
  };
}
