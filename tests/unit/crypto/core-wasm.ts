import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The crypto core the Ed25519 tests load in Node: wasm/build's, or the file named by
 * SATCHEL_CORE_WASM — a candidate build checked against every vector before it replaces the
 * one the rest of the project uses (`SATCHEL_CORE_WASM=/tmp/x.wasm npx vitest run …`).
 */
export const coreWasmUrl: URL = process.env.SATCHEL_CORE_WASM
  ? pathToFileURL(resolve(process.env.SATCHEL_CORE_WASM))
  : new URL('../../../wasm/build/satchel-core.wasm', import.meta.url);
