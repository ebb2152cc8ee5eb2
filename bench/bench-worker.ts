/**
 * Runs inside a dedicated worker in headless Chromium: the same fixed inputs through the WASM
 * core, @noble/curves and WebCrypto; posts µs/op per case. WebCrypto runs are async: single
 * cases await each call (latency, as a verifier checking one credential sees it, import of the
 * unknown key included); batch cases issue all calls at once (Promise.all, keys imported once).
 */
import wasmUrl from '../wasm/build/satchel-core.wasm?url';
import { instantiateVerifier, type WasmVerifier } from '../src/crypto/wasm-verifier';
import { createNobleVerifier } from '../src/crypto/noble-verifier';
import { createWebCryptoVerifier } from '../src/crypto/webcrypto-verifier';
import type { VerifyItem } from '../src/lib/signature-verifier';
import { ed25519Key, knownKeyItems, p256Key, unknownKeyItems } from './inputs';

export interface BenchResult { case: string; impl: 'wasm' | 'noble' | 'webcrypto'; usPerOp: number; ops: number }

const BATCH = 1000;
const KNOWN_KEYS = 10;
const SINGLES = 200;
const ROUNDS = 3;

const post = (m: unknown): void => (self as unknown as Worker).postMessage(m);
const now = (): number => performance.now();

async function time(run: () => unknown, ops: number, rounds = ROUNDS): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = now();
    await run();
    best = Math.min(best, now() - t);
  }
  return (best * 1000) / ops;
}

function check(ok: boolean[] | boolean, what: string): void {
  if (Array.isArray(ok) ? !ok.every(Boolean) : !ok) throw new Error(`benchmark input did not verify: ${what}`);
}

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  const add = (c: string, impl: BenchResult['impl'], usPerOp: number, ops: number): void => {
    results.push({ case: c, impl, usPerOp, ops });
    post({ progress: `${c} ${impl}: ${usPerOp.toFixed(1)} µs/op` });
  };
  const bytes = await (await fetch(wasmUrl)).arrayBuffer();
  let t = now();
  const module = await WebAssembly.compile(bytes);
  const compileMs = now() - t;
  t = now();
  const wasm: WasmVerifier = await instantiateVerifier(module);
  const instantiateMs = now() - t;
  const noble = createNobleVerifier();
  const webcrypto = createWebCryptoVerifier();

  post({ progress: 'signing inputs…' });
  // distinct key sets per implementation, so no implementation sees a key twice in the single cases
  const esSingle = { wasm: unknownKeyItems(p256Key, SINGLES, 100), noble: unknownKeyItems(p256Key, SINGLES, 400), webcrypto: unknownKeyItems(p256Key, SINGLES, 700) };
  const edSingle = { wasm: unknownKeyItems(ed25519Key, SINGLES, 100), noble: unknownKeyItems(ed25519Key, SINGLES, 400), webcrypto: unknownKeyItems(ed25519Key, SINGLES, 700) };
  const esBatch = knownKeyItems(p256Key, BATCH, KNOWN_KEYS);
  const edBatch = knownKeyItems(ed25519Key, BATCH, KNOWN_KEYS);
  const kib = new Uint8Array(1024).map((_, i) => i * 13);

  // first verification of the fresh instance (builds the generator tables)
  t = now();
  check(wasm.verifyP256(esSingle.wasm[0]!.publicKey, esSingle.wasm[0]!.message, esSingle.wasm[0]!.signature), 'first');
  const firstVerifyMs = now() - t;

  // one key's table
  const fresh = p256Key(9999).publicKey;
  t = now();
  check(wasm.prepareP256Key(fresh), 'prepare');
  const prepareKeyMs = now() - t;

  const single = (items: VerifyItem[], f: (it: VerifyItem) => boolean) => () => check(items.map(f), 'single');
  // ES256 single, unknown keys: one pass (a second pass would find the keys known)
  add('es256-single', 'wasm', await time(single(esSingle.wasm.slice(1), (it) => wasm.verifyP256(it.publicKey, it.message, it.signature)), SINGLES - 1, 1), SINGLES - 1);
  add('es256-single', 'noble', await time(single(esSingle.noble, (it) => noble.verifyP256(it.publicKey, it.message, it.signature)), SINGLES, 1), SINGLES);
  add('es256-single', 'webcrypto', await time(async () => { for (const it of esSingle.webcrypto) check(await webcrypto.verifyP256(it.publicKey, it.message, it.signature), 'wc'); }, SINGLES, 1), SINGLES);

  // ES256 batch of 1000 over 10 known keys (warm-up builds/imports the keys first)
  check(wasm.verifyBatch(esBatch), 'warm');
  check(await webcrypto.verifyBatch(esBatch), 'warm');
  add('es256-batch-known-keys', 'wasm', await time(() => check(wasm.verifyBatch(esBatch), 'b'), BATCH), BATCH);
  add('es256-batch-known-keys', 'noble', await time(() => check(noble.verifyBatch(esBatch), 'b'), BATCH, 1), BATCH);
  add('es256-batch-known-keys', 'webcrypto', await time(async () => check(await webcrypto.verifyBatch(esBatch), 'b'), BATCH), BATCH);

  add('ed25519-single', 'wasm', await time(single(edSingle.wasm, (it) => wasm.verifyEd25519(it.publicKey, it.message, it.signature)), SINGLES, 1), SINGLES);
  add('ed25519-single', 'noble', await time(single(edSingle.noble, (it) => noble.verifyEd25519(it.publicKey, it.message, it.signature)), SINGLES, 1), SINGLES);
  let edWebCrypto = true;
  try {
    add('ed25519-single', 'webcrypto', await time(async () => { for (const it of edSingle.webcrypto) check(await webcrypto.verifyEd25519(it.publicKey, it.message, it.signature), 'wc'); }, SINGLES, 1), SINGLES);
  } catch (e) {
    edWebCrypto = false;
    post({ progress: `WebCrypto Ed25519 unavailable: ${String(e)}` });
  }

  check(wasm.verifyBatch(edBatch), 'warm');
  add('ed25519-batch-known-keys', 'wasm', await time(() => check(wasm.verifyBatch(edBatch), 'b'), BATCH), BATCH);
  add('ed25519-batch-known-keys', 'noble', await time(() => check(noble.verifyBatch(edBatch), 'b'), BATCH, 1), BATCH);
  if (edWebCrypto) {
    check(await webcrypto.verifyBatch(edBatch), 'warm');
    add('ed25519-batch-known-keys', 'webcrypto', await time(async () => check(await webcrypto.verifyBatch(edBatch), 'b'), BATCH), BATCH);
  }

  const SHA_OPS = 2000;
  add('sha256-1k', 'wasm', await time(() => { for (let i = 0; i < SHA_OPS; i++) wasm.sha256(kib); }, SHA_OPS), SHA_OPS);
  add('sha256-1k', 'noble', await time(() => { for (let i = 0; i < SHA_OPS; i++) noble.sha256(kib); }, SHA_OPS), SHA_OPS);
  add('sha256-1k', 'webcrypto', await time(async () => { for (let i = 0; i < SHA_OPS; i++) await webcrypto.sha256(kib); }, SHA_OPS), SHA_OPS);

  post({ done: { results, compileMs, instantiateMs, firstVerifyMs, prepareKeyMs, ed25519Engine: wasm.ed25519Engine, userAgent: navigator.userAgent } });
}

main().catch((e: unknown) => post({ error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }));
