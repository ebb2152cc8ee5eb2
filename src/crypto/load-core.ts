/**
 * Fetches, compiles and instantiates the crypto core in a browser context (worker or page).
 * Streaming compilation when the server sends application/wasm, plain compile otherwise.
 * The `?url` import is Vite's; its types are referenced here so that every project reaching this
 * file checks it, tsconfig.node.json's unit tests of the app's composition root included.
 */
/// <reference types="vite/client" />
import wasmUrl from '../../wasm/build/satchel-core.wasm?url';
import { instantiateVerifier, type WasmVerifier } from './wasm-verifier';

export async function loadWasmVerifier(): Promise<WasmVerifier> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`crypto core download failed: HTTP ${response.status}`);
  const module = typeof WebAssembly.compileStreaming === 'function'
    && response.headers.get('content-type')?.startsWith('application/wasm')
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  return instantiateVerifier(module);
}
