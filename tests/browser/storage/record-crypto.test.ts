import { describe, expect, it } from 'vitest';
import { lengthPrefixed, openRecord, recordAad, RecordAuthError, RECORD_FORMAT_VERSION, sealRecord } from '../../../src/storage/record-crypto';
import type { SealedRecord } from '../../../src/storage/schema';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const value = { id: 'c1', raw: 'eyJhbGciOiJFUzI1NiJ9.e30.sig~', issuerName: 'HM Passport Office' };

async function expectAuthFailure(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(RecordAuthError);
}

describe('record encryption (AES-256-GCM with bound additional data)', () => {
  it('round-trips, with a fresh 96-bit IV for every seal of the same value', async () => {
    const key = await newKey();
    const a = await sealRecord(key, 'credentials', 'row1', value);
    const b = await sealRecord(key, 'credentials', 'row1', value);
    expect(a.iv.byteLength).toBe(12);
    expect(Array.from(a.iv)).not.toEqual(Array.from(b.iv));
    expect(Array.from(a.ct)).not.toEqual(Array.from(b.ct));
    expect(a.ct.byteLength).toBe(new TextEncoder().encode(JSON.stringify(value)).byteLength + 16); // 128-bit tag
    expect(await openRecord(key, 'credentials', a)).toEqual(value);
    expect(await openRecord(key, 'credentials', b)).toEqual(value);
  });

  it('detects every single flipped bit of the ciphertext, tag and IV', async () => {
    const key = await newKey();
    const sealed = await sealRecord(key, 'credentials', 'row1', { n: 1 });
    for (const field of ['ct', 'iv'] as const) {
      for (let i = 0; i < sealed[field].byteLength; i++) {
        const tampered: SealedRecord = { ...sealed, [field]: sealed[field].slice() };
        tampered[field][i]! ^= 1 << (i % 8);
        await expectAuthFailure(openRecord(key, 'credentials', tampered));
      }
    }
  });

  it('detects records swapped between ids or moved between stores', async () => {
    const key = await newKey();
    const one = await sealRecord(key, 'credentials', 'row1', { who: 'one' });
    const two = await sealRecord(key, 'credentials', 'row2', { who: 'two' });
    // Swap the contents under each other's primary keys.
    await expectAuthFailure(openRecord(key, 'credentials', { ...two, rowKey: 'row1' }));
    await expectAuthFailure(openRecord(key, 'credentials', { ...one, rowKey: 'row2' }));
    // The same row key in another store.
    await expectAuthFailure(openRecord(key, 'deviceKeys', one));
    await expectAuthFailure(openRecord(key, 'activity', one));
  });

  it('detects a wrong key and a changed record-format version', async () => {
    const sealed = await sealRecord(await newKey(), 'credentials', 'row1', value);
    await expectAuthFailure(openRecord(await newKey(), 'credentials', sealed));
    const key = await newKey();
    const mine = await sealRecord(key, 'credentials', 'row1', value);
    await expectAuthFailure(openRecord(key, 'credentials', { ...mine, v: RECORD_FORMAT_VERSION + 1 }));
  });

  it('the additional data is injective: shifting a boundary between store and id changes it', () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    expect(hex(recordAad('ab', 'c'))).not.toBe(hex(recordAad('a', 'bc')));
    expect(hex(recordAad('a', 'b', 1))).not.toBe(hex(recordAad('a', 'b', 2)));
    expect(Array.from(lengthPrefixed('é'))).toEqual([0, 2, 0xc3, 0xa9]);
  });
});
