/**
 * The three verifiers as one shape for the shared vector suites (runs in Node and Chromium).
 * Each environment's test file supplies how to get the WASM bytes.
 */
import type { Verifier } from '../../../../src/crypto/checked-verifier';
import { instantiateVerifier } from '../../../../src/crypto/wasm-verifier';
import { createNobleVerifier } from '../../../../src/crypto/noble-verifier';
import { createWebCryptoVerifier } from '../../../../src/crypto/webcrypto-verifier';

export interface AnyVerifier {
  name: 'wasm' | 'wasm-no-key-tables' | 'noble' | 'webcrypto';
  verifyP256(k: Uint8Array, m: Uint8Array, s: Uint8Array): boolean | Promise<boolean>;
  verifyP256Der(k: Uint8Array, m: Uint8Array, s: Uint8Array): boolean | Promise<boolean>;
  verifyEd25519(k: Uint8Array, m: Uint8Array, s: Uint8Array): boolean | Promise<boolean>;
}

export type WasmSource = () => Promise<BufferSource | WebAssembly.Module>;

export async function allVerifiers(wasm: WasmSource): Promise<AnyVerifier[]> {
  const w: Verifier = await instantiateVerifier(await wasm());
  const plain: Verifier = await instantiateVerifier(await wasm(), { keyTables: false });
  const n = createNobleVerifier();
  const c = createWebCryptoVerifier();
  return [
    { name: 'wasm', verifyP256: w.verifyP256, verifyP256Der: w.verifyP256Der, verifyEd25519: w.verifyEd25519 },
    { name: 'wasm-no-key-tables', verifyP256: plain.verifyP256, verifyP256Der: plain.verifyP256Der, verifyEd25519: plain.verifyEd25519 },
    { name: 'noble', verifyP256: n.verifyP256, verifyP256Der: n.verifyP256Der, verifyEd25519: n.verifyEd25519 },
    { name: 'webcrypto', verifyP256: c.verifyP256, verifyP256Der: c.verifyP256Der, verifyEd25519: c.verifyEd25519 },
  ];
}

export function hex(s: string): Uint8Array {
  if (s.length % 2) throw new Error(`odd hex length: ${s}`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function b64url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

/** SEC1 2.3.3 compressed form of an uncompressed key. */
export function compress(uncompressed: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(33);
  out[0] = 0x02 | (uncompressed[64]! & 1);
  out.set(uncompressed.subarray(1, 33), 1);
  return out;
}
