/**
 * The one boundary check in front of every engine (src/crypto/checked-verifier.ts): misuse throws
 * (or, asynchronous, rejects) naming the parameter; bad lengths and bad DER are false without
 * reaching the engine; the engine gets r‖s for a DER signature. The three real verifiers answer
 * misuse with the same words.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { checkedAsyncVerifier, checkedVerifier } from '../../../src/crypto/checked-verifier';
import { createNobleVerifier } from '../../../src/crypto/noble-verifier';
import { instantiateVerifier } from '../../../src/crypto/wasm-verifier';
import { createWebCryptoVerifier } from '../../../src/crypto/webcrypto-verifier';
import type { VerifyItem } from '../../../src/lib/signature-verifier';

const KEY = new Uint8Array(65).fill(4);
const MSG = new TextEncoder().encode('header.payload');
const SIG = new Uint8Array(64).fill(1);
/** DER SEQUENCE { INTEGER 1, INTEGER 2 } → r‖s = 0…01 ‖ 0…02. */
const DER = Uint8Array.of(0x30, 6, 0x02, 1, 1, 0x02, 1, 2);

function spyCore() {
  return {
    p256: vi.fn(() => true),
    ed25519: vi.fn(() => true),
    batch: vi.fn((items: readonly VerifyItem[]) => items.map(() => true)),
    sha256: vi.fn(() => new Uint8Array(32)),
  };
}

describe('checkedVerifier', () => {
  it('hands well-formed input to the engine, DER converted to r‖s', () => {
    const core = spyCore();
    const v = checkedVerifier(core);
    expect(v.verifyP256(KEY, MSG, SIG)).toBe(true);
    expect(v.verifyP256(KEY.subarray(0, 33), MSG, SIG)).toBe(true);
    expect(v.verifyEd25519(new Uint8Array(32), MSG, SIG)).toBe(true);
    expect(v.verifyP256Der(KEY, MSG, DER)).toBe(true);
    const rs = new Uint8Array(64);
    rs[31] = 1;
    rs[63] = 2;
    expect(core.p256).toHaveBeenLastCalledWith(KEY, MSG, rs);
    expect(v.verifyBatch([{ alg: 'ES256', publicKey: KEY, message: MSG, signature: SIG }])).toEqual([true]);
    expect(v.sha256(MSG)).toHaveLength(32);
    expect(core.sha256).toHaveBeenCalledWith(MSG);
  });

  it('answers false for wrong lengths and malformed DER without reaching the engine', () => {
    const core = spyCore();
    const v = checkedVerifier(core);
    expect(v.verifyP256(KEY.subarray(0, 64), MSG, SIG)).toBe(false);
    expect(v.verifyP256(Uint8Array.of(0), MSG, SIG)).toBe(false);
    expect(v.verifyP256(KEY, MSG, SIG.subarray(0, 63))).toBe(false);
    expect(v.verifyP256Der(KEY, MSG, Uint8Array.of(0x30, 0))).toBe(false);
    expect(v.verifyP256Der(KEY.subarray(0, 64), MSG, DER)).toBe(false);
    expect(v.verifyEd25519(new Uint8Array(31), MSG, SIG)).toBe(false);
    expect(v.verifyEd25519(new Uint8Array(32), MSG, new Uint8Array(65))).toBe(false);
    expect(core.p256).not.toHaveBeenCalled();
    expect(core.ed25519).not.toHaveBeenCalled();
  });

  it('throws a TypeError naming the function and parameter on misuse, before the engine', () => {
    const core = spyCore();
    const v = checkedVerifier(core);
    expect(() => v.verifyP256('k' as unknown as Uint8Array, MSG, SIG)).toThrow(new TypeError('verifyP256: publicKey must be a Uint8Array'));
    expect(() => v.verifyP256Der(KEY, MSG, [1] as unknown as Uint8Array)).toThrow(new TypeError('verifyP256Der: derSignature must be a Uint8Array'));
    expect(() => v.verifyEd25519(KEY, null as unknown as Uint8Array, SIG)).toThrow(new TypeError('verifyEd25519: message must be a Uint8Array'));
    expect(() => v.verifyBatch([{ alg: 1 } as unknown as VerifyItem])).toThrow(new TypeError('verifyBatch: items[0].alg must be a string'));
    expect(() => v.sha256('abc' as unknown as Uint8Array)).toThrow(new TypeError('sha256: data must be a Uint8Array'));
    expect(core.p256).not.toHaveBeenCalled();
    expect(core.ed25519).not.toHaveBeenCalled();
    expect(core.batch).not.toHaveBeenCalled();
    expect(core.sha256).not.toHaveBeenCalled();
  });
});

describe('checkedAsyncVerifier', () => {
  it('rejects on misuse instead of throwing, and resolves false for bad lengths', async () => {
    const core = { p256: vi.fn(async () => true), ed25519: vi.fn(async () => true), batch: vi.fn(async () => []), sha256: vi.fn(async () => new Uint8Array(32)) };
    const v = checkedAsyncVerifier(core);
    let pending: Promise<boolean> | undefined;
    expect(() => { pending = v.verifyP256(KEY, 'm' as unknown as Uint8Array, SIG); }).not.toThrow();
    await expect(pending).rejects.toThrow(new TypeError('verifyP256: message must be a Uint8Array'));
    await expect(v.verifyBatch('x' as unknown as VerifyItem[])).rejects.toThrow(new TypeError('verifyBatch: items must be an array'));
    await expect(v.verifyP256(KEY, MSG, SIG.subarray(1))).resolves.toBe(false);
    await expect(v.verifyP256Der(KEY, MSG, DER)).resolves.toBe(true);
    expect(core.p256).toHaveBeenCalledTimes(1);
  });
});

describe('the three verifiers share the boundary', () => {
  it('WASM, noble and WebCrypto name the parameter alike', async () => {
    const wasm = await instantiateVerifier(await readFile(new URL('../../../wasm/build/satchel-core.wasm', import.meta.url)));
    for (const v of [wasm, createNobleVerifier(), createWebCryptoVerifier()]) {
      const call = async <T>(f: () => T): Promise<T> => f();
      await expect(call(() => v.verifyP256(KEY, MSG, 7 as unknown as Uint8Array))).rejects.toThrow(new TypeError('verifyP256: signature must be a Uint8Array'));
      await expect(call(() => v.verifyBatch([{ alg: 'EdDSA', publicKey: KEY, message: MSG, signature: 'sig' } as unknown as VerifyItem]))).rejects.toThrow(new TypeError('verifyBatch: items[0].signature must be a Uint8Array'));
      await expect(call(() => v.verifyP256Der(KEY, MSG, Uint8Array.of(0x30, 0)))).resolves.toBe(false);
      await expect(call(() => v.verifyBatch([{ alg: 'RS256' as 'ES256', publicKey: KEY, message: MSG, signature: SIG }, { alg: 'EdDSA', publicKey: KEY, message: MSG, signature: SIG }]))).resolves.toEqual([false, false]);
    }
  });
});
