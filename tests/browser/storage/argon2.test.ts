import { describe, expect, it } from 'vitest';
import { argon2idKey, argon2ParamsValid, ARGON2_MIN_MEMORY_KIB, calibrateArgon2 } from '../../../src/storage/argon2';
import type { Argon2Request, Argon2Response } from '../../../src/storage/argon2-worker';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const salt = new Uint8Array(16).fill(7);

/**
 * Known answer from the reference implementation (phc-winner-argon2, src/test.c, Argon2id v=0x13):
 * t=2, m=2^16 KiB, p=1, password "password", salt "somesalt". Run through our worker, so the
 * parameter mapping (memory in KiB, passes, lanes, 32-byte tag) is pinned, not just hash-wasm.
 * RFC 9106 §5.3's vector needs a secret and associated data, which hash-wasm's API does not take.
 */
const REFERENCE = { t: 2, mKiB: 65536, p: 1, password: 'password', salt: 'somesalt', tag: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7' };

describe('Argon2id (hash-wasm)', () => {
  it('the worker reproduces the reference implementation\'s Argon2id vector', async () => {
    const worker = new Worker(new URL('../../../src/storage/argon2-worker.ts', import.meta.url), { type: 'module' });
    try {
      const answer = await new Promise<Argon2Response>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<Argon2Response>) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
        const request: Argon2Request = {
          kind: 'derive',
          password: new TextEncoder().encode(REFERENCE.password),
          salt: new TextEncoder().encode(REFERENCE.salt),
          memoryKiB: REFERENCE.mKiB,
          iterations: REFERENCE.t,
          parallelism: REFERENCE.p,
        };
        worker.postMessage(request);
      });
      expect(answer.ok && answer.tag ? hex(answer.tag) : answer).toBe(REFERENCE.tag);
    } finally {
      worker.terminate();
    }
  });

  it('is deterministic in (PIN, salt, parameters) and sensitive to each', async () => {
    const p = { memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 1, parallelism: 1 };
    const a = await argon2idKey('482916', salt, p);
    expect(a.byteLength).toBe(32);
    expect(hex(await argon2idKey('482916', salt, p))).toBe(hex(a));
    expect(hex(await argon2idKey('482917', salt, p))).not.toBe(hex(a));
    expect(hex(await argon2idKey('482916', new Uint8Array(16).fill(8), p))).not.toBe(hex(a));
    expect(hex(await argon2idKey('482916', salt, { ...p, iterations: 2 }))).not.toBe(hex(a));
  });

  it('gives the same tag in the worker and on this thread', async () => {
    const p = { memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 2, parallelism: 1 };
    expect(hex(await argon2idKey('pässwörd', salt, p, 'worker'))).toBe(hex(await argon2idKey('pässwörd', salt, p, 'main')));
    // A parameter object with more fields (a backup header's kdf has `salt` and `alg`) changes nothing.
    const header = { alg: 'argon2id', salt: 'not-the-salt', ...p };
    expect(hex(await argon2idKey('pässwörd', salt, header, 'worker'))).toBe(hex(await argon2idKey('pässwörd', salt, p, 'main')));
  });

  it('keeps the page responsive: timers keep firing while the worker derives', async () => {
    // Long enough (a second or more) that a busy machine's scheduling pauses, tens of milliseconds
    // for either thread, stay far below half of it; a derivation on this thread would block it all.
    const p = { memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 24, parallelism: 1 };
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const start = performance.now();
    try {
      await argon2idKey('482916', salt, p, 'worker');
    } finally {
      clearInterval(ticker);
    }
    const total = performance.now() - start;
    // The derivation takes several times longer than the longest pause the page saw.
    expect(longestGap).toBeLessThan(total / 2);
  });

  it('never runs with less than 19 MiB, more than one lane, or a short salt', async () => {
    expect(argon2ParamsValid({ memoryKiB: ARGON2_MIN_MEMORY_KIB - 1, iterations: 3, parallelism: 1 })).toBe(false);
    expect(argon2ParamsValid({ memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 0, parallelism: 1 })).toBe(false);
    expect(argon2ParamsValid({ memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 2, parallelism: 4 })).toBe(false);
    await expect(argon2idKey('x', salt, { memoryKiB: 1024, iterations: 3, parallelism: 1 })).rejects.toThrow(/params must be/);
    await expect(argon2idKey('x', new Uint8Array(8), { memoryKiB: ARGON2_MIN_MEMORY_KIB, iterations: 1, parallelism: 1 })).rejects.toThrow(/salt/);
  });

  it('calibration scales the cost (memory first, up to 64 MiB, then passes) to the target and keeps memory ≥ 19 MiB', async () => {
    const short = await calibrateArgon2(100, undefined, 'main');
    const long = await calibrateArgon2(1000); // in the worker
    expect(short.memoryKiB).toBeGreaterThanOrEqual(ARGON2_MIN_MEMORY_KIB);
    expect(short.parallelism).toBe(1);
    expect(short.iterations).toBeGreaterThanOrEqual(2);
    expect(long.memoryKiB * long.iterations).toBeGreaterThan(short.memoryKiB * short.iterations);
    expect(long.memoryKiB).toBeLessThanOrEqual(64 * 1024);
    console.log(`Argon2id calibration on this machine: ${JSON.stringify(long)}`);
  });
});
