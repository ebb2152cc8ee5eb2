/**
 * Chooses the verification engine (docs/architecture.md, convention 11: the WASM core is the default
 * verifier, @noble/curves the fallback where WebAssembly is unavailable). WebAssembly can be missing
 * (old or locked-down browsers, some "lite" modes) or refused by a Content-Security-Policy
 * without 'wasm-unsafe-eval' (compile throws a CompileError/EvalError). Either way, and if the
 * WASM engine fails its known-answer self-test, the noble verifier takes over.
 */
import { selfTest } from './self-test';
import type { Verifier } from './checked-verifier';

export type EngineName = 'wasm' | 'noble';

export interface Engine {
  engine: EngineName;
  verifier: Verifier;
  selfTest: boolean;
  /** Why the WASM engine is not in use (absent when it is). */
  fallbackReason?: string;
  /** Milliseconds to get the engine ready (download, compile, instantiate, self-test). */
  startMs: number;
}

/**
 * `loadNoble` gives the noble verifier: the worker loads its script only then (load-noble.ts);
 * tests and Node pass `async () => createNobleVerifier()`.
 */
export async function selectEngine(loadWasm: () => Promise<Verifier>, loadNoble: () => Promise<Verifier>, now: () => number = () => performance.now()): Promise<Engine> {
  const t0 = now();
  let fallbackReason: string;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fallbackReason = 'WebAssembly is not available';
  } else {
    try {
      const verifier = await loadWasm();
      if (selfTest(verifier)) return { engine: 'wasm', verifier, selfTest: true, startMs: now() - t0 };
      fallbackReason = 'WebAssembly engine failed its self-test';
    } catch (error) {
      fallbackReason = `WebAssembly engine could not start: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const verifier = await loadNoble();
  return { engine: 'noble', verifier, selfTest: selfTest(verifier), fallbackReason, startMs: now() - t0 };
}
