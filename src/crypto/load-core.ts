/**
 * Fetches and compiles the crypto core in a browser context (worker or page).
 * Streaming compilation when the server sends application/wasm, plain compile otherwise.
 */
import wasmUrl from '../../wasm/build/satchel-core.wasm?url';
import { instantiateCore, type CryptoCore } from './wasm-core';

export async function loadCore(): Promise<CryptoCore> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`crypto core download failed: HTTP ${response.status}`);
  const module = typeof WebAssembly.compileStreaming === 'function'
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  return instantiateCore(module);
}
