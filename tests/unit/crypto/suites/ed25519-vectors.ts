/**
 * EdDSA (Ed25519) vector suite, shared by the Node and Chromium runs, against WASM, noble and
 * WebCrypto: every test of Wycheproof ed25519_test.json, RFC 8032 §7.1, RFC 8037 A.4/A.5, and
 * the C2SP CCTV edge cases against Satchel's policy (wasm/assembly/ed25519/verify.ts; noble
 * zip215: false): reject non-canonical A or R and small-order A; cofactored equation.
 * WebCrypto is cofactorless and differs on edge cases: it must agree with the policy on every
 * CCTV vector except ones flagged as low-order or non-canonical.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import wycheproof from '../../../vectors/wycheproof/ed25519_test.json';
import rfc8032 from '../../../vectors/rfc/rfc8032_ed25519.json';
import cctv from '../../../vectors/cctv-ed25519/ed25519vectors.json';
import { allVerifiers, hex, type AnyVerifier, type WasmSource } from './impls';
import { expectedResult } from './wycheproof-result';

const REJECTING_FLAGS = ['non_canonical_A', 'non_canonical_R', 'low_order_A'];
const policy = (flags: readonly string[]): boolean => !flags.some((f) => REJECTING_FLAGS.includes(f));
const EDGE_FLAGS = ['low_order_residue', 'low_order_A', 'low_order_R', 'non_canonical_A', 'non_canonical_R', 'low_order_component_A', 'low_order_component_R'];

interface CctvVector { number: number; key: string; sig: string; msg: string; flags: string[] | null }

export function defineEd25519VectorSuite(wasm: WasmSource): void {
  describe('EdDSA (Ed25519) vectors', () => {
    let impls: AnyVerifier[] = [];
    beforeAll(async () => { impls = await allVerifiers(wasm); });

    for (const name of ['wasm', 'noble', 'webcrypto'] as const) {
      const impl = () => impls.find((i) => i.name === name)!;

      it(`${name}: Wycheproof ed25519_test.json`, async () => {
        const failures: string[] = [];
        let count = 0;
        for (const g of wycheproof.testGroups) {
          const pk = hex(g.publicKey.pk);
          for (const t of g.tests) {
            const want = expectedResult(t);
            const got = await impl().verifyEd25519(pk, hex(t.msg), hex(t.sig));
            count++;
            if (got !== want) failures.push(`tcId ${t.tcId} (${t.comment}): got ${got}`);
          }
        }
        expect(count).toBeGreaterThan(100);
        expect(failures).toEqual([]);
      });

      it(`${name}: RFC 8032 §7.1 test vectors (and a flipped bit fails)`, async () => {
        for (const c of rfc8032.cases) {
          const pk = hex(c.public_key), msg = hex(c.message), sig = hex(c.signature);
          expect(await impl().verifyEd25519(pk, msg, sig), c.name).toBe(true);
          const bad = sig.slice();
          bad[5]! ^= 0x10;
          expect(await impl().verifyEd25519(pk, msg, bad), `${c.name} flipped`).toBe(false);
        }
      });

      it(`${name}: CCTV edge cases`, async () => {
        const disagree: string[] = [];
        for (const v of cctv as CctvVector[]) {
          const flags = v.flags ?? [];
          const got = await impl().verifyEd25519(hex(v.key), new TextEncoder().encode(v.msg), hex(v.sig));
          if (got !== policy(flags)) disagree.push(`#${v.number} [${flags.join(',')}] got ${got}`);
        }
        if (name === 'webcrypto') {
          // cofactorless: may differ, but only on flagged low-order / non-canonical vectors
          expect(disagree.filter((d) => !EDGE_FLAGS.some((f) => d.includes(f)))).toEqual([]);
        } else {
          expect(disagree).toEqual([]);
        }
      });
    }
  });
}
