/**
 * The crypto worker: the one place signatures are checked in the app, off the main thread.
 * One API object, typed and exposed through comlink (docs/architecture.md, convention 1). The engine is
 * chosen on first use (engine.ts): the WASM core, or @noble/curves where WebAssembly is
 * unavailable or refused. Results that carry buffers are transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import type { VerifyItem } from '../lib/signature-verifier';
import { selectEngine, type Engine, type EngineName } from './engine';
import { verifyBatchRoutingEs384 } from './es384-routing';
import { loadWasmVerifier } from './load-core';
import { isNobleLoaded, loadNobleFallback } from './load-noble';
import { unpackItems } from './packed-items';
import type { WasmVerifier } from './wasm-verifier';
import { webCryptoP384, type P384Check } from './webcrypto-p384-verify';

/** Set by forceEngine('noble') before first use: tests, and a kill switch. */
let forced: EngineName | undefined;

/** After start-up, build the WASM core's generator table once the first request is answered. */
const WARM_UP_DELAY_MS = 50;

let engine: Promise<Engine> | undefined;
const getEngine = (): Promise<Engine> => (engine ??= selectEngine(
  forced === 'noble' ? () => Promise.reject(new Error('noble engine requested')) : loadWasmVerifier,
  async () => (await loadNobleFallback()).createNobleVerifier(),
).then((e) => {
  const v = e.verifier as Partial<WasmVerifier>;
  if (typeof v.warmUp === 'function') setTimeout(() => v.warmUp!(), WARM_UP_DELAY_MS);
  return e;
}));

/**
 * ES384 beside the WASM core, which has no P-384 (docs/crypto-core.md: ES384): WebCrypto, or
 * @noble/curves where SubtleCrypto is missing (a page served over plain HTTP has none).
 */
const hasSubtle = typeof globalThis.crypto?.subtle?.verify === 'function';
let p384: P384Check | undefined;
const es384Check = (): P384Check => (p384 ??= hasSubtle
  // noble's script only for a compressed key (SEC1 §2.3.4), which importKey need not take
  ? webCryptoP384(async (key) => (await loadNobleFallback()).uncompressedP384(key))
  : async (key, message, signature) => (await loadNobleFallback()).verifyP384Noble(key, message, signature));

/** One result per item, in order: the noble engine checks ES384 itself; the WASM engine routes it. */
async function verifyItems(items: readonly VerifyItem[]): Promise<boolean[]> {
  const e = await getEngine();
  return e.engine === 'wasm' ? verifyBatchRoutingEs384(e.verifier, es384Check(), items) : e.verifier.verifyBatch(items);
}

export interface CryptoStatus {
  engine: EngineName;
  selfTest: boolean;
  /** Which engine checks Ed25519 (the WASM core, or noble inside the WASM engine). */
  ed25519Engine: EngineName;
  /** Which engine checks ES384 (P-384): WebCrypto beside the WASM core, else noble. */
  es384Engine: 'webcrypto' | 'noble';
  fallbackReason?: string;
  startMs: number;
  /** Whether the noble script has been loaded into this worker (load-noble.ts: not while the WASM core serves). */
  nobleLoaded: boolean;
}

const api = {
  /** Forces the @noble/curves engine; only before the first verification picks an engine. */
  async forceEngine(name: 'noble'): Promise<void> {
    if (engine) throw new Error('forceEngine: an engine is already in use');
    forced = name;
  },
  /** Which engine answers, whether its known-answer self-test passed, and why a fallback is used. */
  async status(): Promise<CryptoStatus> {
    const e = await getEngine();
    const ed = 'ed25519Engine' in e.verifier ? (e.verifier as { ed25519Engine: EngineName }).ed25519Engine : e.engine;
    const es384Engine = e.engine === 'wasm' && hasSubtle ? 'webcrypto' : 'noble';
    const s: CryptoStatus = { engine: e.engine, selfTest: e.selfTest, ed25519Engine: ed, es384Engine, startMs: e.startMs, nobleLoaded: isNobleLoaded() };
    if (e.fallbackReason) s.fallbackReason = e.fallbackReason;
    return s;
  },
  async verifyP256(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return (await getEngine()).verifier.verifyP256(publicKey, message, signature);
  },
  async verifyP256Der(publicKey: Uint8Array, message: Uint8Array, derSignature: Uint8Array): Promise<boolean> {
    return (await getEngine()).verifier.verifyP256Der(publicKey, message, derSignature);
  },
  async verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return (await getEngine()).verifier.verifyEd25519(publicKey, message, signature);
  },
  /** ES256, EdDSA and ES384 items, one result each, in order. */
  async verifyBatch(items: readonly VerifyItem[]): Promise<boolean[]> {
    return verifyItems(items);
  },
  /** verifyBatch over items packed into one transferred buffer (packed-items.ts). */
  async verifyPacked(packed: ArrayBuffer): Promise<Uint8Array> {
    const results = await verifyItems(unpackItems(packed));
    const out = Uint8Array.from(results, (r) => (r ? 1 : 0));
    return transfer(out, [out.buffer]);
  },
  async sha256(data: Uint8Array): Promise<Uint8Array> {
    const digest = (await getEngine()).verifier.sha256(data);
    return transfer(digest, [digest.buffer]);
  },
};

export type CryptoApi = typeof api;
expose(api);
