/**
 * ES256 vector suite, shared by the Node and Chromium runs: every test of Wycheproof
 * ecdsa_secp256r1_sha256_p1363_test.json (r‖s) and ecdsa_secp256r1_sha256_test.json (DER), with
 * uncompressed and compressed keys, and RFC 7515 Appendix A.3, against WASM, noble and WebCrypto.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import p1363 from '../../../vectors/wycheproof/ecdsa_secp256r1_sha256_p1363_test.json';
import der from '../../../vectors/wycheproof/ecdsa_secp256r1_sha256_test.json';
import rfc7515 from '../../../vectors/rfc/rfc7515_a3_es256.json';
import { allVerifiers, b64url, compress, hex, type AnyVerifier, type WasmSource } from './impls';
import { expectedResult } from './wycheproof-result';

interface WycheproofFile {
  testGroups: { publicKey: { uncompressed: string }; tests: { tcId: number; msg: string; sig: string; result: string; flags: string[] }[] }[];
}

/** Whether WebCrypto imports compressed raw P-256 keys here (optional in the spec). */
async function webCryptoTakesCompressed(): Promise<boolean> {
  const key = compress(hex(rfc7515.derived_by_collector.public_key_uncompressed_hex));
  try {
    await crypto.subtle.importKey('raw', key, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

async function runFile(v: AnyVerifier, file: WycheproofFile, encoding: 'p1363' | 'der', compressed: boolean): Promise<string[]> {
  const failures: string[] = [];
  let count = 0;
  for (const group of file.testGroups) {
    const full = hex(group.publicKey.uncompressed);
    const key = compressed ? compress(full) : full;
    for (const t of group.tests) {
      const want = expectedResult(t);
      const msg = hex(t.msg), sig = hex(t.sig);
      const got = encoding === 'der' ? await v.verifyP256Der(key, msg, sig) : await v.verifyP256(key, msg, sig);
      count++;
      if (got !== want) failures.push(`tcId ${t.tcId} (${t.flags.join(',')}): got ${got}, want ${want}`);
    }
  }
  if (count < 250) failures.push(`only ${count} tests ran`);
  return failures;
}

export function defineEs256VectorSuite(wasm: WasmSource): void {
  describe('ES256 vectors', () => {
    let impls: AnyVerifier[] = [];
    let compressedOk = false;
    beforeAll(async () => {
      impls = await allVerifiers(wasm);
      compressedOk = await webCryptoTakesCompressed();
    });

    // 'wasm' builds a key table from a group's second test on; 'wasm-no-key-tables' never does (wNAF path)
    for (const name of ['wasm', 'wasm-no-key-tables', 'noble', 'webcrypto'] as const) {
      const impl = () => impls.find((i) => i.name === name)!;

      it(`${name}: Wycheproof P1363, uncompressed keys`, async () => {
        expect(await runFile(impl(), p1363 as WycheproofFile, 'p1363', false)).toEqual([]);
      });
      it(`${name}: Wycheproof DER, uncompressed keys`, async () => {
        expect(await runFile(impl(), der as WycheproofFile, 'der', false)).toEqual([]);
      });
      it(`${name}: Wycheproof P1363 with 33-byte compressed keys`, async () => {
        if (name === 'webcrypto' && !compressedOk) {
          // WebCrypto may refuse compressed raw import (optional in the spec); then it must refuse all.
          expect(await impl().verifyP256(compress(hex(rfc7515.derived_by_collector.public_key_uncompressed_hex)),
            new TextEncoder().encode(rfc7515.signing_input), b64url(rfc7515.signature_b64u))).toBe(false);
          return;
        }
        expect(await runFile(impl(), p1363 as WycheproofFile, 'p1363', true)).toEqual([]);
      });
      it(`${name}: RFC 7515 A.3 and its collector's negative cases`, async () => {
        const key = hex(rfc7515.derived_by_collector.public_key_uncompressed_hex);
        const v = impl();
        expect(await v.verifyP256(key, new TextEncoder().encode(rfc7515.signing_input), b64url(rfc7515.signature_b64u))).toBe(true);
        expect(await v.verifyP256Der(key, new TextEncoder().encode(rfc7515.signing_input), hex(rfc7515.derived_by_collector.signature_der_hex))).toBe(true);
        for (const c of rfc7515.negative_cases_by_collector) {
          const [h, p, s] = c.compact_jws.split('.') as [string, string, string];
          const got = await v.verifyP256(key, new TextEncoder().encode(`${h}.${p}`), b64url(s));
          expect(got, c.description).toBe(c.expected === 'valid');
        }
      });
    }
  });
}
