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
const SINGLES = 100;
const ROUNDS = 5;

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

/** From the page: `only` a case-name prefix ('' = every case), `wasm` another core's URL. */
interface BenchOptions { only: string; wasm?: string }

async function main({ only, wasm: otherWasm }: BenchOptions): Promise<void> {
  const results: BenchResult[] = [];
  const add = (c: string, impl: BenchResult['impl'], usPerOp: number, ops: number): void => {
    results.push({ case: c, impl, usPerOp, ops });
    post({ progress: `${c} ${impl}: ${usPerOp.toFixed(1)} µs/op` });
  };
  const runs = (c: string): boolean => c.startsWith(only);
  const bytes = await (await fetch(otherWasm ?? wasmUrl)).arrayBuffer();
  let t = now();
  const module = await WebAssembly.compile(bytes);
  const compileMs = now() - t;
  t = now();
  const wasm: WasmVerifier = await instantiateVerifier(module);
  const instantiateMs = now() - t;
  const noble = createNobleVerifier();
  const webcrypto = createWebCryptoVerifier();

  post({ progress: 'signing inputs…' });
  // distinct keys per implementation and per round, so no implementation sees a key twice in
  // the single (unknown-key) cases; the best of ROUNDS rounds is reported, as for every case
  const rounds = (make: typeof p256Key, base: number) => Array.from({ length: ROUNDS }, (_, r) => unknownKeyItems(make, SINGLES, base + r * SINGLES));
  const esSingle = { wasm: rounds(p256Key, 100), noble: rounds(p256Key, 1100), webcrypto: rounds(p256Key, 2100) };
  const edSingle = { wasm: rounds(ed25519Key, 100), noble: rounds(ed25519Key, 1100), webcrypto: rounds(ed25519Key, 2100) };
  const esBatch = knownKeyItems(p256Key, BATCH, KNOWN_KEYS);
  const edBatch = knownKeyItems(ed25519Key, BATCH, KNOWN_KEYS);
  const kib = new Uint8Array(1024).map((_, i) => i * 13);

  // first verification of the fresh instance (builds the generator tables)
  const first = unknownKeyItems(p256Key, 1, 9000)[0]!;
  t = now();
  check(wasm.verifyP256(first.publicKey, first.message, first.signature), 'first');
  const firstVerifyMs = now() - t;

  // G's table (built right after start-up by the worker)
  t = now();
  check(wasm.warmUp(), 'warm-up');
  const gTableMs = now() - t;

  // one key's table
  const fresh = p256Key(9999).publicKey;
  t = now();
  check(wasm.prepareP256Key(fresh), 'prepare');
  const prepareKeyMs = now() - t;

  /** Best of the rounds, each over its own fresh keys. */
  async function singles(sets: VerifyItem[][], f: (it: VerifyItem) => boolean | Promise<boolean>): Promise<number> {
    let r = 0;
    return time(async () => { for (const it of sets[r++]!) check(await f(it), 'single'); }, SINGLES, sets.length);
  }
  if (runs('es256-single')) {
    add('es256-single', 'wasm', await singles(esSingle.wasm, (it) => wasm.verifyP256(it.publicKey, it.message, it.signature)), SINGLES);
    add('es256-single', 'noble', await singles(esSingle.noble, (it) => noble.verifyP256(it.publicKey, it.message, it.signature)), SINGLES);
    add('es256-single', 'webcrypto', await singles(esSingle.webcrypto, (it) => webcrypto.verifyP256(it.publicKey, it.message, it.signature)), SINGLES);
  }

  // ES256 batch of 1000 over 10 known keys (warm-up builds/imports the keys first)
  if (runs('es256-batch-known-keys')) {
    check(wasm.verifyBatch(esBatch), 'warm');
    check(await webcrypto.verifyBatch(esBatch), 'warm');
    add('es256-batch-known-keys', 'wasm', await time(() => check(wasm.verifyBatch(esBatch), 'b'), BATCH), BATCH);
    add('es256-batch-known-keys', 'noble', await time(() => check(noble.verifyBatch(esBatch), 'b'), BATCH, 2), BATCH);
    add('es256-batch-known-keys', 'webcrypto', await time(async () => check(await webcrypto.verifyBatch(esBatch), 'b'), BATCH), BATCH);
  }

  let edWebCrypto = true;
  if (runs('ed25519-single')) {
    // warm every implementation's code first (JIT tiers; noble's base-point table) on keys no round uses
    const warm = unknownKeyItems(ed25519Key, 20, 9500);
    for (const it of warm) {
      check(wasm.verifyEd25519(it.publicKey, it.message, it.signature), 'warm');
      check(noble.verifyEd25519(it.publicKey, it.message, it.signature), 'warm');
    }
    add('ed25519-single', 'wasm', await singles(edSingle.wasm, (it) => wasm.verifyEd25519(it.publicKey, it.message, it.signature)), SINGLES);
    add('ed25519-single', 'noble', await singles(edSingle.noble, (it) => noble.verifyEd25519(it.publicKey, it.message, it.signature)), SINGLES);
    try {
      for (const it of warm) check(await webcrypto.verifyEd25519(it.publicKey, it.message, it.signature), 'warm');
      add('ed25519-single', 'webcrypto', await singles(edSingle.webcrypto, (it) => webcrypto.verifyEd25519(it.publicKey, it.message, it.signature)), SINGLES);
    } catch (e) {
      edWebCrypto = false;
      post({ progress: `WebCrypto Ed25519 unavailable: ${String(e)}` });
    }
  }

  if (runs('ed25519-batch-known-keys')) {
    check(wasm.verifyBatch(edBatch), 'warm');
    add('ed25519-batch-known-keys', 'wasm', await time(() => check(wasm.verifyBatch(edBatch), 'b'), BATCH), BATCH);
    add('ed25519-batch-known-keys', 'noble', await time(() => check(noble.verifyBatch(edBatch), 'b'), BATCH, 2), BATCH);
    if (edWebCrypto) {
      check(await webcrypto.verifyBatch(edBatch), 'warm');
      add('ed25519-batch-known-keys', 'webcrypto', await time(async () => check(await webcrypto.verifyBatch(edBatch), 'b'), BATCH), BATCH);
    }
  }

  const SHA_OPS = 2000;
  if (runs('sha256-1k')) {
    add('sha256-1k', 'wasm', await time(() => { for (let i = 0; i < SHA_OPS; i++) wasm.sha256(kib); }, SHA_OPS), SHA_OPS);
    add('sha256-1k', 'noble', await time(() => { for (let i = 0; i < SHA_OPS; i++) noble.sha256(kib); }, SHA_OPS), SHA_OPS);
    add('sha256-1k', 'webcrypto', await time(async () => { for (let i = 0; i < SHA_OPS; i++) await webcrypto.sha256(kib); }, SHA_OPS), SHA_OPS);
  }

  post({ done: { results, compileMs, instantiateMs, firstVerifyMs, gTableMs, prepareKeyMs, ed25519Engine: wasm.ed25519Engine, userAgent: navigator.userAgent } });
}

self.onmessage = (e: MessageEvent<BenchOptions>): void => {
  main(e.data).catch((err: unknown) => post({ error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) }));
};
