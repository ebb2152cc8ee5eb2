/**
 * The Ed25519 / SHA-512 half of the WASM crypto core, through its raw exports
 * (wasm/assembly/ed25519/exports.ts), in Node.
 *
 * Evidence: every Wycheproof ed25519_test.json case, RFC 8032 7.1, RFC 8037 A.4/A.5, all 914 C2SP
 * CCTV edge cases against the policy in wasm/assembly/ed25519/verify.ts (= @noble/curves with
 * { zip215: false }), fast-check agreement with noble on valid and mutated signatures, known-key
 * handles and batches equal to single verification, SHA-512 equal to @noble/hashes.
 */
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import wycheproof from '../../vectors/wycheproof/ed25519_test.json';
import rfc8032 from '../../vectors/rfc/rfc8032_ed25519.json';
import rfc8037 from '../../vectors/rfc/rfc8037_ed25519_jose.json';
import cctv from '../../vectors/cctv-ed25519/ed25519vectors.json';
import { coreWasmUrl } from './core-wasm';

interface CoreExports {
  memory: WebAssembly.Memory;
  inputReserve?: (bytes: number) => number;
  sha512(ptr: number, length: number, outPtr: number): void;
  ed25519Verify(pk: number, msg: number, msgLen: number, sig: number): number;
  ed25519PrecomputeKey(pk: number): number;
  ed25519VerifyWithKey(handle: number, msg: number, msgLen: number, sig: number): number;
  ed25519ReleaseKey(handle: number): void;
  ed25519ResetKeys(): void;
  ed25519MaxKeys(): number;
  ed25519VerifyBatch(items: number, count: number, random: number, results: number): number;
  ed25519BatchFallbacks(): number;
}

const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const BATCH_ITEM_BYTES = 20;
const BATCH_RANDOM_BYTES = 16;
const INPUT_AREA_BYTES = 4 << 20;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

let core: CoreExports;
let base = 0;

beforeAll(async () => {
  const bytes = readFileSync(coreWasmUrl);
  const { instance } = await WebAssembly.instantiate(bytes, {
    env: { abort: () => { throw new Error('wasm abort'); } },
  });
  core = instance.exports as unknown as CoreExports;
  // Inputs go into the module's own input area (it lies above every table the core allocates).
  if (!core.inputReserve) throw new Error('core does not export inputReserve');
  base = core.inputReserve(INPUT_AREA_BYTES);
  expect(base).toBeGreaterThan(0);
});

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
const b64u = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64url'));
const mem = (): Uint8Array => new Uint8Array(core.memory.buffer);

/** Writes byte strings one after another into the input area; returns their pointers. */
function place<T extends Uint8Array[]>(...parts: T): { [K in keyof T]: number } {
  let off = base;
  return parts.map((p) => {
    mem().set(p, off);
    const ptr = off;
    off += (p.length + 15) & ~15;
    return ptr;
  }) as { [K in keyof T]: number };
}

/** The 32-byte little-endian S of a signature as a bigint. */
function sOf(sig: Uint8Array): bigint {
  let s = 0n;
  for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(sig[32 + i]!);
  return s;
}

/** A copy of sig with S replaced by s (little-endian). */
function withS(sig: Uint8Array, s: bigint): Uint8Array {
  const out = sig.slice();
  for (let i = 0; i < 32; i++) { out[32 + i] = Number(s & 255n); s >>= 8n; }
  return out;
}

function wasmVerify(pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  if (pk.length !== PUBLIC_KEY_BYTES || sig.length !== SIGNATURE_BYTES) throw new Error('raw ABI takes fixed sizes');
  const [pkPtr, sigPtr, msgPtr] = place(pk, sig, msg);
  const r = core.ed25519Verify(pkPtr, msgPtr, msg.length, sigPtr);
  expect([0, 1]).toContain(r);
  return r === 1;
}

/** Verifies through a fresh known-key handle; false (and checks plain agrees) when refused. */
function wasmVerifyWithKey(pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  const [pkPtr] = place(pk);
  const h = core.ed25519PrecomputeKey(pkPtr);
  if (h < 0) {
    expect(h).toBe(-1);
    return false;
  }
  const [sigPtr, msgPtr] = place(sig, msg);
  const r = core.ed25519VerifyWithKey(h, msgPtr, msg.length, sigPtr);
  core.ed25519ReleaseKey(h);
  return r === 1;
}

const nobleStrict = (pk: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean =>
  ed25519.verify(sig, msg, pk, { zip215: false });

describe('SHA-512 (FIPS 180-4)', () => {
  it('matches @noble/hashes on block-boundary and random lengths', () => {
    const check = (data: Uint8Array) => {
      const [inPtr, outPtr] = place(data, new Uint8Array(64));
      core.sha512(inPtr, data.length, outPtr);
      expect(Buffer.from(mem().slice(outPtr, outPtr + 64)).toString('hex')).toBe(Buffer.from(sha512(data)).toString('hex'));
    };
    for (const n of [0, 1, 111, 112, 113, 127, 128, 129, 239, 240, 255, 256, 1024]) {
      check(Uint8Array.from({ length: n }, (_, i) => (i * 13 + n) & 255));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (d) => check(d)), { numRuns: 200 });
  });

  it('hashes "abc" to the FIPS 180-2 C.1 digest', () => {
    const [inPtr, outPtr] = place(new TextEncoder().encode('abc'), new Uint8Array(64));
    core.sha512(inPtr, 3, outPtr);
    expect(Buffer.from(mem().slice(outPtr, outPtr + 64)).toString('hex')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
  });
});

describe('Ed25519 vectors', () => {
  it('Wycheproof ed25519_test.json: every case, plain and with a key handle, agreeing with noble', () => {
    let n = 0;
    for (const group of wycheproof.testGroups) {
      const pk = hex(group.publicKey.pk);
      for (const t of group.tests) {
        if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`tcId ${t.tcId}: unknown result ${t.result}`);
        const msg = hex(t.msg);
        const sig = hex(t.sig);
        const expected = t.result === 'valid';
        n++;
        if (sig.length !== SIGNATURE_BYTES || pk.length !== PUBLIC_KEY_BYTES) {
          // The raw ABI reads exactly 64/32 bytes; the TypeScript wrapper rejects other lengths.
          expect(expected, `tcId ${t.tcId}`).toBe(false);
          continue;
        }
        expect(wasmVerify(pk, msg, sig), `tcId ${t.tcId} ${t.comment}`).toBe(expected);
        expect(wasmVerifyWithKey(pk, msg, sig), `tcId ${t.tcId} (handle)`).toBe(expected);
        expect(nobleStrict(pk, msg, sig), `tcId ${t.tcId} (noble)`).toBe(expected);
      }
    }
    expect(n).toBe(wycheproof.numberOfTests);
  });

  it('RFC 8032 7.1 TEST 1, 2, 3, 1024, SHA(abc): valid, and invalid once S or M changes', () => {
    expect(rfc8032.cases.length).toBe(5);
    for (const c of rfc8032.cases) {
      const pk = hex(c.public_key);
      const msg = hex(c.message);
      const sig = hex(c.signature);
      expect(Buffer.from(ed25519.getPublicKey(hex(c.secret_key))).toString('hex')).toBe(c.public_key);
      expect(wasmVerify(pk, msg, sig), c.name).toBe(true);
      expect(wasmVerifyWithKey(pk, msg, sig), c.name).toBe(true);
      const badSig = sig.slice();
      badSig[40]! ^= 1;
      expect(wasmVerify(pk, msg, badSig), `${c.name} S changed`).toBe(false);
      const badMsg = new Uint8Array([...msg, 0]);
      expect(wasmVerify(pk, badMsg, sig), `${c.name} M changed`).toBe(false);
    }
  });

  it('RFC 8037 A.4/A.5: the JWS signature verifies with the A.2 key', () => {
    const pk = b64u(rfc8037['A.2_public_key_jwk'].x);
    const input = new TextEncoder().encode(rfc8037['A.4_signing_input']);
    const sig = b64u(rfc8037['A.4_signature_b64u']);
    expect(rfc8037['A.5_expected']).toMatch(/^valid/);
    expect(wasmVerify(pk, input, sig)).toBe(true);
    expect(wasmVerifyWithKey(pk, input, sig)).toBe(true);
    expect(wasmVerify(pk, input.subarray(1), sig)).toBe(false);
  });
});

describe('Ed25519 edge cases (C2SP CCTV) against the documented policy', () => {
  type CctvVector = { number: number; key: string; sig: string; msg: string; flags: string[] | null };
  const vectors = cctv as CctvVector[];
  // Policy (verify.ts): reject non-canonical A or R encodings and small-order A; cofactored
  // equation, so low_order_residue and small-order R are accepted when the equation holds.
  const REJECTING_FLAGS = ['non_canonical_A', 'non_canonical_R', 'low_order_A'];
  const policy = (flags: string[]) => !flags.some((f) => REJECTING_FLAGS.includes(f));

  it('all 914 vectors: WASM (plain and handle) = policy = noble { zip215: false }', () => {
    expect(vectors.length).toBe(914);
    let accepted = 0;
    for (const v of vectors) {
      const flags = v.flags ?? [];
      const pk = hex(v.key);
      const sig = hex(v.sig);
      const msg = new TextEncoder().encode(v.msg);
      const want = policy(flags);
      expect(wasmVerify(pk, msg, sig), `#${v.number} [${flags}]`).toBe(want);
      expect(wasmVerifyWithKey(pk, msg, sig), `#${v.number} handle`).toBe(want);
      expect(nobleStrict(pk, msg, sig), `#${v.number} noble`).toBe(want);
      if (want) accepted++;
    }
    expect(accepted).toBe(212);
  });

  it("differs from noble's default (ZIP-215) only on non-canonical A/R and small-order A", () => {
    let differ = 0;
    for (const v of vectors) {
      const flags = v.flags ?? [];
      const pk = hex(v.key);
      const sig = hex(v.sig);
      const msg = new TextEncoder().encode(v.msg);
      const ours = wasmVerify(pk, msg, sig);
      const zip215 = ed25519.verify(sig, msg, pk);
      if (ours !== zip215) {
        differ++;
        // ZIP-215 is the more permissive rule: it accepts what this core rejects, never the reverse.
        expect(zip215, `#${v.number}`).toBe(true);
        expect(flags.some((f) => REJECTING_FLAGS.includes(f)), `#${v.number} [${flags}]`).toBe(true);
      } else if (policy(flags)) {
        expect(ours).toBe(true);
      }
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('small-order A is rejected here but accepted by WebCrypto (Node/OpenSSL)', async () => {
    const lowA = vectors.filter((v) => (v.flags ?? []).includes('low_order_A') && !(v.flags ?? []).includes('low_order_residue'));
    expect(lowA.length).toBeGreaterThan(0);
    let webcryptoAccepts = 0;
    for (const v of lowA) {
      const pk = hex(v.key);
      const sig = hex(v.sig);
      const msg = new TextEncoder().encode(v.msg);
      expect(wasmVerify(pk, msg, sig), `#${v.number}`).toBe(false);
      const key = await webcrypto.subtle.importKey('raw', pk, { name: 'Ed25519' }, false, ['verify']).catch(() => null);
      if (key && (await webcrypto.subtle.verify({ name: 'Ed25519' }, key, sig, msg))) webcryptoAccepts++;
    }
    // Documented difference (verify.ts header): WebCrypto has no small-order-key check.
    expect(webcryptoAccepts).toBeGreaterThan(0);
  });

  it('low_order_residue vectors are accepted (cofactored), which cofactorless WebCrypto rejects', async () => {
    const residue = vectors.filter((v) => (v.flags ?? []).includes('low_order_residue') && policy(v.flags ?? []));
    expect(residue.length).toBeGreaterThan(0);
    for (const v of residue) {
      const pk = hex(v.key);
      const sig = hex(v.sig);
      const msg = new TextEncoder().encode(v.msg);
      expect(wasmVerify(pk, msg, sig)).toBe(true);
      // Node's WebCrypto (OpenSSL) checks the cofactorless equation: documents the difference.
      const key = await webcrypto.subtle.importKey('raw', pk, { name: 'Ed25519' }, false, ['verify']);
      expect(await webcrypto.subtle.verify({ name: 'Ed25519' }, key, sig, msg), `#${v.number}`).toBe(false);
    }
  });
});

describe('Ed25519 agrees with @noble/curves on random and mutated signatures', () => {
  const mutations = ['none', 'sigBit', 'msgBit', 'keyBit', 'sPlusL', 'randomSig', 'randomKey', 'otherKey'] as const;

  function mutate(kind: (typeof mutations)[number], seed: Uint8Array, msg: Uint8Array, bit: number, noise: Uint8Array) {
    const pk = ed25519.getPublicKey(seed);
    let sig: Uint8Array = ed25519.sign(msg, seed);
    let key: Uint8Array = pk;
    let m: Uint8Array = msg;
    switch (kind) {
      case 'sigBit': sig = sig.slice(); sig[bit % 512 >> 3]! ^= 1 << (bit & 7); break;
      case 'msgBit': if (m.length > 0) { m = m.slice(); m[(bit >> 3) % m.length]! ^= 1 << (bit & 7); } else m = new Uint8Array([1]); break;
      case 'keyBit': key = pk.slice(); key[bit % 256 >> 3]! ^= 1 << (bit & 7); break;
      case 'sPlusL':
        // Same signature with S + L: the non-canonical S that RFC 8032 5.1.7 step 1 rejects.
        sig = withS(sig, sOf(sig) + L);
        break;
      case 'randomSig': sig = noise.slice(0, 64); break;
      case 'randomKey': key = noise.slice(64, 96); break;
      case 'otherKey': key = ed25519.getPublicKey(noise.slice(0, 32)); break;
      default: break;
    }
    return { key, m, sig };
  }

  it('plain and known-key verification equal noble { zip215: false } on every case', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(...mutations),
        fc.nat(4095),
        fc.uint8Array({ minLength: 96, maxLength: 96 }),
        (seed, msg, kind, bit, noise) => {
          const { key, m, sig } = mutate(kind, seed, msg, bit, noise);
          const want = nobleStrict(key, m, sig);
          if (kind === 'none') expect(want).toBe(true);
          if (kind === 'sPlusL') expect(want).toBe(false);
          expect(wasmVerify(key, m, sig)).toBe(want);
          expect(wasmVerifyWithKey(key, m, sig)).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never traps on arbitrary key and signature bytes, and rejects a negative length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (pk, sig, msg) => {
        expect(wasmVerify(pk, msg, sig)).toBe(nobleStrict(pk, msg, sig));
      }),
      { numRuns: 300 },
    );
    const seed = new Uint8Array(32).fill(9);
    const msg = new Uint8Array(10);
    const [pkPtr, sigPtr, msgPtr] = place(ed25519.getPublicKey(seed), ed25519.sign(msg, seed), msg);
    expect(core.ed25519Verify(pkPtr, msgPtr, 10, sigPtr)).toBe(1);
    expect(core.ed25519Verify(pkPtr, msgPtr, -1, sigPtr)).toBe(0);
  });
});

describe('Ed25519 known-key handles', () => {
  it('dedupes keys, refuses invalid keys with −1, runs out with −2, and releases', () => {
    core.ed25519ResetKeys();
    const max = core.ed25519MaxKeys();
    expect(max).toBeGreaterThan(0);
    const keys = Array.from({ length: max }, (_, i) => ed25519.getPublicKey(new Uint8Array(32).fill(i + 1)));
    const handles = keys.map((k) => core.ed25519PrecomputeKey(place(k)[0]));
    expect(new Set(handles).size).toBe(max);
    expect(core.ed25519PrecomputeKey(place(keys[3]!)[0])).toBe(handles[3]);
    const extra = ed25519.getPublicKey(new Uint8Array(32).fill(200));
    expect(core.ed25519PrecomputeKey(place(extra)[0])).toBe(-2);
    // Identity (small order) and a y ≥ p encoding are invalid keys.
    expect(core.ed25519PrecomputeKey(place(hex('01'.padEnd(64, '0')))[0])).toBe(-1);
    expect(core.ed25519PrecomputeKey(place(hex('ff'.repeat(31) + '7f'))[0])).toBe(-1);
    core.ed25519ReleaseKey(handles[5]!);
    const msg = new Uint8Array([1, 2, 3]);
    const [msgPtr, sigPtr] = place(msg, ed25519.sign(msg, new Uint8Array(32).fill(6)));
    expect(core.ed25519VerifyWithKey(handles[5]!, msgPtr, 3, sigPtr)).toBe(0); // released
    expect(core.ed25519VerifyWithKey(handles[4]!, msgPtr, 3, sigPtr)).toBe(0); // wrong key
    expect(core.ed25519VerifyWithKey(max, msgPtr, 3, sigPtr)).toBe(0); // out of range
    const again = core.ed25519PrecomputeKey(place(keys[5]!)[0]);
    expect(again).toBeGreaterThanOrEqual(0);
    const [msgPtr2, sigPtr2] = place(msg, ed25519.sign(msg, new Uint8Array(32).fill(6)));
    expect(core.ed25519VerifyWithKey(again, msgPtr2, 3, sigPtr2)).toBe(1);
    core.ed25519ResetKeys();
  });
});

describe('Ed25519 batch verification', () => {
  interface Item { pk: Uint8Array; msg: Uint8Array; sig: Uint8Array; useHandle: boolean; handle?: number }

  /** Lays out a batch per the exports.ts ABI and returns per-item results and the count. */
  function runBatch(items: Item[], handles: Map<string, number>) {
    const n = items.length;
    let off = base + n * BATCH_ITEM_BYTES + n * BATCH_RANDOM_BYTES + n;
    off = (off + 15) & ~15;
    const view = new DataView(core.memory.buffer);
    items.forEach((it, i) => {
      const pkPtr = off; mem().set(it.pk, off); off += 32;
      const sigPtr = off; mem().set(it.sig, off); off += 64;
      const msgPtr = off; mem().set(it.msg, off); off += (it.msg.length + 15) & ~15;
      const rec = base + i * BATCH_ITEM_BYTES;
      const h = it.handle ?? (it.useHandle ? handles.get(Buffer.from(it.pk).toString('hex')) ?? -1 : -1);
      view.setInt32(rec, h, true);
      view.setUint32(rec + 4, pkPtr, true);
      view.setUint32(rec + 8, msgPtr, true);
      view.setInt32(rec + 12, it.msg.length, true);
      view.setUint32(rec + 16, sigPtr, true);
    });
    const randomPtr = base + n * BATCH_ITEM_BYTES;
    const resultsPtr = randomPtr + n * BATCH_RANDOM_BYTES;
    mem().set(webcrypto.getRandomValues(new Uint8Array(n * BATCH_RANDOM_BYTES)), randomPtr);
    mem().fill(7, resultsPtr, resultsPtr + n);
    const count = core.ed25519VerifyBatch(base, n, randomPtr, resultsPtr);
    const results = Array.from(mem().slice(resultsPtr, resultsPtr + n), (b) => {
      expect([0, 1]).toContain(b);
      return b === 1;
    });
    return { count, results };
  }

  const seeds = Array.from({ length: 10 }, (_, i) => new Uint8Array(32).fill(40 + i));
  const pks = seeds.map((s) => ed25519.getPublicKey(s));

  /** RFC 8032 5.1.7 step 1 for R and S (noble's strict decoding): the item enters the equation. */
  function passesStep1(sig: Uint8Array): boolean {
    if (sOf(sig) >= L) return false;
    try {
      ed25519.Point.fromBytes(sig.subarray(0, 32), false);
      return true;
    } catch {
      return false;
    }
  }

  function makeItems(n: number, useHandle: (i: number) => boolean): Item[] {
    return Array.from({ length: n }, (_, i) => {
      const k = i % seeds.length;
      const msg = Uint8Array.from({ length: 20 + ((i * 37) % 300) }, (_, j) => (i + j * 3) & 255);
      return { pk: pks[k]!, msg, sig: ed25519.sign(msg, seeds[k]!), useHandle: useHandle(i) };
    });
  }

  function withHandles<T>(fn: (h: Map<string, number>) => T): T {
    core.ed25519ResetKeys();
    const handles = new Map(pks.map((pk) => [Buffer.from(pk).toString('hex'), core.ed25519PrecomputeKey(place(pk)[0])]));
    for (const h of handles.values()) expect(h).toBeGreaterThanOrEqual(0);
    try { return fn(handles); } finally { core.ed25519ResetKeys(); }
  }

  it('accepts an all-valid batch (known keys, unknown keys, mixed)', () => {
    withHandles((handles) => {
      for (const pick of [() => true, () => false, (i: number) => i % 3 !== 0]) {
        const items = makeItems(64, pick);
        const before = core.ed25519BatchFallbacks();
        const { count, results } = runBatch(items, handles);
        expect(results.every(Boolean)).toBe(true);
        expect(count).toBe(items.length);
        // The batch equation itself accepted them (no item-by-item fallback).
        expect(core.ed25519BatchFallbacks()).toBe(before);
      }
    });
  });

  it('equals single verification with one bad signature anywhere, of any kind', () => {
    const items = makeItems(48, (i) => i % 5 !== 4);
    withHandles((handles) => {
      fc.assert(
        fc.property(fc.nat(items.length - 1), fc.constantFrom('sigBit', 'msg', 'sPlusL', 'smallOrderR', 'badR'), fc.nat(511), (bad, kind, bit) => {
          const batch = items.map((it) => ({ ...it }));
          const it = batch[bad]!;
          if (kind === 'sigBit') { it.sig = it.sig.slice(); it.sig[bit >> 3]! ^= 1 << (bit & 7); }
          if (kind === 'msg') it.msg = new Uint8Array([...it.msg, 1]);
          if (kind === 'sPlusL') it.sig = withS(it.sig, sOf(it.sig) + L);
          if (kind === 'smallOrderR') { it.sig = it.sig.slice(); it.sig.set(hex('01'.padEnd(64, '0')), 0); }
          if (kind === 'badR') { it.sig = it.sig.slice(); it.sig.set(hex('ff'.repeat(31) + '7f'), 0); }
          const before = core.ed25519BatchFallbacks();
          const { count, results } = runBatch(batch, handles);
          const fellBack = core.ed25519BatchFallbacks() - before;
          const singles = batch.map((x) => wasmVerify(x.pk, x.msg, x.sig));
          // A bad item that passes the per-item checks (S < L, R decodes) must fail the batch
          // equation; one rejected by those checks leaves the equation to the others.
          expect(fellBack).toBe(!singles[bad] && passesStep1(it.sig) ? 1 : 0);
          expect(results).toEqual(singles);
          expect(singles.filter((x) => !x).length).toBeLessThanOrEqual(1);
          expect(count).toBe(singles.filter(Boolean).length);
          if (kind !== 'sigBit') expect(results[bad]).toBe(false);
        }),
        { numRuns: 40 },
      );
    });
  });

  it('equals single verification on CCTV edge cases mixed into a valid batch', () => {
    withHandles((handles) => {
      const good = makeItems(30, () => true);
      const edge = (cctv as { key: string; sig: string; msg: string }[])
        .filter((_, i) => i % 23 === 0)
        .map((v) => ({ pk: hex(v.key), sig: hex(v.sig), msg: new TextEncoder().encode(v.msg), useHandle: false }));
      const batch = [...good.slice(0, 15), ...edge, ...good.slice(15)];
      const { results } = runBatch(batch, handles);
      expect(results).toEqual(batch.map((x) => wasmVerify(x.pk, x.msg, x.sig)));
      expect(results.slice(0, 15).every(Boolean)).toBe(true);
    });
  });

  it('treats a stale, foreign or out-of-range handle as a hint only', () => {
    withHandles((handles) => {
      const items = makeItems(24, () => true);
      const foreign = handles.get(Buffer.from(pks[1]!).toString('hex'))!;
      items[0] = { ...items[0]!, handle: foreign }; // a live handle of another key
      items[1] = { ...items[1]!, handle: 999 }; // out of range
      items[2] = { ...items[2]!, handle: foreign, sig: items[3]!.sig }; // and a bad signature
      const { count, results } = runBatch(items, handles);
      expect(results).toEqual(items.map((x) => wasmVerify(x.pk, x.msg, x.sig)));
      expect(results[0]).toBe(true);
      expect(results[1]).toBe(true);
      expect(results[2]).toBe(false);
      expect(count).toBe(23);
    });
  });

  it('handles batches larger than one internal chunk and an empty batch', () => {
    withHandles((handles) => {
      // BATCH_CHUNK is 1024 items: one bad signature in each chunk.
      const items = makeItems(1030, (i) => i % 7 !== 0);
      items[517] = { ...items[517]!, sig: items[518]!.sig };
      items[1027] = { ...items[1027]!, msg: items[1026]!.msg };
      const { count, results } = runBatch(items, handles);
      expect(results.filter((x) => !x).length).toBe(2);
      expect(results[517]).toBe(false);
      expect(results[1027]).toBe(false);
      expect(count).toBe(1028);
      expect(runBatch([], handles).count).toBe(0);
    });
  });
});
