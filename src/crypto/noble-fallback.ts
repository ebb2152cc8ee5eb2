/**
 * The @noble/curves engine as a script of its own (issue 18), built apart from the crypto worker
 * and loaded into it only when needed (load-noble.ts): where WebAssembly is unavailable or fails
 * its self-test, where SubtleCrypto is missing (ES384), and to decompress a compressed P-384 key.
 * With the WASM core working, the worker's script is a quarter of its former size (noble was
 * about 60 of its 77 KB) and starts that much sooner. It leaves its functions on the worker's
 * global scope, which is how a classic script (importScripts) hands anything over.
 */
import { createNobleVerifier, verifyP384Noble } from './noble-verifier';
import { uncompressedP384 } from './p384-decompress';

export interface NobleFallback {
  createNobleVerifier: typeof createNobleVerifier;
  verifyP384Noble: typeof verifyP384Noble;
  uncompressedP384: typeof uncompressedP384;
}

(globalThis as { satchelNoble?: NobleFallback }).satchelNoble = { createNobleVerifier, verifyP384Noble, uncompressedP384 };
