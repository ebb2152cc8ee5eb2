/**
 * The worker's ES384 routing beside an engine without P-384 (src/crypto/es384-routing.ts): ES384
 * items reach the separate check only with the right lengths, everything else goes to the engine
 * in one call, answers come back in order, a check that throws or rejects is false, and a batch of
 * the wrong shape is the shared TypeError.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkedVerifier } from '../../../src/crypto/checked-verifier';
import { verifyBatchRoutingEs384 } from '../../../src/crypto/es384-routing';
import type { VerifyItem } from '../../../src/lib/signature-verifier';

const MSG = new TextEncoder().encode('tbs');
const es256 = (ok: boolean): VerifyItem => ({ alg: 'ES256', publicKey: new Uint8Array(65).fill(ok ? 1 : 2), message: MSG, signature: new Uint8Array(64) });
const es384 = (ok: boolean, keyLength = 97): VerifyItem => ({ alg: 'ES384', publicKey: new Uint8Array(keyLength).fill(ok ? 1 : 2), message: MSG, signature: new Uint8Array(96) });

function engine() {
  const batch = vi.fn((items: readonly VerifyItem[]) => items.map((it) => it.alg !== 'ES384' && it.publicKey[0] === 1));
  return { batch, verifier: checkedVerifier({ p256: () => false, ed25519: () => false, batch, sha256: () => new Uint8Array(32) }) };
}

describe('verifyBatchRoutingEs384', () => {
  it('sends ES384 items to the check and the rest to the engine in one call, answering in order', async () => {
    const { batch, verifier } = engine();
    const check = vi.fn(async (key: Uint8Array) => key[0] === 1);
    const items = [es384(true), es256(true), es384(false), es256(false), es384(true, 49), es384(true, 65)];
    expect(await verifyBatchRoutingEs384(verifier, check, items)).toEqual([true, true, false, false, true, false]);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0]![0]).toEqual([items[1], items[3]]);
    expect(check).toHaveBeenCalledTimes(3); // the 65-byte ES384 key never reaches it
  });

  it('answers false for a check that throws or rejects, without failing the batch', async () => {
    const { verifier } = engine();
    let call = 0;
    const check = () => {
      call++;
      if (call === 1) throw new Error('sync');
      if (call === 2) return Promise.reject(new Error('async'));
      return true;
    };
    expect(await verifyBatchRoutingEs384(verifier, check, [es384(true), es384(true), es256(true), es384(true)])).toEqual([false, false, true, true]);
  });

  it('rejects a batch of the wrong shape with the shared TypeError, before any check', async () => {
    const { batch, verifier } = engine();
    const check = vi.fn(() => true);
    await expect(verifyBatchRoutingEs384(verifier, check, [{ ...es384(true), message: 'x' } as unknown as VerifyItem]))
      .rejects.toThrow(new TypeError('verifyBatch: items[0].message must be a Uint8Array'));
    expect(check).not.toHaveBeenCalled();
    expect(batch).not.toHaveBeenCalled();
    expect(await verifyBatchRoutingEs384(verifier, check, [])).toEqual([]);
  });
});
