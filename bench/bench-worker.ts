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
/** Ed25519 single verification: more rounds, interleaved (the issue 18 target is a ratio in one run). */
const ED_ROUNDS = 10;

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
  const edRounds = (base: number) => Array.from({ length: ED_ROUNDS }, (_, r) => unknownKeyItems(ed25519Key, SINGLES, base + r * SINGLES));
  const edSingle = { wasm: edRounds(100), noble: edRounds(1100), webcrypto: edRounds(2100) };
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
    // Warm every implementation's code first, on keys no round uses, until its speed has settled
    // (no batch of 20 beat the best by 3 % for a second; at most 15 s): V8 compiles WebAssembly
    // with its baseline compiler first and optimises hot functions on background threads, which
    // on a loaded machine can take seconds — measured before it had settled, the WASM core
    // showed 190–650 µs instead of 110–120. noble's JIT and base-point table likewise.
    const warm = unknownKeyItems(ed25519Key, 20, 9500);
    for (const verify of [wasm.verifyEd25519.bind(wasm), noble.verifyEd25519.bind(noble)]) {
      const start = now();
      let best = Infinity, bestAt = start;
      while (now() - bestAt < 1000 && now() - start < 15_000) {
        const t0 = now();
        for (const it of warm) check(verify(it.publicKey, it.message, it.signature), 'warm');
        const ms = now() - t0;
        if (ms < best * 0.97) bestAt = now();
        best = Math.min(best, ms);
      }
    }
    try {
      for (const it of warm) check(await webcrypto.verifyEd25519(it.publicKey, it.message, it.signature), 'warm');
    } catch (e) {
      edWebCrypto = false;
      post({ progress: `WebCrypto Ed25519 unavailable: ${String(e)}` });
    }
    // The three take turns round by round (a burst of load on a shared machine hits all alike);
    // best of ED_ROUNDS, each round over its own fresh keys.
    const best = { wasm: Infinity, noble: Infinity, webcrypto: Infinity };
    for (let r = 0; r < ED_ROUNDS; r++) {
      best.wasm = Math.min(best.wasm, await singles([edSingle.wasm[r]!], (it) => wasm.verifyEd25519(it.publicKey, it.message, it.signature)));
      best.noble = Math.min(best.noble, await singles([edSingle.noble[r]!], (it) => noble.verifyEd25519(it.publicKey, it.message, it.signature)));
      if (edWebCrypto) best.webcrypto = Math.min(best.webcrypto, await singles([edSingle.webcrypto[r]!], (it) => webcrypto.verifyEd25519(it.publicKey, it.message, it.signature)));
    }
    add('ed25519-single', 'wasm', best.wasm, SINGLES);
    add('ed25519-single', 'noble', best.noble, SINGLES);
    if (edWebCrypto) add('ed25519-single', 'webcrypto', best.webcrypto, SINGLES);
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
