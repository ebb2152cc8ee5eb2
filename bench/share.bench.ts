/**
 * Sharing and checking benchmark, in real Chromium (vitest browser project):
 *
 *   npx vitest bench --project browser --run bench/share.bench.ts
 *
 * Rows: one check — from the last scanned frame of an encrypted in-person response to the result
 * (decrypt, vp_token, nonce, signatures in the crypto worker, trust list, validity, status, key
 * binding); and checks per second over 1000 responses from 10 issuers, with the worker on the WASM
 * core and on the @noble/curves fallback. Figures only; no timing assertions.
 */
import { bench, describe } from 'vitest';
import { createPresentation, trustListFromIssuers, type TrustList } from '../src/credentials/index';
import { cryptoWorker, stopCryptoWorker, workerSignatureVerifier } from '../src/crypto/client';
import { encryptJwe } from '../src/lib/jwe';
import { splitIntoFrames } from '../src/protocols/in-person/frames';
import { decodeRequestQr } from '../src/protocols/in-person/request-qr';
import { createChecker } from '../src/wallet/check/check';
import { staticTrust } from '../src/wallet/trust/check-trust';
import { CREDENTIAL_TYPES } from '../src/wallet/shared/purposes';
import type { Checker } from '../src/wallet/check';
import { es256Key, holderKeyPair, issueSdJwtVc, statusListToken, type TestKey } from '../tests/shared/credentials/helpers';

const ISSUERS = 10;
const RESPONSES = 1000;
const HOLDERS = 50; // holder keys reused across credentials (key generation is not what is measured)
const NOW = new Date('2026-06-01T12:00:00Z');
const STATUS = (i: number) => `https://issuer-${i}.example.gov.uk/status/1`;

interface Fixture {
  trustList: TrustList;
  statusLists: Record<string, string>;
  credentials: { raw: string; key: CryptoKey }[];
}

async function fixture(): Promise<Fixture> {
  const issuers: TestKey[] = Array.from({ length: ISSUERS }, (_, i) => es256Key(`issuer-${i}`));
  const trustList = trustListFromIssuers(issuers.map((k, i) => ({ id: `https://issuer-${i}.example.gov.uk`, name: `Issuer ${i}`, keys: [k.jwk], types: [CREDENTIAL_TYPES.drivingLicence] })));
  const statusLists = Object.fromEntries(issuers.map((k, i) => [STATUS(i), statusListToken({ key: k, uri: STATUS(i), statuses: new Array(RESPONSES).fill(0), iat: Math.floor(NOW.getTime() / 1000) - 60 })]));
  const holders = await Promise.all(Array.from({ length: HOLDERS }, () => holderKeyPair()));
  const credentials = Array.from({ length: RESPONSES }, (_, n) => {
    const i = n % ISSUERS;
    const holder = holders[n % HOLDERS]!;
    const { raw } = issueSdJwtVc({
      key: issuers[i]!,
      plain: { iss: `https://issuer-${i}.example.gov.uk`, vct: CREDENTIAL_TYPES.drivingLicence },
      sd: { given_name: `Person ${n}`, family_name: 'Example', birth_date: '1990-01-01', age_over_18: true, document_number: `DOC${n}` },
      holderJwk: holder.jwk,
      decoys: 3,
      status: { idx: n, uri: STATUS(i) },
    });
    return { raw, key: holder.privateKey };
  });
  return { trustList, statusLists, credentials };
}

/** A request from `checker` and the holder's encrypted answer to it, as frames. */
async function exchange(checker: Checker, credential: { raw: string; key: CryptoKey }): Promise<{ requestId: string; frames: string[] }> {
  const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'Door' });
  const decoded = await decodeRequestQr(request.qr.frames[0]!, NOW);
  const presentation = await createPresentation(credential.raw, { disclose: [['age_over_18']], audience: decoded.clientId, nonce: decoded.nonce, holderKey: credential.key, now: NOW });
  const jwe = await encryptJwe(new TextEncoder().encode(JSON.stringify({ vp_token: { over_18: [presentation] } })), decoded.encryptionKey!, { compress: true, kid: decoded.encryptionKey!.kid! });
  return { requestId: request.requestId, frames: splitIntoFrames('response', jwe) };
}

const fx = await fixture();

async function run(engine: 'wasm' | 'noble'): Promise<{ oneCheckMs: number[]; perSecond: number; frames: number }> {
  stopCryptoWorker();
  cryptoWorker(engine === 'noble' ? { engine: 'noble' } : {});
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(fx.trustList, fx.statusLists), now: () => NOW.getTime() });
  const prepared = [];
  for (const c of fx.credentials) prepared.push(await exchange(checker, c));
  // Warm-up: the first check pays for the worker's start.
  const warm = await exchange(checker, fx.credentials[0]!);
  for (const f of warm.frames) await checker.addFrame(warm.requestId, f);
  await checker.verify(warm.requestId);
  const oneCheckMs: number[] = [];
  const t0 = performance.now();
  for (const p of prepared) {
    for (const f of p.frames) await checker.addFrame(p.requestId, f);
    const result = await checker.verify(p.requestId);
    if (!result.ok) throw new Error(`bench check failed: ${JSON.stringify(result.reasons.filter((r) => !r.ok))}`);
    oneCheckMs.push(result.elapsedMs);
    checker.discard(p.requestId);
  }
  const totalMs = performance.now() - t0;
  return { oneCheckMs, perSecond: (RESPONSES * 1000) / totalMs, frames: prepared[0]!.frames.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
for (const engine of ['wasm', 'noble'] as const) {
  const r = await run(engine);
  console.log(
    `share bench (${engine}): one check, last frame → result: median ${median(r.oneCheckMs).toFixed(2)} ms, p95 ${p95(r.oneCheckMs).toFixed(2)} ms; ` +
      `${RESPONSES} responses from ${ISSUERS} issuers (${r.frames} frames each): ${r.perSecond.toFixed(0)} checks/s`,
  );
}
stopCryptoWorker();

describe('share', () => {
  // A pool of ready responses for vitest's own timing of single checks (default engine).
  const pool: { requestId: string; frames: string[] }[] = [];
  const checker = createChecker({ verifier: workerSignatureVerifier(), trust: staticTrust(fx.trustList, fx.statusLists), now: () => NOW.getTime() });
  let next = 0;
  bench(
    'one in-person check (frames → result)',
    async () => {
      const p = pool[next++ % pool.length]!;
      for (const f of p.frames) await checker.addFrame(p.requestId, f);
      await checker.verify(p.requestId).catch(() => undefined); // a pool response reused is 'replayed': still a full decrypt
    },
    {
      iterations: 200,
      time: 0,
      setup: async () => {
        if (pool.length === 0) for (let i = 0; i < 200; i++) pool.push(await exchange(checker, fx.credentials[i]!));
      },
    },
  );
});
