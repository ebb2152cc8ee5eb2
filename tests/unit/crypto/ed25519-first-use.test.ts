/**
 * The Ed25519 core builds its two tables of B on first use, each when first needed
 * (wasm/assembly/ed25519/verify.ts): single verification of an unknown key uses B's two-row
 * width-10 table, known-key handles and batches the 16-row comb. Whatever a fresh module is
 * asked first, every later answer must be the same: here three fresh instances take the three
 * paths in different orders and must agree with @noble/curves ({ zip215: false }) throughout.
 */
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { coreWasmUrl } from './core-wasm';

interface CoreExports {
  memory: WebAssembly.Memory;
  inputReserve(bytes: number): number;
  ed25519Verify(pk: number, msg: number, msgLen: number, sig: number): number;
  ed25519PrecomputeKey(pk: number): number;
  ed25519VerifyWithKey(handle: number, msg: number, msgLen: number, sig: number): number;
  ed25519ReleaseKey(handle: number): void;
  ed25519VerifyBatch(items: number, count: number, random: number, results: number): number;
}

interface Item { pk: Uint8Array; msg: Uint8Array; sig: Uint8Array; valid: boolean }

/** Deterministic bytes (xorshift32), so a failure names the same inputs every run. */
function bytes(seed: number, n: number): Uint8Array {
  let x = (seed * 2654435761) >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}

/** 40 signatures under 40 keys, every fourth with one bit of S, R or M flipped. */
const items: Item[] = Array.from({ length: 40 }, (_, i) => {
  const secret = bytes(100 + i, 32);
  const pk = ed25519.getPublicKey(secret);
  const msg = bytes(500 + i, 1 + ((i * 37) % 300));
  const sig = ed25519.sign(msg, secret);
  if (i % 4 === 3) {
    const where = i % 3;
    if (where === 0) sig[40]! ^= 1; // S
    else if (where === 1) sig[5]! ^= 4; // R
    else if (msg.length > 0) msg[0]! ^= 1; // M
  }
  return { pk, msg, sig, valid: ed25519.verify(sig, msg, pk, { zip215: false }) };
});

async function freshCore(): Promise<{ core: CoreExports; put: (b: Uint8Array) => number }> {
  const { instance } = await WebAssembly.instantiate(readFileSync(coreWasmUrl), {
    env: { abort: () => { throw new Error('wasm abort'); } },
  });
  const core = instance.exports as unknown as CoreExports;
  const base = core.inputReserve(1 << 20);
  let at = base;
  // Inputs are written once, before any table exists; the input area lies above every table.
  const put = (b: Uint8Array): number => {
    new Uint8Array(core.memory.buffer).set(b, at);
    const p = at;
    at += (b.length + 7) & ~7;
    return p;
  };
  return { core, put };
}

type Step = 'single' | 'handle' | 'batch';

async function run(order: Step[]): Promise<void> {
  const { core, put } = await freshCore();
  const placed = items.map((it) => ({ pk: put(it.pk), msg: put(it.msg), len: it.msg.length, sig: put(it.sig) }));
  const itemsPtr = put(new Uint8Array(20 * items.length));
  const randomPtr = put(bytes(9, 16 * items.length));
  const resultsPtr = put(new Uint8Array(items.length));
  const expected = items.map((it) => it.valid);
  for (const step of order) {
    let got: boolean[];
    if (step === 'single') {
      got = placed.map((p) => core.ed25519Verify(p.pk, p.msg, p.len, p.sig) === 1);
    } else if (step === 'handle') {
      got = placed.map((p) => {
        const h = core.ed25519PrecomputeKey(p.pk);
        expect(h).toBeGreaterThanOrEqual(0);
        const ok = core.ed25519VerifyWithKey(h, p.msg, p.len, p.sig) === 1;
        core.ed25519ReleaseKey(h); // 16 slots; 40 keys
        return ok;
      });
    } else {
      const view = new DataView(core.memory.buffer);
      placed.forEach((p, i) => {
        const at = itemsPtr + 20 * i;
        view.setInt32(at, -1, true); // no handle: every item is an unknown key
        view.setInt32(at + 4, p.pk, true);
        view.setInt32(at + 8, p.msg, true);
        view.setInt32(at + 12, p.len, true);
        view.setInt32(at + 16, p.sig, true);
      });
      const valid = core.ed25519VerifyBatch(itemsPtr, items.length, randomPtr, resultsPtr);
      got = Array.from(new Uint8Array(core.memory.buffer, resultsPtr, items.length), (b) => b === 1);
      expect(valid).toBe(expected.filter(Boolean).length);
    }
    expect(got, `${order.join(' → ')}: ${step}`).toEqual(expected);
  }
}

describe('Ed25519 tables built on first use, in any order', () => {
  it('has valid and invalid cases to tell apart', () => {
    expect(items.filter((it) => it.valid).length).toBeGreaterThan(20);
    expect(items.filter((it) => !it.valid).length).toBeGreaterThan(5);
  });
  it('single verification first, then handles, then a batch', () => run(['single', 'handle', 'batch', 'single']));
  it('a handle first, then single verification, then a batch', () => run(['handle', 'single', 'batch']));
  it('a batch first, then single verification, then handles', () => run(['batch', 'single', 'handle', 'single']));
});
