/**
 * ES384 (ECDSA P-384 + SHA-384) vector suite, shared by the Node and Chromium runs. ES384 reaches
 * the engines only as batch items (it is for certificates: ISO/IEC 18013-5 Annex B IACA roots), so
 * each engine is driven through verifyBatch:
 * - 'wasm engine': what the crypto worker runs with the WASM core — ES256/EdDSA in the core, ES384
 *   items routed to WebCrypto (src/crypto/es384-routing.ts, webcrypto-p384.ts);
 * - 'noble': the fallback engine, @noble/curves p384;
 * - 'webcrypto': the yardstick verifier;
 * - 'reference server': the Node SignatureVerifier of the reference verifier (src/server/verifier).
 * Vectors: RFC 6979 §A.2.6 (SHA-384 signatures), every test of Wycheproof
 * ecdsa_secp384r1_sha384_p1363_test.json with uncompressed and compressed keys, high-S, r/s out of
 * range, wrong lengths, points off the curve, algorithm confusion, and mixed batches in order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { p384 } from '@noble/curves/nist.js';
import rfc6979 from '../../../vectors/rfc/rfc6979_a26_p384.json';
import rfc7515 from '../../../vectors/rfc/rfc7515_a3_es256.json';
import rfc8032 from '../../../vectors/rfc/rfc8032_ed25519.json';
import wycheproof from '../../../vectors/wycheproof/ecdsa_secp384r1_sha384_p1363_test.json';
import type { VerifyItem } from '../../../../src/lib/signature-verifier';
import { instantiateVerifier } from '../../../../src/crypto/wasm-verifier';
import { createNobleVerifier } from '../../../../src/crypto/noble-verifier';
import { createWebCryptoVerifier } from '../../../../src/crypto/webcrypto-verifier';
import { createWebCryptoP384 } from '../../../../src/crypto/webcrypto-p384';
import { verifyBatchRoutingEs384 } from '../../../../src/crypto/es384-routing';
import { nodeSignatureVerifier } from '../../../../src/server/verifier/noble-verifier';
import { b64url, hex, type WasmSource } from './impls';
import { expectedResult } from './wycheproof-result';

type Batch = (items: readonly VerifyItem[]) => boolean[] | Promise<boolean[]>;
const NAMES = ['wasm engine', 'noble', 'webcrypto', 'reference server'] as const;

/** The order of the P-384 group (FIPS 186-5 / SP 800-186 §3.2.1.4), as RFC 6979 A.2.6 prints it (q). */
const N = BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973');
/** The field prime, 2^384 − 2^128 − 2^96 + 2^32 − 1 (SP 800-186 §3.2.1.4). */
const P = 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n;

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const toBig = (b: Uint8Array): bigint => BigInt(`0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('') || '0'}`);
const fromBig = (v: bigint, len: number): Uint8Array => hex(v.toString(16).padStart(2 * len, '0'));
const rs = (r: bigint, s: bigint): Uint8Array => Uint8Array.from([...fromBig(r, 48), ...fromBig(s, 48)]);

/** SEC1 §2.3.3 compressed form of a 97-byte uncompressed P-384 key. */
function compress384(uncompressed: Uint8Array): Uint8Array {
  const out = new Uint8Array(49);
  out[0] = 0x02 | (uncompressed[96]! & 1);
  out.set(uncompressed.subarray(1, 49), 1);
  return out;
}

const KEY = hex(`04${rfc6979.public_key_ux_hex}${rfc6979.public_key_uy_hex}`);
const SAMPLE = rfc6979.signatures.find((s) => s.message === 'sample')!;
const TEST = rfc6979.signatures.find((s) => s.message === 'test')!;
const sigOf = (v: typeof SAMPLE): Uint8Array => hex(v.r_hex + v.s_hex);
const es384 = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): VerifyItem => ({ alg: 'ES384', publicKey, message, signature });

interface WycheproofFile {
  testGroups: { publicKey: { uncompressed: string }; tests: { tcId: number; msg: string; sig: string; result: string; flags: string[] }[] }[];
}

export function defineEs384VectorSuite(wasm: WasmSource): void {
  describe('ES384 vectors', () => {
    const impls = new Map<(typeof NAMES)[number], Batch>();
    beforeAll(async () => {
      const core = await instantiateVerifier(await wasm());
      const p384WebCrypto = createWebCryptoP384();
      impls.set('wasm engine', (items) => verifyBatchRoutingEs384(core, p384WebCrypto, items));
      impls.set('noble', createNobleVerifier().verifyBatch);
      impls.set('webcrypto', createWebCryptoVerifier().verifyBatch);
      impls.set('reference server', nodeSignatureVerifier.verifyBatch);
    });

    it('the RFC 6979 A.2.6 vectors are what noble signs deterministically (the copy is exact)', () => {
      const sk = hex(rfc6979.private_key_x_hex);
      expect(p384.getPublicKey(sk, false)).toEqual(KEY);
      for (const v of [SAMPLE, TEST]) expect(p384.sign(ascii(v.message), sk, { prehash: true, lowS: false })).toEqual(sigOf(v));
    });

    for (const name of NAMES) {
      const batch = (items: readonly VerifyItem[]) => Promise.resolve(impls.get(name)!(items));

      it(`${name}: RFC 6979 A.2.6 SHA-384 signatures, uncompressed and compressed keys; changed message or bit false`, async () => {
        const flipped = sigOf(SAMPLE);
        flipped[95]! ^= 1;
        expect(await batch([
          es384(KEY, ascii('sample'), sigOf(SAMPLE)),
          es384(KEY, ascii('test'), sigOf(TEST)),
          es384(compress384(KEY), ascii('sample'), sigOf(SAMPLE)),
          es384(compress384(KEY), ascii('test'), sigOf(TEST)),
          es384(KEY, ascii('test'), sigOf(SAMPLE)),
          es384(KEY, ascii('sample'), flipped),
        ])).toEqual([true, true, true, true, false, false]);
      });

      it(`${name}: high-S accepted (COSE/JOSE have no low-S rule); r, s outside [1, n−1] false`, async () => {
        const r = toBig(hex(SAMPLE.r_hex)), s = toBig(hex(SAMPLE.s_hex));
        const m = ascii('sample');
        expect(await batch([
          es384(KEY, m, rs(r, N - s)),
          es384(KEY, m, rs(0n, s)),
          es384(KEY, m, rs(r, 0n)),
          es384(KEY, m, rs(N, s)),
          es384(KEY, m, rs(r, N)),
          es384(KEY, m, rs(N + 1n, s)),
          es384(KEY, m, new Uint8Array(96).fill(0xff)),
        ])).toEqual([true, false, false, false, false, false, false]);
      });

      it(`${name}: wrong lengths and algorithm confusion are false, never a throw`, async () => {
        const m = ascii('sample'), sig = sigOf(SAMPLE);
        const p256Key = hex(rfc7515.derived_by_collector.public_key_uncompressed_hex);
        const p256Sig = hex(rfc7515.derived_by_collector.signature_r_s_hex);
        const p256Input = ascii(rfc7515.signing_input);
        expect(await batch([
          es384(KEY, m, sig.subarray(0, 95)),
          es384(KEY, m, Uint8Array.from([...sig, 0])),
          es384(KEY, m, new Uint8Array(0)),
          es384(KEY.subarray(0, 96), m, sig),
          es384(Uint8Array.from([...KEY, 0]), m, sig),
          es384(compress384(KEY).subarray(0, 48), m, sig),
          es384(Uint8Array.of(0), m, sig),                       // the point at infinity (SEC1 §2.3.3)
          es384(p256Key, p256Input, p256Sig),                     // an ES256 item labelled ES384
          { alg: 'ES256', publicKey: KEY, message: m, signature: sig }, // an ES384 item labelled ES256
          es384(new Uint8Array(97), m, sig),                      // prefix 00, not a point
        ])).toEqual(new Array(10).fill(false));
      });

      it(`${name}: keys off the curve or with a coordinate ≥ p are false`, async () => {
        const m = ascii('sample'), sig = sigOf(SAMPLE);
        const offCurve = KEY.slice();
        offCurve[96]! ^= 1;                                       // y changed: y² ≠ x³ − 3x + b
        // a real point (x, y) with a small x, its x written as x + p (< 2^384): not canonical, SEC1 §2.3.4
        let small = 0n;
        while (!isSquare(small)) small++;
        const xTooBig = Uint8Array.from([0x04, ...fromBig(small + P, 48), ...fromBig(sqrtRhs(small), 48)]);
        const canonical = Uint8Array.from([0x04, ...fromBig(small, 48), ...fromBig(sqrtRhs(small), 48)]);
        expect(p384.Point.fromBytes(canonical).x).toBe(small);   // the same point, written canonically, is valid
        const badPrefix = KEY.slice();
        badPrefix[0] = 0x05;
        // a compressed key whose x has no y on the curve: x³ − 3x + b is not a square mod p
        let x = 1n;
        while (isSquare(x)) x++;
        const noY = Uint8Array.from([0x02, ...fromBig(x, 48)]);
        expect(await batch([
          es384(offCurve, m, sig),
          es384(xTooBig, m, sig),
          es384(badPrefix, m, sig),
          es384(noY, m, sig),
          es384(Uint8Array.from([0x02, ...fromBig(P, 48)]), m, sig),
        ])).toEqual([false, false, false, false, false]);
      });

      it(`${name}: a batch mixing ES256, EdDSA and ES384 answers each item in order`, async () => {
        const ed = rfc8032.cases[0]!;
        const edItem: VerifyItem = { alg: 'EdDSA', publicKey: hex(ed.public_key), message: hex(ed.message), signature: hex(ed.signature) };
        const esItem: VerifyItem = { alg: 'ES256', publicKey: hex(rfc7515.derived_by_collector.public_key_uncompressed_hex), message: ascii(rfc7515.signing_input), signature: b64url(rfc7515.signature_b64u) };
        const good = es384(KEY, ascii('sample'), sigOf(SAMPLE));
        const bad = es384(KEY, ascii('sample'), sigOf(TEST));
        const badEd = { ...edItem, message: Uint8Array.of(1) };
        const items = [good, esItem, bad, edItem, good, badEd, { ...esItem, alg: 'ES384' as const }, es384(compress384(KEY), ascii('test'), sigOf(TEST)), esItem];
        expect(await batch(items)).toEqual([true, true, false, true, true, false, false, true, true]);
        expect(await batch([])).toEqual([]);
      });

      for (const compressed of [false, true]) {
        it(`${name}: Wycheproof ecdsa_secp384r1_sha384_p1363, ${compressed ? 'compressed' : 'uncompressed'} keys`, async () => {
          const items: VerifyItem[] = [];
          const want: boolean[] = [];
          const ids: string[] = [];
          for (const group of (wycheproof as WycheproofFile).testGroups) {
            const full = hex(group.publicKey.uncompressed);
            for (const t of group.tests) {
              items.push(es384(compressed ? compress384(full) : full, hex(t.msg), hex(t.sig)));
              want.push(expectedResult(t));
              ids.push(`tcId ${t.tcId} (${t.flags.join(',')})`);
            }
          }
          const got = await batch(items);
          const failures = got.flatMap((g, i) => (g === want[i] ? [] : [`${ids[i]}: got ${g}, want ${want[i]}`]));
          expect(items.length).toBeGreaterThanOrEqual(280);
          expect(failures).toEqual([]);
        });
      }
    }
  });
}

/** The curve's b (SP 800-186 §3.2.1.4). */
const B = BigInt('0xB3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF');
const rhsOf = (x: bigint): bigint => (((x * x * x - 3n * x + B) % P) + P) % P;

function powMod(base: bigint, e: bigint): bigint {
  let result = 1n;
  base %= P;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % P;
    base = (base * base) % P;
    e >>= 1n;
  }
  return result;
}

/** Euler's criterion: whether x³ − 3x + b is a square mod p (so x is the abscissa of a point). */
const isSquare = (x: bigint): boolean => rhsOf(x) === 0n || powMod(rhsOf(x), (P - 1n) / 2n) === 1n;
/** A square root of x³ − 3x + b (p ≡ 3 mod 4, so it is the (p+1)/4-th power). */
const sqrtRhs = (x: bigint): bigint => powMod(rhsOf(x), (P + 1n) / 4n);
