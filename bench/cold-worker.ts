/**
 * A cold crypto worker, started as the app's worker starts: fetch + compile + instantiate the
 * core, the engine's known-answer self-test (engine.ts), then one ES256 verification.
 */
import wasmUrl from '../wasm/build/satchel-core.wasm?url';
import { instantiateVerifier } from '../src/crypto/wasm-verifier';
import { selectEngine } from '../src/crypto/engine';
import { createNobleVerifier } from '../src/crypto/noble-verifier';
import { selfTest } from '../src/crypto/self-test';

const t0 = performance.now();
self.onmessage = async (e: MessageEvent<{ key: Uint8Array; msg: Uint8Array; sig: Uint8Array }>) => {
  let instantiatedAt = 0;
  const engine = await selectEngine(async () => {
    const v = await instantiateVerifier(await WebAssembly.compileStreaming(fetch(wasmUrl)));
    instantiatedAt = performance.now();
    return v;
  }, async () => createNobleVerifier());
  const ready = performance.now();
  const ok = engine.verifier.verifyP256(e.data.key, e.data.msg, e.data.sig);
  const done = performance.now();
  // the self-test again, now warm, to separate its cost from first-call (baseline-tier) cost
  const t = performance.now();
  selfTest(engine.verifier);
  (self as unknown as Worker).postMessage({
    ok: ok && engine.engine === 'wasm', loadMs: instantiatedAt - t0, selfTestMs: ready - instantiatedAt,
    verifyMs: done - ready, warmSelfTestMs: performance.now() - t,
  });
};
