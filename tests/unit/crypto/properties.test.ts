/**
 * Property tests (fast-check): the WASM core and the noble fallback agree on random keys,
 * messages and signatures, valid and mutated; verifyBatch equals single verification, with a
 * bad signature anywhere in the batch, repeated (table-cached) keys and mixed algorithms.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { p256 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiateVerifier, KEY_CACHE_SIZE, KEY_TABLE_AFTER_USES, type WasmVerifier } from '../../../src/crypto/wasm-verifier';
import { createNobleVerifier } from '../../../src/crypto/noble-verifier';
import type { VerifyItem } from '../../../src/lib/signature-verifier';
import { coreWasmUrl } from './core-wasm';

const N = p256.Point.Fn.ORDER;
let wasm: WasmVerifier;
/** Never warmed up and no key tables: every ES256 check takes the table-free Strauss–Shamir path. */
let cold: WasmVerifier;
const noble = createNobleVerifier();

beforeAll(async () => {
  const bytes = await readFile(coreWasmUrl);
  wasm = await instantiateVerifier(bytes);
  expect(wasm.warmUp()).toBe(true);
  cold = await instantiateVerifier(bytes, { keyTables: false });
});

const seed32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const seed48 = fc.uint8Array({ minLength: 48, maxLength: 48 });
const message = fc.uint8Array({ minLength: 0, maxLength: 300 });

/** A valid ES256 (key, message, r‖s) from a seed; the key compressed or not; s maybe high. */
const es256Case = fc.record({ seed: seed48, msg: message, compressed: fc.boolean(), highS: fc.boolean() }).map(({ seed, msg, compressed, highS }) => {
  const sk = p256.utils.randomSecretKey(seed);
  let sig = p256.sign(msg, sk, { prehash: true, lowS: true });
  if (highS) {
    const s = BigInt('0x' + Buffer.from(sig.subarray(32)).toString('hex'));
    sig = Uint8Array.from([...sig.subarray(0, 32), ...Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex')]);
  }
  return { publicKey: p256.getPublicKey(sk, !compressed), message: msg, signature: sig };
});

const edCase = fc.record({ seed: seed32, msg: message }).map(({ seed, msg }) => ({
  publicKey: ed25519.getPublicKey(seed), message: msg, signature: ed25519.sign(msg, seed),
}));

type Case = { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array };

/** Mutations: flip a bit of the key, message or signature; replace r or s; truncate. */
const mutation = fc.record({ part: fc.constantFrom('publicKey', 'message', 'signature', 'r', 's', 'truncate'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }), value: fc.uint8Array({ minLength: 32, maxLength: 32 }) });

function mutate(c: Case, m: { part: string; at: number; bit: number; value: Uint8Array }): Case {
  const out = { publicKey: c.publicKey.slice(), message: c.message.slice(), signature: c.signature.slice() };
  if (m.part === 'r') out.signature.set(m.value, 0);
  else if (m.part === 's') out.signature.set(m.value, 32);
  else if (m.part === 'truncate') out.signature = out.signature.subarray(0, m.at % 64);
  else {
    const target = out[m.part as 'publicKey' | 'message' | 'signature'];
    if (target.length === 0) out.message = Uint8Array.of(m.bit);
    else target[m.at % target.length]! ^= 1 << m.bit;
  }
  return out;
}

describe('WASM and noble agree (fast-check)', () => {
  it('ES256: valid signatures verify in both, high-S and compressed keys included', () => {
    fc.assert(fc.property(es256Case, (c) => {
      expect(wasm.verifyP256(c.publicKey, c.message, c.signature)).toBe(true);
      expect(noble.verifyP256(c.publicKey, c.message, c.signature)).toBe(true);
    }), { numRuns: 150 });
  });

  it('ES256: mutated inputs get the same answer from both (and from the cold, table-free path)', () => {
    fc.assert(fc.property(es256Case, mutation, fc.boolean(), (c, m, doMutate) => {
      const x = doMutate ? mutate(c, m) : c;
      const want = noble.verifyP256(x.publicKey, x.message, x.signature);
      expect(wasm.verifyP256(x.publicKey, x.message, x.signature)).toBe(want);
      expect(cold.verifyP256(x.publicKey, x.message, x.signature)).toBe(want);
    }), { numRuns: 400 });
  });

  it('ES256: random x coordinates (about half decompress to a point) and random r‖s agree', () => {
    fc.assert(fc.property(fc.constantFrom(2, 3, 4), fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), message, (prefix, xy, s, msg) => {
      const key = Uint8Array.of(prefix, ...xy.subarray(0, prefix === 4 ? 64 : 32));
      expect(wasm.verifyP256(key, msg, s)).toBe(noble.verifyP256(key, msg, s));
    }), { numRuns: 300 });
  });

  it('EdDSA: valid and mutated inputs get the same answer from both', () => {
    fc.assert(fc.property(edCase, mutation, fc.boolean(), (c, m, doMutate) => {
      const x = doMutate && m.part !== 'r' && m.part !== 's' ? mutate(c, m) : c;
      const want = noble.verifyEd25519(x.publicKey, x.message, x.signature);
      if (x === c) expect(want).toBe(true);
      expect(wasm.verifyEd25519(x.publicKey, x.message, x.signature)).toBe(want);
    }), { numRuns: 300 });
  });
});

describe('verifyBatch equals single verification', () => {
  const batchArb = fc.record({
    es: fc.array(es256Case, { minLength: 1, maxLength: 4 }),
    ed: fc.array(edCase, { minLength: 1, maxLength: 3 }),
    picks: fc.array(fc.record({ alg: fc.boolean(), which: fc.nat() }), { minLength: 1, maxLength: 40 }),
    bad: fc.nat(),
    badMutation: mutation,
  });

  it('with one bad signature anywhere, repeated keys and mixed algorithms', () => {
    fc.assert(fc.property(batchArb, ({ es, ed, picks, bad, badMutation }) => {
      const items: VerifyItem[] = picks.map((p) => {
        const src = p.alg ? es[p.which % es.length]! : ed[p.which % ed.length]!;
        return { alg: p.alg ? 'ES256' : 'EdDSA', ...src };
      });
      const at = bad % items.length;
      items[at] = { ...items[at]!, ...mutate(items[at]!, { ...badMutation, part: 'signature' }) };
      const single = items.map((it) => it.alg === 'ES256'
        ? noble.verifyP256(it.publicKey, it.message, it.signature)
        : noble.verifyEd25519(it.publicKey, it.message, it.signature));
      expect(single.filter((ok) => !ok).length).toBe(1);
      expect(wasm.verifyBatch(items)).toEqual(single);
      expect(noble.verifyBatch(items)).toEqual(single);
    }), { numRuns: 60 });
  });

  it('a batch with more distinct known keys than cache slots (20 > 12) still checks each against its own key', () => {
    const keys = Array.from({ length: 20 }, (_, i) => p256.utils.randomSecretKey(new Uint8Array(48).fill(100 + i)));
    const perKey = KEY_TABLE_AFTER_USES + 2; // every key qualifies for a table
    const items: VerifyItem[] = Array.from({ length: 20 * perKey }, (_, i) => {
      const sk = keys[i % 20]!;
      const msg = new TextEncoder().encode(`status list ${i}`);
      const sig = p256.sign(msg, sk, { prehash: true });
      if (i === 47 || i === 20 * perKey - 3) sig[40]! ^= 1;
      return { alg: 'ES256', publicKey: p256.getPublicKey(sk, true), message: msg, signature: sig };
    });
    const want = items.map((_, i) => i !== 47 && i !== 20 * perKey - 3);
    expect(wasm.verifyBatch(items)).toEqual(want);
    expect(wasm.preparedKeyCount).toBe(KEY_CACHE_SIZE);
    expect(wasm.verifyBatch(items)).toEqual(want);
  });

  it('a batch of 200 over 3 keys (tables built) flags exactly the bad items', () => {
    const keys = [1, 2, 3].map((i) => p256.utils.randomSecretKey(new Uint8Array(48).fill(i)));
    const items: VerifyItem[] = Array.from({ length: 200 }, (_, i) => {
      const sk = keys[i % 3]!;
      const msg = new TextEncoder().encode(`credential ${i}`);
      const sig = p256.sign(msg, sk, { prehash: true });
      if (i % 37 === 5) sig[10]! ^= 4;
      return { alg: 'ES256', publicKey: p256.getPublicKey(sk, false), message: msg, signature: sig };
    });
    expect(wasm.verifyBatch(items)).toEqual(items.map((_, i) => i % 37 !== 5));
    expect(wasm.preparedKeyCount).toBeGreaterThanOrEqual(3);
  });
});

describe('boundaries', () => {
  const key = p256.getPublicKey(p256.utils.randomSecretKey(new Uint8Array(48).fill(9)), false);
  it('throws a TypeError naming the parameter on wrong types', () => {
    for (const v of [wasm, noble]) {
      expect(() => v.verifyP256('k' as unknown as Uint8Array, new Uint8Array(), new Uint8Array(64))).toThrow(/verifyP256: publicKey must be a Uint8Array/);
      expect(() => v.verifyP256(key, [1, 2] as unknown as Uint8Array, new Uint8Array(64))).toThrow(/message must be a Uint8Array/);
      expect(() => v.verifyP256Der(key, new Uint8Array(), null as unknown as Uint8Array)).toThrow(/derSignature must be a Uint8Array/);
      expect(() => v.verifyEd25519(new Uint8Array(32), new Uint8Array(), {} as Uint8Array)).toThrow(/verifyEd25519: signature must be a Uint8Array/);
      expect(() => v.verifyBatch('x' as unknown as VerifyItem[])).toThrow(/items must be an array/);
      expect(() => v.verifyBatch([{ alg: 'ES256', publicKey: key, message: 'm', signature: new Uint8Array(64) } as unknown as VerifyItem])).toThrow(/items\[0\]\.message must be a Uint8Array/);
      expect(() => v.sha256(undefined as unknown as Uint8Array)).toThrow(/sha256: data must be a Uint8Array/);
    }
  });
  it('returns false on malformed lengths, encodings and algorithms', () => {
    for (const v of [wasm, noble]) {
      expect(v.verifyP256(key.subarray(0, 64), new Uint8Array(), new Uint8Array(64))).toBe(false);
      expect(v.verifyP256(Uint8Array.of(0), new Uint8Array(), new Uint8Array(64))).toBe(false); // infinity
      expect(v.verifyP256(key, new Uint8Array(), new Uint8Array(63))).toBe(false);
      expect(v.verifyP256Der(key, new Uint8Array(), Uint8Array.of(0x30, 0))).toBe(false);
      expect(v.verifyEd25519(new Uint8Array(31), new Uint8Array(), new Uint8Array(64))).toBe(false);
      expect(v.verifyBatch([{ alg: 'RS256' as 'ES256', publicKey: key, message: new Uint8Array(), signature: new Uint8Array(64) }])).toEqual([false]);
    }
  });
  it('SHA-256 matches noble on lengths around the block boundary', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1024, 70_000]) {
      const d = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 255);
      expect(Buffer.from(wasm.sha256(d)).toString('hex')).toBe(Buffer.from(noble.sha256(d)).toString('hex'));
    }
  });
});
