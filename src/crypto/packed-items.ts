/**
 * Packs a batch of VerifyItems into one ArrayBuffer so it crosses to the worker by transfer
 * (one copy on the way in, none on the way). Layout, little-endian:
 *   u32 count, then per item: u8 alg (1 ES256, 2 EdDSA, 3 ES384, 0 other), u32 keyLen, u32 msgLen,
 *   u32 sigLen, then the key, message and signature bytes.
 */
import type { VerifyItem } from '../lib/signature-verifier';

const ALG_CODES = { ES256: 1, EdDSA: 2, ES384: 3 } as const;
const HEADER_BYTES = 13;

export function packItems(items: readonly VerifyItem[]): ArrayBuffer {
  let total = 4;
  for (const it of items) total += HEADER_BYTES + it.publicKey.length + it.message.length + it.signature.length;
  const buf = new ArrayBuffer(total);
  const view = new DataView(buf);
  const bytes = new Uint8Array(buf);
  view.setUint32(0, items.length, true);
  let at = 4;
  for (const it of items) {
    view.setUint8(at, ALG_CODES[it.alg] ?? 0);
    view.setUint32(at + 1, it.publicKey.length, true);
    view.setUint32(at + 5, it.message.length, true);
    view.setUint32(at + 9, it.signature.length, true);
    at += HEADER_BYTES;
    for (const part of [it.publicKey, it.message, it.signature]) {
      bytes.set(part, at);
      at += part.length;
    }
  }
  return buf;
}

export function unpackItems(buf: ArrayBuffer): VerifyItem[] {
  const view = new DataView(buf);
  const count = view.getUint32(0, true);
  const items: VerifyItem[] = [];
  let at = 4;
  for (let i = 0; i < count; i++) {
    const code = view.getUint8(at);
    const kl = view.getUint32(at + 1, true), ml = view.getUint32(at + 5, true), sl = view.getUint32(at + 9, true);
    at += HEADER_BYTES;
    const publicKey = new Uint8Array(buf, at, kl); at += kl;
    const message = new Uint8Array(buf, at, ml); at += ml;
    const signature = new Uint8Array(buf, at, sl); at += sl;
    // an unknown algorithm travels as an alg no verifier accepts, so its result is false
    const alg = (code === 1 ? 'ES256' : code === 2 ? 'EdDSA' : code === 3 ? 'ES384' : 'unsupported') as VerifyItem['alg'];
    items.push({ alg, publicKey, message, signature });
  }
  return items;
}
