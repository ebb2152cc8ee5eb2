/**
 * mdoc benchmark, in real Chromium (vitest browser project; part of `npm run bench`):
 *
 *   npx vitest bench --project browser --run bench/mdoc.bench.ts
 *
 * Verify RESPONSES (1000) mdoc DeviceResponses from ISSUERS (10) issuers — each an IACA root and
 * Document Signer (ES256), each response with its holder's device signature over the OpenID4VP 1.0
 * B.2.6.1 SessionTranscript — built by the independent @owf/mdoc (bench/mdoc-inputs.ts):
 * - Satchel's verifyPresentations (formats registry → mso_mdoc → one batch of every signature in the
 *   crypto worker), the worker on the WASM core and on the @noble/curves fallback;
 * - @owf/mdoc's Verifier.verifyDeviceResponse with WebCrypto callbacks (bench/mdoc-owf-verifier.ts).
 * Each side checks the same things per response: the DS certificate under a trusted IACA, the
 * MSO's signature, the disclosed elements' digests, the validity window and the device signature.
 * Prints each side's time (best of ROUNDS after a warm-up) and the ratios; no timing assertions.
 */
import { bench, describe } from 'vitest';
import { trustListFromIssuers, verifyPresentations, type TrustList } from '../src/credentials/index';
import { cryptoWorker, stopCryptoWorker, workerSignatureVerifier } from '../src/crypto/client';
import { buildMdocInputs, ISSUERS, MDL, NOW, REQUEST, RESPONSES } from './mdoc-inputs';
import { owfWebCryptoVerifier } from './mdoc-owf-verifier';

const ROUNDS = 3;

const t0 = performance.now();
const inputs = await buildMdocInputs();
console.log(`mdoc bench: built ${RESPONSES} DeviceResponses from ${ISSUERS} issuers with @owf/mdoc in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const trustList: TrustList = trustListFromIssuers(inputs.issuers.map((it, i) => ({
  id: it.id, name: `Issuer ${i}`, keys: [], types: [MDL], iaca: [{ certificate: it.iacaDer, doctypes: [MDL] }],
})));
const owf = owfWebCryptoVerifier(inputs.issuers.map((it) => it.iacaDer));

async function satchelVerifyAll(): Promise<void> {
  const reports = await verifyPresentations(inputs.presentations, {
    trustList, verifier: workerSignatureVerifier(), now: NOW, audience: REQUEST.clientId, nonce: REQUEST.nonce,
    handover: { kind: 'openid4vp', responseUri: REQUEST.responseUri, encryptionKeyThumbprint: REQUEST.jwkThumbprint },
  });
  const failed = reports.find((r) => !r.valid);
  if (failed) throw new Error(`Satchel refused a response: ${JSON.stringify(failed.checks.filter((c) => !c.ok))}`);
  if (reports.length !== RESPONSES) throw new Error(`Satchel answered ${reports.length} of ${RESPONSES}`);
}

async function owfVerifyAll(): Promise<void> {
  const passed = await owf.verifyAll(inputs.presentations);
  if (passed !== RESPONSES) throw new Error(`@owf/mdoc verified only ${passed} of ${RESPONSES}`);
}

async function startEngine(engine: 'wasm' | 'noble'): Promise<void> {
  stopCryptoWorker();
  const status = await cryptoWorker(engine === 'noble' ? { engine: 'noble' } : {}).status();
  if (status.engine !== engine) throw new Error(`the ${engine} engine did not start`);
}

/** Best of ROUNDS, after one warm-up run (worker started, key tables and imported keys in place). */
async function best(run: () => Promise<void>): Promise<number> {
  await run();
  let fastest = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

await startEngine('wasm');
const wasmMs = await best(satchelVerifyAll);
await startEngine('noble');
const nobleMs = await best(satchelVerifyAll);
stopCryptoWorker();
const owfMs = await best(owfVerifyAll);

const row = (name: string, ms: number) =>
  `  ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / RESPONSES).toFixed(0).padStart(6)} µs/response  ${Math.round((RESPONSES * 1000) / ms).toString().padStart(6)} responses/s`;
console.log([
  `mdoc bench: verify ${RESPONSES} DeviceResponses (${ISSUERS} issuers, issuer ES256 + device signature), best of ${ROUNDS}`,
  row('Satchel, crypto worker on the WASM core', wasmMs),
  row('Satchel, crypto worker on @noble/curves', nobleMs),
  row('@owf/mdoc 0.6.0 on WebCrypto', owfMs),
  `  ratios: WASM vs noble ${(nobleMs / wasmMs).toFixed(2)}×, WASM vs @owf/mdoc on WebCrypto ${(owfMs / wasmMs).toFixed(2)}×, noble vs @owf/mdoc ${(owfMs / nobleMs).toFixed(2)}×`,
].join('\n'));

describe(`verify ${RESPONSES} mdoc DeviceResponses from ${ISSUERS} issuers`, () => {
  bench('Satchel, worker on the WASM core', satchelVerifyAll, { iterations: 3, time: 0, setup: () => startEngine('wasm') });
  bench('Satchel, worker on @noble/curves', satchelVerifyAll, { iterations: 2, time: 0, setup: () => startEngine('noble') });
  bench('@owf/mdoc on WebCrypto', owfVerifyAll, { iterations: 3, time: 0, setup: () => stopCryptoWorker() });
});
