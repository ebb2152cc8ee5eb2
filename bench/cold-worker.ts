/** A cold crypto worker: fetch + compile + instantiate the core, then one ES256 verification. */
import wasmUrl from '../wasm/build/satchel-core.wasm?url';
import { instantiateVerifier } from '../src/crypto/wasm-verifier';

const t0 = performance.now();
self.onmessage = async (e: MessageEvent<{ key: Uint8Array; msg: Uint8Array; sig: Uint8Array }>) => {
  const res = await fetch(wasmUrl);
  const v = await instantiateVerifier(await WebAssembly.compileStreaming(res));
  const ready = performance.now();
  const ok = v.verifyP256(e.data.key, e.data.msg, e.data.sig);
  (self as unknown as Worker).postMessage({ ok, loadMs: ready - t0, verifyMs: performance.now() - ready });
};
